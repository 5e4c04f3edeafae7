package org.tandem.engine.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.StoreOptions;

/**
 * The dashboard page in a real headless browser: after its script has run, the tables show the study and the session
 * in progress with its trials, and a screenshot of it is written to target/dashboard-screenshots/ for a person to see.
 */
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String TOKEN = "browser-test-token-0123456789";
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    private static final long TIMEOUT_S = 60;

    @TempDir
    Path dir;

    @BeforeAll
    static void chromiumIsInstalled() {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("the dashboard's browser test needs Chromium at %s; install it with"
                        + " 'apt-get install -y chromium fonts-dejavu-core'", CHROMIUM)
                .isTrue();
    }

    @Test
    void thePageRendersTheStudyAndTheSessionInProgress() throws Exception {
        Path db = dir.resolve("lab.mv.db");
        DashboardFixture.Sessions sessions = DashboardFixture.writeStore(db);
        Path report = Files.createDirectories(dir.resolve("report"));
        Files.writeString(report.resolve("report.html"), "<html><body>report</body></html>");
        Path screenshot = Path.of("target", "dashboard-screenshots", "dashboard.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);

        try (DashboardServer server = DashboardServer.start(StoreOptions.at(db), AccessToken.of(TOKEN), report,
                "127.0.0.1", 0)) {
            String url = "http://127.0.0.1:" + server.port() + "/?token=" + TOKEN;

            String dom = chromium(url, "--dump-dom");
            assertThat(dom).contains(DashboardFixture.STUDY);
            assertThat(dom).contains(sessions.inProgress().substring(0, 8));
            assertThat(dom).contains(DashboardFixture.TRIALS_DONE + " / " + sessions.planned());
            assertThat(dom).contains(DashboardFixture.PARTICIPANT).contains(DashboardFixture.NETWORK);
            assertThat(dom).contains("id=\"report-link\"").contains("/report/report.html?token=" + TOKEN);
            assertThat(dom).as("no warning shown").contains("<div id=\"unavailable\" class=\"note warn\" hidden=\"\">")
                    .doesNotContain("loading");

            chromium(url, "--screenshot=" + screenshot);
        }
        assertThat(screenshot).exists();
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image).as("%s decodes as an image", screenshot).isNotNull();
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        assertThat(colours(image)).as("distinct colours in %s", screenshot).isGreaterThan(8);
    }

    /** Runs headless Chromium on the page and returns what it printed; killed after {@value #TIMEOUT_S} s. */
    private String chromium(String url, String action) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "chromium", ".out");
        Path err = Files.createTempFile(dir, "chromium", ".err");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--hide-scrollbars", "--window-size=" + WIDTH + "," + HEIGHT,
                "--virtual-time-budget=4000", "--user-data-dir=" + Files.createTempDirectory(dir, "profile"),
                action, url));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("chromium " + action + " did not finish in " + TIMEOUT_S + " s; its stderr: "
                    + Files.readString(err));
        }
        assertThat(process.exitValue()).as("chromium %s exit status; its stderr: %s", action, Files.readString(err))
                .isZero();
        return Files.readString(out);
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
