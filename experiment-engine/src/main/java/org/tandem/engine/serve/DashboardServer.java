package org.tandem.engine.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.data.StoreOptions;
import org.tandem.protocols.TandemException;

/**
 * The dashboard's web server: the page, its JSON and the report folder's files, each request checked for the token
 * first. It holds nothing open between requests but its port.
 */
public final class DashboardServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    private static final String BEARER = "Bearer ";
    /** Instants as ISO-8601 text in UTC, which the page's JavaScript reads as they are. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));

    private final AccessToken token;
    private final ReportFolder report;
    private final OverviewReader overview;
    private final Javalin app;
    private final AtomicBoolean stopped = new AtomicBoolean();

    /** Thrown by the token check, answered with a short 401. */
    private static final class Unauthorized extends RuntimeException {
        Unauthorized() {
            super(null, null, false, false);
        }
    }

    private DashboardServer(StoreOptions store, AccessToken token, ReportFolder report) {
        this.token = token;
        this.report = report;
        this.overview = new OverviewReader(store, this::reportInfo);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
        });
        app.before(this::checkToken);
        app.exception(Unauthorized.class, (e, ctx) -> ctx.status(401).contentType("text/plain; charset=utf-8")
                .result("401: add ?token=... (the token tandem serve printed) or the header Authorization: Bearer ...\n"));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.warn("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).contentType("text/plain; charset=utf-8").result("500: " + e + "\n");
        });
        app.get("/", this::page);
        app.get("/api/overview", this::overview);
        app.get("/report/<path>", this::reportFile);
    }

    /**
     * Starts the dashboard on {@code host} and {@code port} (0: any free port).
     *
     * @param report the folder of {@code tandem analyze --out}, or null
     */
    public static DashboardServer start(StoreOptions store, AccessToken token, Path report, String host, int port) {
        OverviewReader.checkReadable(store);
        ReportFolder folder = null;
        if (report != null) {
            try {
                folder = new ReportFolder(report);
            } catch (IOException e) {
                throw new TandemException("--report " + report + ": no such folder; give the folder tandem analyze"
                        + " --out wrote");
            }
            if (!Files.isDirectory(folder.root())) {
                throw new TandemException("--report " + report + " is not a folder; give the folder tandem analyze"
                        + " --out wrote");
            }
        }
        DashboardServer server = new DashboardServer(store, token, folder);
        try {
            server.app.start(host, port);
        } catch (RuntimeException e) {
            server.close();
            if (causedBy(e, BindException.class)) {
                throw new TandemException("port " + port + " is in use; choose another --port", e);
            }
            throw new TandemException("cannot serve on " + host + ":" + port + " (" + e.getMessage() + "); check --bind"
                    + " and --port", e);
        }
        return server;
    }

    /** The port it listens on: the one chosen when started with port 0. */
    public int port() {
        return app.port();
    }

    /** Stops listening and finishes the requests under way. Calling it again does nothing. */
    @Override
    public void close() {
        if (stopped.compareAndSet(false, true)) {
            app.stop();
        }
    }

    private void checkToken(Context ctx) {
        String header = ctx.header("Authorization");
        String presented = header != null && header.startsWith(BEARER) ? header.substring(BEARER.length()).strip()
                : ctx.queryParam("token");
        if (!token.matches(presented)) {
            throw new Unauthorized();
        }
        // the token is in the address: it must not leak to other sites, nor pages stay in caches
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Content-Type-Options", "nosniff");
    }

    private void page(Context ctx) {
        // the page reaches nothing but this server: no fonts, scripts or images from elsewhere
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline';"
                + " script-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:");
        ctx.contentType("text/html; charset=utf-8").result(DashboardPage.html());
    }

    private void overview(Context ctx) throws JsonProcessingException {
        ctx.contentType("application/json").result(JSON.writeValueAsString(overview.overview()));
    }

    private void reportFile(Context ctx) throws IOException {
        Path file = report == null ? null : report.file(ctx.pathParam("path")).orElse(null);
        if (file == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("404: no such file in the report folder\n");
            return;
        }
        InputStream in = Files.newInputStream(file);
        ctx.contentType(ReportFolder.contentType(file)).result(in);
    }

    private Overview.Report reportInfo() {
        if (report == null) {
            return null;
        }
        Instant written = report.reportWrittenAt();
        String url = written == null ? null : "/report/" + ReportFolder.REPORT + "?token=" + token.text();
        return new Overview.Report(report.root().toString(), url, written);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
