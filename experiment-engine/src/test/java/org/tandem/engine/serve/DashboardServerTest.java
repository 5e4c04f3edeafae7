package org.tandem.engine.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.StoreOptions;

/** The dashboard over a real H2 file: the token guard, the overview JSON, the report folder and a database in use. */
class DashboardServerTest {
    private static final String TOKEN = "0123456789abcdef-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path db;
    private Path report;
    private DashboardFixture.Sessions sessions;

    @BeforeEach
    void writeStoreAndReport() throws Exception {
        db = dir.resolve("lab.mv.db");
        sessions = DashboardFixture.writeStore(db);
        report = Files.createDirectories(dir.resolve("report"));
        Files.writeString(report.resolve("report.html"), "<html><body>the report</body></html>");
        Files.writeString(dir.resolve("secret.txt"), "not for the dashboard");
    }

    private DashboardServer start(Path reportFolder) {
        return DashboardServer.start(StoreOptions.at(db), AccessToken.of(TOKEN), reportFolder, "127.0.0.1", 0);
    }

    private static String base(DashboardServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void everyRequestMustCarryTheToken() throws Exception {
        try (DashboardServer server = start(report)) {
            for (String path : List.of("/", "/api/overview", "/report/report.html")) {
                HttpResponse<String> none = DashboardFixture.get(base(server) + path);
                assertThat(none.statusCode()).as(path).isEqualTo(401);
                assertThat(none.body()).contains("token").doesNotContain("<html");
                assertThat(DashboardFixture.get(base(server) + path + "?token=" + TOKEN + "x").statusCode()).isEqualTo(401);
                assertThat(DashboardFixture.get(base(server) + path + "?token=" + TOKEN.substring(1)).statusCode())
                        .isEqualTo(401);
                assertThat(DashboardFixture.get(base(server) + path + "?token=" + TOKEN).statusCode()).as(path)
                        .isEqualTo(200);
                HttpResponse<String> bearer = DashboardFixture.send(HttpRequest.newBuilder(URI.create(base(server) + path))
                        .header("Authorization", "Bearer " + TOKEN));
                assertThat(bearer.statusCode()).as(path).isEqualTo(200);
                HttpResponse<String> wrongBearer = DashboardFixture.send(
                        HttpRequest.newBuilder(URI.create(base(server) + path)).header("Authorization", "Bearer nope"));
                assertThat(wrongBearer.statusCode()).isEqualTo(401);
            }
            HttpResponse<String> page = DashboardFixture.get(base(server) + "/?token=" + TOKEN);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    csp -> assertThat(csp).contains("default-src 'none'"));
            assertThat(page.body()).doesNotContain("https://").doesNotContain("http://");
        }
    }

    @Test
    void theOverviewListsTheStudyAndTheSessionInProgressWithItsTrialsAndTimingFaults() throws Exception {
        try (DashboardServer server = start(report)) {
            HttpResponse<String> response = DashboardFixture.get(base(server) + "/api/overview?token=" + TOKEN);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).contains("application/json"));
            JsonNode o = JSON.readTree(response.body());
            assertThat(o.get("database").asText()).isEqualTo(db.toString());
            assertThat(o.get("unavailable").isNull()).isTrue();
            assertThat(o.get("readAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

            JsonNode study = o.get("studies").get(0);
            assertThat(study.get("name").asText()).isEqualTo(DashboardFixture.STUDY);
            assertThat(study.get("sessions").asInt()).isEqualTo(2);
            assertThat(study.get("completed").asInt()).isEqualTo(1);
            assertThat(study.get("inProgress").asInt()).isEqualTo(1);
            assertThat(study.get("participants").asInt()).isEqualTo(1);
            assertThat(study.get("networks").asInt()).isEqualTo(1);

            assertThat(o.get("inProgress")).hasSize(1);
            JsonNode running = o.get("inProgress").get(0);
            assertThat(running.get("sessionId").asText()).isEqualTo(sessions.inProgress());
            assertThat(running.get("shortId").asText()).isEqualTo(sessions.inProgress().substring(0, 8));
            assertThat(running.get("observer").asText()).isEqualTo(DashboardFixture.PARTICIPANT);
            assertThat(running.get("status").asText()).isEqualTo("running");
            assertThat(running.get("trialsDone").asInt()).isEqualTo(DashboardFixture.TRIALS_DONE);
            assertThat(running.get("trialsPlanned").asInt()).isEqualTo(sessions.planned());
            assertThat(running.get("timingFaults").asInt()).isEqualTo(DashboardFixture.TIMING_FAULTS);
            assertThat(running.get("lastTrialAt").asText()).endsWith("Z");

            assertThat(o.get("recent")).hasSize(1);
            JsonNode done = o.get("recent").get(0);
            assertThat(done.get("sessionId").asText()).isEqualTo(sessions.completed());
            assertThat(done.get("observer").asText()).isEqualTo(DashboardFixture.NETWORK);
            assertThat(done.get("trialsDone").asInt()).isEqualTo(sessions.planned());
            assertThat(done.get("timingFaults").asInt()).isZero();

            assertThat(o.get("report").get("url").asText()).isEqualTo("/report/report.html?token=" + TOKEN);
        }
    }

