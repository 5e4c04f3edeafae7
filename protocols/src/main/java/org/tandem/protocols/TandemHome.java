package org.tandem.protocols;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where Tandem keeps its files when no path is given: under {@code $TANDEM_HOME} when that environment variable is set.
 * Otherwise the database goes to {@code ~/.tandem} and downloaded models to {@code ~/.cache/tandem}, where {@code ~} is
 * the account's home directory as Java reports it ({@code user.home}, taken from the account, not from {@code $HOME}).
 */
public final class TandemHome {
    private TandemHome() {
    }

    /** {@code $TANDEM_HOME} when set and not blank. */
    public static Optional<Path> configured() {
        return configured(System.getenv());
    }

    static Optional<Path> configured(Map<String, String> environment) {
        String home = environment.get("TANDEM_HOME");
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home));
    }

    /** The default session database: {@code $TANDEM_HOME/tandem.mv.db} or {@code ~/.tandem/tandem.mv.db}. */
    public static Path database() {
        return database(System.getenv(), System.getProperty("user.home"));
    }

    static Path database(Map<String, String> environment, String userHome) {
        return configured(environment).map(home -> home.resolve("tandem.mv.db"))
                .orElseGet(() -> Path.of(userHome, ".tandem", "tandem.mv.db"));
    }

    /** Where downloaded network weights are cached: {@code $TANDEM_HOME/models} or {@code ~/.cache/tandem/models}. */
    public static Path models() {
        return models(System.getenv(), System.getProperty("user.home"));
    }

    static Path models(Map<String, String> environment, String userHome) {
        return configured(environment).map(home -> home.resolve("models"))
                .orElseGet(() -> Path.of(userHome, ".cache", "tandem", "models"));
    }
}
