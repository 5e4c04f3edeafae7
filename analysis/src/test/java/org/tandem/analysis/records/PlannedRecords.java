package org.tandem.analysis.records;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.observer.Response;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.record.TrialRecord;

/** Trial records of a built-in protocol's real plan, answered by a rule, as the store would return them. */
public final class PlannedRecords {
    private PlannedRecords() {
    }

    public static Protocol protocol(String name) {
        return BuiltinProtocols.resolve(name).read();
    }

    /** Every trial of the plan answered by {@code answer} (null: no answer) in session {@code sessionId}. */
    public static List<TrialRecord> answered(String protocolName, String variant, String sessionId, ObserverKind kind,
                                      Function<Trial, String> answer) {
        Protocol protocol = protocol(protocolName);
        TrialRecord.SessionFacts facts = new TrialRecord.SessionFacts(sessionId, "study", protocol.id(), variant, kind,
                kind == ObserverKind.HUMAN ? "station-1" : "faceapi:expression",
                kind == ObserverKind.HUMAN ? "P-" + sessionId : null, 7);
        List<TrialRecord> out = new ArrayList<>();
        for (Trial t : Planner.plan(protocol, variant, 7).trials()) {
            Response response = new Response(answer.apply(t), null, null, null);
            out.add(new TrialRecord(facts, t, response, TrialRecord.scoreOf(t, response), Instant.EPOCH));
        }
        return out;
    }
}
