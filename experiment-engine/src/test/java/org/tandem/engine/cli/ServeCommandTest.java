package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import picocli.CommandLine;

/** {@code tandem serve} as a user runs it: the address it prints, where it listens, and one-line mistakes. */
class ServeCommandTest {
    private static final Pattern ADDRESS = Pattern.compile("Dashboard: (http://([^/:]+):(\\d+)/\\?token=([0-9a-f]{32}))");

    @TempDir
    Path dir;

    /** A serve command running in its own thread, stopped by interrupting it. */
    private static final class Running implements AutoCloseable {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final AtomicInteger exit = new AtomicInteger(-1);
        final Thread thread;

        Running(String... args) {
            CommandLine cli = TandemCli.commandLine(false);
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            thread = new Thread(() -> exit.set(cli.execute(args)), "serve-under-test");
            thread.start();
        }

        /** The printed address, once the server listens. */
        Matcher address() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && thread.isAlive()) {
                Matcher m = ADDRESS.matcher(out.toString());
                if (m.find()) {
                    return m;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no address printed; out: " + out + " err: " + err);
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(30_000);
            assertThat(thread.isAlive()).as("serve stopped when interrupted").isFalse();
        }
    }

    private Path store() {
        Path db = dir.resolve("lab.mv.db");
        try (TandemStore store = TandemStore.open(StoreOptions.at(db))) {
            store.ensureStudy("face-study");
        }
        return db;
    }

    @Test
    void listensOnThisComputerOnlyWithARandomTokenInThePrintedAddress() throws Exception {
        Path db = store();
        int port;
        try (Running serve = new Running("serve", "--db", db.toString(), "--port", "0")) {
            Matcher address = serve.address();
            assertThat(address.group(2)).isEqualTo("127.0.0.1");
            port = Integer.parseInt(address.group(3));
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(address.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Tandem dashboard");
            HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/overview?token=" + address.group(4))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(json.body()).contains("\"face-study\"");
            Optional<InetAddress> outside = nonLoopbackAddress();
            if (outside.isPresent()) {
                assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(outside.get(), port), 5_000);
                    }
                }).as("reachable at %s", outside.get()).isInstanceOf(IOException.class);
            }
            assertThat(serve.err.toString()).doesNotContain("warning");
        }
        try (ServerSocket free = new ServerSocket()) {
            free.bind(new InetSocketAddress("127.0.0.1", port));
            assertThat(free.isBound()).as("the port was given back when serve stopped").isTrue();
        }
    }

    @Test
    void aChosenTokenAndAnotherAddressAreUsedAndTheAddressIsWarnedAbout() throws Exception {
        Path db = store();
        String token = "a-chosen-token-of-some-length";
        try (Running serve = new Running("serve", "--db", db.toString(), "--port", "0", "--bind", "0.0.0.0",
                "--token", token)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!serve.out.toString().contains("Dashboard:") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(serve.out.toString()).contains("Dashboard: http://0.0.0.0:").contains("/?token=" + token);
            assertThat(serve.err.toString()).contains("warning: --bind 0.0.0.0 lets other computers reach");
        }
    }

    @Test
    void aPortInUseIsOneLine() throws Exception {
        Path db = store();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            CliRun run = CliRun.of("serve", "--db", db.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().strip()).isEqualTo("tandem: port " + taken.getLocalPort()
                    + " is in use; choose another --port");
        }
    }

    @Test
    void badInputIsOneLine() {
        Path db = store();
        CliRun shortToken = CliRun.of("serve", "--db", db.toString(), "--token", "short");
        assertThat(shortToken.exitCode()).isEqualTo(1);
        assertThat(shortToken.err().strip().lines()).hasSize(1);
        assertThat(shortToken.err()).contains("--token must be at least 16 characters");

        CliRun missing = CliRun.of("serve", "--db", dir.resolve("missing").toString(), "--port", "0");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no Tandem database at");
        assertThat(missing.err().strip().lines()).hasSize(1);

        CliRun noReport = CliRun.of("serve", "--db", db.toString(), "--port", "0", "--report",
                dir.resolve("nowhere").toString());
        assertThat(noReport.exitCode()).isEqualTo(1);
        assertThat(noReport.err().strip()).startsWith("tandem: --report ").contains("no such folder");

        CliRun badPort = CliRun.of("serve", "--db", db.toString(), "--port", "70000");
        assertThat(badPort.exitCode()).isEqualTo(1);
        assertThat(badPort.err().strip()).isEqualTo("tandem: --port 70000: use 0 (any free port) to 65535");
    }

    @Test
    void helpDescribesTheDashboardWithAnExample() {
        CliRun help = CliRun.ok("serve", "--help");
        assertThat(help.out()).contains("--port", "--bind", "--token", "--report", "--db", "TANDEM_SERVE_TOKEN",
                "tandem serve --db lab.mv.db --report report/", "Ctrl-C");
        assertThat(CliRun.ok("--help").out()).contains("serve");
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
