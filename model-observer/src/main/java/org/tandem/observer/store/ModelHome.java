package org.tandem.observer.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where downloaded models live: {@code $TANDEM_HOME/models} when the environment variable is set, otherwise
 * {@code ~/.cache/tandem/models}.
 */
public final class ModelHome {
    private ModelHome() {
    }

    public static Path resolve() {
        return resolve(System.getenv(), System.getProperty("user.home"));
    }

    static Path resolve(Map<String, String> environment, String userHome) {
        String home = environment.get("TANDEM_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).resolve("models");
        }
        return Path.of(userHome, ".cache", "tandem", "models");
    }
}
