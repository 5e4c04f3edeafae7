package org.tandem.data;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The facts about the machine stored with every session: host name, OS and Java version, plus the runner's own. */
final class StationInfo {
    private StationInfo() {
    }

    /** The measured facts under {@code host}, {@code os}, {@code java}; the caller's entries are added and win on a clash. */
    static Map<String, String> collect(Map<String, String> fromCaller) {
        Map<String, String> info = new TreeMap<>();
        info.put("host", hostName());
        info.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        info.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")");
        info.putAll(fromCaller);
        return info;
    }

    /** The host name without a DNS look-up where the OS tells it directly (a slow resolver must not delay a session). */
    static String hostName() {
        Path kernel = Path.of("/proc/sys/kernel/hostname");
        try {
            if (Files.isReadable(kernel)) {
                String name = Files.readString(kernel, StandardCharsets.US_ASCII).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            }
        } catch (IOException ignored) {
            // fall through
        }
        String env = System.getenv("COMPUTERNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
