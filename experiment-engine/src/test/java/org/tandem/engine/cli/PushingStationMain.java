package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.tandem.data.NewSession;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.engine.session.LabServerPush;
import org.tandem.engine.session.SessionRunner;
import org.tandem.protocols.observer.Observer;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.observer.Raster;
import org.tandem.stimuli.library.StimulusLibrary;

/**
 * TEST-ONLY station process: one participant's session ({@link SimulatedParticipant}, at a steady pace) stored in this
 * station's own file, pushed to the lab server as it runs by the station's {@link LabServerPush}, as {@code tandem run
 * --push-to} does. Prints {@code COMMITTED n} after each durable trial and the push's own lines.
 *
 * <p>Arguments: local store, lab server, study, protocol, participant code, seed, milliseconds per trial.
 */
public final class PushingStationMain {
    private PushingStationMain() {
    }

    public static void main(String[] args) throws Exception {
        Path local = Path.of(args[0]);
        String server = args[1];
        BuiltinProtocols.Source source = BuiltinProtocols.resolve(args[3]);
        Protocol protocol = source.read();
        String code = args[4];
        long seed = Long.parseLong(args[5]);
        long pace = Long.parseLong(args[6]);
        PrintWriter out = new PrintWriter(System.out, true);
        Observer person = new SimulatedParticipant(protocol.task(), seed, 50, 8);
        Observer paced = new Observer() {
            @Override
            public ObserverKind kind() {
                return person.kind();
            }

            @Override
            public String id() {
                return person.id();
            }

            @Override
            public Response respond(Trial trial, List<Raster> images) {
                try {
                    Thread.sleep(pace);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return person.respond(trial, images);
            }
        };
        try (TandemStore store = TandemStore.open(StoreOptions.at(local));
             LabServerPush push = LabServerPush.start(store, StoreOptions.of(server, null), Duration.ofSeconds(1),
                     out)) {
            store.ensureParticipant(code, null);
            new SessionRunner(store, StimulusLibrary.forProtocol(protocol, Path.of(".")), (t, r, done, total) -> {
                synchronized (out) {
                    out.println("COMMITTED " + done);
                }
            }).start(new NewSession(args[2], protocol.id(), source.json(), Planner.protocolSha256(protocol),
                    ObserverKind.HUMAN, SimulatedParticipant.ID, code, seed, null, Planner.plan(protocol, seed),
                    Map.of("station", "room-" + code)), paced);
        }
        out.println("DONE");
    }
}