    @Test
    void theReportFolderIsServedAndNothingOutsideIt() throws Exception {
        try (DashboardServer server = start(report)) {
            HttpResponse<String> page = DashboardFixture.get(base(server) + "/report/report.html?token=" + TOKEN);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("the report");
            for (String attempt : List.of("/report/../secret.txt", "/report/%2e%2e/secret.txt",
                    "/report/..%2fsecret.txt", "/report/%2e%2e%2fsecret.txt", "/report/..%5csecret.txt",
                    "/report/" + dir.resolve("secret.txt").toString().substring(1), "/report//etc/passwd",
                    "/report/missing.html")) {
                HttpResponse<String> response = DashboardFixture.get(base(server) + attempt + "?token=" + TOKEN);
                assertThat(response.statusCode()).as(attempt).isIn(400, 403, 404);
                assertThat(response.body()).as(attempt).doesNotContain("not for the dashboard").doesNotContain("root:");
            }
        }
    }

    @Test
    void withoutAReportFolderTheOverviewSaysNoneIsConfigured() throws Exception {
        try (DashboardServer server = start(null)) {
            JsonNode o = JSON.readTree(DashboardFixture.get(base(server) + "/api/overview?token=" + TOKEN).body());
            assertThat(o.get("report").isNull()).isTrue();
            assertThat(DashboardFixture.get(base(server) + "/report/report.html?token=" + TOKEN).statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void aDatabaseInUseByAnotherProcessIsReportedAndTheLastOverviewKept() throws Exception {
        try (DashboardServer server = start(report)) {
            JsonNode before = JSON.readTree(DashboardFixture.get(base(server) + "/api/overview?token=" + TOKEN).body());
            assertThat(before.get("unavailable").isNull()).isTrue();
            Thread.sleep(2100); // past the interval within which requests share one read
            Process holder = hold(db);
            try {
                JsonNode during = JSON.readTree(
                        DashboardFixture.get(base(server) + "/api/overview?token=" + TOKEN).body());
                assertThat(during.get("unavailable").asText()).contains("in use by a running session");
                assertThat(during.get("readAt").asText()).isEqualTo(before.get("readAt").asText());
                assertThat(during.get("inProgress").get(0).get("sessionId").asText()).isEqualTo(sessions.inProgress());
            } finally {
                holder.destroyForcibly();
                holder.waitFor(30, TimeUnit.SECONDS);
            }
            JsonNode after = JSON.readTree(DashboardFixture.get(base(server) + "/api/overview?token=" + TOKEN).body());
            assertThat(after.get("unavailable").isNull()).isTrue();
        }
    }

    @Test
    void aDatabaseInUseWhenTheDashboardStartsIsShownAsInUseUntilItIsFree() throws Exception {
        Process holder = hold(db);
        try (DashboardServer server = start(null)) {
            try {
                JsonNode during = JSON.readTree(
                        DashboardFixture.get(base(server) + "/api/overview?token=" + TOKEN).body());
                assertThat(during.get("unavailable").asText()).contains("in use by a running session");
                assertThat(during.get("readAt").isNull()).isTrue();
                assertThat(during.get("studies")).isEmpty();
            } finally {
                holder.destroyForcibly();
                holder.waitFor(30, TimeUnit.SECONDS);
            }
            JsonNode after = JSON.readTree(DashboardFixture.get(base(server) + "/api/overview?token=" + TOKEN).body());
            assertThat(after.get("studies").get(0).get("name").asText()).isEqualTo(DashboardFixture.STUDY);
        }
    }

    /** Opens the database in a second JVM, as a station does, and returns once it is open. */
    private Process hold(Path file) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HeldStoreMain.class.getName(), file.toString()));
        Process process = new ProcessBuilder(command).redirectError(dir.resolve("holder.err").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("the holder's output; see %s", dir.resolve("holder.err")).isEqualTo("OPEN");
        return process;
    }
}
