package org.tandem.presenter.triggers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * TEST-ONLY: two connected pseudo-terminals made by socat, like a serial cable between the station and a trigger box:
 * what is written to {@link #station()} is read from {@link #box()}. Both raw, no echo.
 */
public final class PseudoTerminalPair implements AutoCloseable {
    private final Process socat;
    private final Path station;
    private final Path box;

    private PseudoTerminalPair(Process socat, Path station, Path box) {
        this.socat = socat;
        this.station = station;
        this.box = box;
    }

    public static boolean available() throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v socat").start().waitFor() == 0;
    }

    public static PseudoTerminalPair open(Path dir) throws IOException, InterruptedException {
        Path station = dir.resolve("station-tty");
        Path box = dir.resolve("box-tty");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + station, "pty,raw,echo=0,link=" + box)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(station) && Files.exists(box))) {
            if (!socat.isAlive() || System.nanoTime() > deadline) {
                socat.destroyForcibly();
                throw new IllegalStateException("socat made no pseudo-terminals in " + dir);
            }
            Thread.sleep(20);
        }
        return new PseudoTerminalPair(socat, station, box);
    }

    /** The end the station opens as its trigger port. */
    public Path station() {
        return station;
    }

    /** The end a trigger box would read. */
    public Path box() {
        return box;
    }

    @Override
    public void close() {
        socat.destroyForcibly();
    }
}
