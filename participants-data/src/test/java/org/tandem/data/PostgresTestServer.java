package org.tandem.data;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server for tests, from the Debian package's programs ({@code apt-get install postgresql}; CI's
 * {@code .ci/run} installs it): a throwaway cluster of its own in a temporary folder, on a free port of 127.0.0.1, with
 * fsync and synchronous commit on as a lab's server has them, password (SCRAM) logins and TLS (a self-signed
 * certificate made by {@code openssl}). Tests stop and start it to cut the network under a station. One server per test
 * JVM, started on first use and stopped when the JVM exits; each test takes a fresh database on it.
 *
 * <p>PostgreSQL refuses to run as root: as root, its programs run as the {@code postgres} account the package creates.
 */
public final class PostgresTestServer {
    public static final String USER = "tandem";
    public static final String PASSWORD = "tandem-test-password";
    private static final String PASS_FILE_PROPERTY = "org.postgresql.pgpassfile";
    private static PostgresTestServer shared;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgres;
    private final AtomicInteger databases = new AtomicInteger();
    private boolean running;

    private PostgresTestServer(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized PostgresTestServer shared() {
        if (shared == null) {
            shared = start();
            PostgresTestServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
        }
        return shared;
    }

    private static PostgresTestServer start() {
        Path bin = findBin();
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dir = Files.createTempDirectory("tandem-pgtest-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Path pwFile = dir.resolve("pw");
            Files.writeString(pwFile, PASSWORD + "\n");
            if (root) {
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
                Files.setOwner(pwFile, postgres);
            }
            PostgresTestServer server = new PostgresTestServer(bin, dir, freePort(), root);
            server.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                    "--pwfile=" + pwFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"));
            // a self-signed certificate, so connections are encrypted as with a lab's server that offers TLS
            server.run(List.of("openssl", "req", "-new", "-x509", "-days", "2", "-nodes", "-subj", "/CN=127.0.0.1",
                    "-newkey", "rsa:2048", "-keyout", dir.resolve("data/server.key").toString(), "-out",
                    dir.resolve("data/server.crt").toString()));
            server.run(List.of("chmod", "600", dir.resolve("data/server.key").toString())); // PostgreSQL insists
            server.startServer();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot set up a PostgreSQL test server: " + e.getMessage(), e);
        }
    }

    private static Path findBin() {
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/pg_ctl")))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                    .map(v -> v.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL's programs are not installed (no"
                            + " /usr/lib/postgresql/*/bin/pg_ctl); install them with `apt-get install postgresql`"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot look for PostgreSQL under " + root + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts the server (again, after {@link #stop}); does nothing while it runs. */
    public synchronized void startServer() {
        if (running) {
            return;
        }
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on"
                        + " -c ssl=on",
                "start"));
        running = true;
    }

    /** Stops the server at once (fast shutdown: sessions are cut, committed transactions stay), as a network cut would. */
    public synchronized void stop() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "-t",
                "60", "stop"));
        running = false;
    }

    public int port() {
        return port;
    }

    /** A new, empty database on the server, as {@code --db} names it. */
    public String newDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return "postgresql://" + USER + "@127.0.0.1:" + port + "/" + name;
    }

    /** The store options of a database made by {@link #newDatabase}, with the test password. */
    public static StoreOptions options(String db) {
        return StoreOptions.of(db, PASSWORD);
    }

    /**
     * For each test of a class ({@code @ExtendWith(PostgresTestServer.PassFile.class)}): a pass file for the shared
     * server, read by the driver through the system property that stands for PGPASSFILE, so commands run in the test's
     * JVM find the password as a lab's stations do.
     */
    public static final class PassFile implements BeforeEachCallback, AfterEachCallback {
        private Path file;

        @Override
        public void beforeEach(ExtensionContext context) throws IOException {
            file = Files.createTempFile("tandem-pgpass", "");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(file, "127.0.0.1:" + shared().port + ":*:" + USER + ":" + PASSWORD + "\n");
            System.setProperty(PASS_FILE_PROPERTY, file.toString());
        }

        @Override
        public void afterEach(ExtensionContext context) throws IOException {
            System.clearProperty(PASS_FILE_PROPERTY);
            Files.deleteIfExists(file);
        }
    }

    /** A superuser connection to the {@code postgres} database, for setting up and inspecting. */
    public Connection admin() throws SQLException {
        return connect("postgres");
    }

    public Connection connect(String database) throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", USER);
        info.setProperty("password", PASSWORD);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, info);
    }

    private void destroy() {
        try {
            if (running) {
                stop();
            }
        } catch (RuntimeException ignored) {
            // the JVM is exiting; the temporary folder goes below either way
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("PostgreSQL test server: `" + String.join(" ", command) + "` failed: "
                        + new String(output, StandardCharsets.UTF_8) + tail(dir.resolve("log")));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
