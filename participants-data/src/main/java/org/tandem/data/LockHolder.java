package org.tandem.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Names the process that holds the lock on a database file, where the operating system tells (Linux: {@code /proc/locks}),
 * so that "in use" errors can say which process to close.
 */
final class LockHolder {
    private static final Path PROC_LOCKS = Path.of("/proc/locks");

    private LockHolder() {
    }

    /** e.g. {@code pid 4242: java -cp ... Tandem}; or a plain phrase when the holder cannot be found. */
    static String describe(Path file) {
        try {
            if (!Files.isReadable(PROC_LOCKS)) {
                return "the file is locked";
            }
            Object inode = Files.getAttribute(file, "unix:ino");
            List<String> lines = Files.readAllLines(PROC_LOCKS, StandardCharsets.US_ASCII);
            for (String line : lines) {
                // "1: POSIX  ADVISORY  WRITE 4242 fd:01:1234567 0 EOF"; OFD locks show pid -1 on older kernels
                String[] f = line.trim().split("\\s+");
                if (f.length >= 6 && f[5].endsWith(":" + inode) && !f[4].equals("-1")) {
                    long pid = Long.parseLong(f[4]);
                    String command = ProcessHandle.of(pid).flatMap(h -> h.info().command()).orElse(null);
                    return command == null ? "pid " + pid : "pid " + pid + ", " + command;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            // best effort only
        }
        return "the file is locked";
    }
}
