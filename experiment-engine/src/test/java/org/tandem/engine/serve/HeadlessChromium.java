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

/**
 * A real browser for the dashboard's tests: Debian's Chromium, headless, a fresh profile per run, killed after
 * {@value #TIMEOUT_S} s. Scripts run (and the page's fetches settle) before the DOM is printed or the screen is shot.
 */
public final class HeadlessChromium {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 800;
    private static final long TIMEOUT_S = 60;

    private final Path work;

    /** @param work a folder for the browser's profile and output */
    public HeadlessChromium(Path work) {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("the dashboard's browser tests need Chromium at %s; install it with"
                        + " 'apt-get install -y chromium fonts-dejavu-core'", CHROMIUM)
                .isTrue();
        this.work = work;
    }

    /** The page's DOM after its scripts ran. */
    public String dom(String url) throws IOException, InterruptedException {
        return run(url, "--dump-dom");
    }

    /** A {@value #WIDTH} × {@value #HEIGHT} screenshot of the page, checked to decode and not to be blank. */
    public void screenshot(String url, Path png) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        run(url, "--screenshot=" + png.toAbsolutePath());
        assertThat(png).exists();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("%s decodes as an image", png).isNotNull();
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        assertThat(colours(image)).as("distinct colours in %s", png).isGreaterThan(8);
    }

    private String run(String url, String action) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "chromium", ".out");
        Path err = Files.createTempFile(work, "chromium", ".err");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--hide-scrollbars", "--window-size=" + WIDTH + "," + HEIGHT,
                "--virtual-time-budget=4000", "--user-data-dir=" + Files.createTempDirectory(work, "profile"),
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
