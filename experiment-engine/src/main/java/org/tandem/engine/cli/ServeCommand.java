package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.tandem.engine.serve.AccessToken;
import org.tandem.engine.serve.DashboardServer;
import org.tandem.protocols.TandemException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a study dashboard to a browser: the studies with their session counts, the sessions in"
                + " progress and the latest ones (participant or network, trials done of planned, timing faults, last"
                + " trial), and a link to the latest report; it refreshes every 5 seconds.",
                "%nIt listens on this computer only (127.0.0.1) unless --bind says otherwise, and every request must"
                        + " carry the token: open the address it prints. The database is opened for each read and"
                        + " closed at once, never held; while a station has an H2 file open the page says it is in"
                        + " use and keeps the last figures. Runs until interrupted (Ctrl-C). See docs/DASHBOARD.md.",
                "%nExample:",
                "  tandem serve --db lab.mv.db --report report/",
                "  Dashboard: http://127.0.0.1:8765/?token=3f9c..."})
final class ServeCommand implements Runnable {
    private static final String LOCALHOST = "127.0.0.1";
    private static final Set<String> LOOPBACK = Set.of(LOCALHOST, "localhost", "::1");

    @Mixin
    DbOptions db;

    @Option(names = "--port", defaultValue = "8765", paramLabel = "N",
            description = "The port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = LOCALHOST, paramLabel = "ADDRESS",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this computer only). Another address"
                    + " lets other computers reach the dashboard, with the token as the only guard.")
    String bind;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:TANDEM_SERVE_TOKEN}",
            description = "The token every request must carry (default: $TANDEM_SERVE_TOKEN, else a new random 128-bit"
                    + " token printed in the address); at least 16 letters, digits or . _ ~ -.")
    String token;

    @Option(names = "--report", paramLabel = "DIR",
            description = "The folder tandem analyze --out wrote: the dashboard links to its report.html and serves"
                    + " its files.")
    Path report;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (port < 0 || port > 65_535) {
            throw new TandemException("--port " + port + ": use 0 (any free port) to 65535");
        }
        AccessToken access = token == null || token.isEmpty() ? AccessToken.random() : AccessToken.of(token);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean interrupted;
        try (DashboardServer server = DashboardServer.start(db.options(), access, report, bind, port)) {
            if (!LOOPBACK.contains(bind)) {
                err.println("tandem: warning: --bind " + bind + " lets other computers reach the dashboard; the token"
                        + " is its only guard and the connection is not encrypted");
                err.flush();
            }
            String host = bind.contains(":") ? "[" + bind + "]" : bind;
            out.println("Dashboard: http://" + host + ":" + server.port() + "/?token=" + access.text());
            out.println("Database: " + db.name() + (report == null ? "" : "; report: " + report));
            out.println("Press Ctrl-C to stop.");
            out.flush();
            interrupted = awaitStop(server);
        }
        if (interrupted) {
            // only now: the server stops cleanly only while this thread is not marked interrupted
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Blocks until Ctrl-C (the shutdown hook stops the server) or until this thread is interrupted.
     *
     * @return whether it was interrupted
     */
    private static boolean awaitStop(DashboardServer server) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "tandem-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
            return false;
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            return true;
        }
    }
}
