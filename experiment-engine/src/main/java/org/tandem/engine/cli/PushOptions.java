package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.engine.session.LabServerPush;
import picocli.CommandLine.Option;

/** {@code --push-to}: a station that stores into its own file and sends its sessions to the lab server as it goes. */
final class PushOptions {
    @Option(names = "--push-to", paramLabel = "postgresql://HOST[:PORT]/DB", defaultValue = "${env:TANDEM_LAB_SERVER}",
            description = "Also send this run's sessions to the lab server while they run (or set TANDEM_LAB_SERVER)."
                    + " Trials are stored in --db first; if the server is out of reach the session goes on and the"
                    + " next push (or tandem db push) sends the rest. Password from PGPASSWORD or ~/.pgpass.")
    String server;

    @Option(names = "--push-every", paramLabel = "SECONDS", defaultValue = "5",
            description = "Seconds between pushes (default: ${DEFAULT-VALUE}).")
    int everySeconds;

    /** A running push, or null when no server is given. */
    LabServerPush start(TandemStore local, PrintWriter out) {
        if (server == null || server.isBlank()) {
            return null;
        }
        if (everySeconds < 1) {
            throw new org.tandem.protocols.TandemException("--push-every must be at least 1 second, not " + everySeconds);
        }
        return LabServerPush.start(local, StoreOptions.of(server, null), Duration.ofSeconds(everySeconds), out);
    }
}
