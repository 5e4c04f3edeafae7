package org.tandem.engine.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.StoreOptions;

/**
 * The dashboard page in a real headless browser: after its script has run, the tables show the study and the session
 * in progress with its trials, and a screenshot of it is written to target/dashboard-screenshots/ for a person to see.
 */
class DashboardBrowserTest {
    private static final String TOKEN = "browser-test-token-0123456789";

    @TempDir
    Path dir;

    @Test
    void thePageRendersTheStudyAndTheSessionInProgress() throws Exception {
        HeadlessChromium browser = new HeadlessChromium(dir);
        Path db = dir.resolve("lab.mv.db");
        DashboardFixture.Sessions sessions = DashboardFixture.writeStore(db);
        Path report = Files.createDirectories(dir.resolve("report"));
        Files.writeString(report.resolve("report.html"), "<html><body>report</body></html>");

        try (DashboardServer server = DashboardServer.start(StoreOptions.at(db), AccessToken.of(TOKEN), report,
                "127.0.0.1", 0)) {
            String url = "http://127.0.0.1:" + server.port() + "/?token=" + TOKEN;

            String dom = browser.dom(url);
            assertThat(dom).contains(DashboardFixture.STUDY);
            assertThat(dom).contains(sessions.inProgress().substring(0, 8));
            assertThat(dom).contains(DashboardFixture.TRIALS_DONE + " / " + sessions.planned());
            assertThat(dom).contains(DashboardFixture.PARTICIPANT).contains(DashboardFixture.NETWORK);
            assertThat(dom).contains("id=\"report-link\"").contains("/report/report.html?token=" + TOKEN);
            assertThat(dom).as("no warning shown").contains("<div id=\"unavailable\" class=\"note warn\" hidden=\"\">")
                    .doesNotContain("loading");

            browser.screenshot(url, Path.of("target", "dashboard-screenshots", "dashboard.png"));
        }
    }
}
