package org.tandem.engine.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.analysis.report.ReportInput;
import org.tandem.observer.features.FeatureNetworks;
import org.tandem.observer.manipulation.ManipulatedSpec;
import org.tandem.observer.spec.ObserverSpec;
import org.tandem.analysis.report.ReportInput.ProtocolRecords;
import org.tandem.data.SessionFilter;
import org.tandem.data.SessionSummary;
import org.tandem.data.TandemStore;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.ProtocolReader;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.record.TrialRecord;

/**
 * Loads what a report needs from the store: every session of the study (or of all studies), grouped by the protocol
 * document it was planned from, with that document read back and parsed, so the analysis knows each task's labels
 * and continuum without the protocol file.
 */
public final class StoredReportInput {
    private StoredReportInput() {
    }

    /**
     * @param study         a study name, or null for all studies
     * @param includePilots whether pilot runs of the station ({@code tandem run --pilot}) are analysed too
     * @param progress      called once per session read, for a progress bar
     * @throws TandemException for an unknown study, a store without sessions, or a protocol the store lacks
     */
    public static ReportInput load(TandemStore store, String study, boolean includePilots, long seed, int bootstrap,
                                   Runnable progress) {
        if (study != null && !store.studies().contains(study)) {
            throw new TandemException("no study '" + study + "' in " + store.name() + "; its studies are "
                    + (store.studies().isEmpty() ? "none" : String.join(", ", store.studies()))
                    + " (leave out --study to analyse them all)");
        }
        List<SessionSummary> all = store.sessions(study == null ? SessionFilter.all() : SessionFilter.study(study));
        List<SessionSummary> sessions = all.stream().filter(s -> includePilots || !isPilot(s)).toList();
        if (sessions.isEmpty() && !all.isEmpty()) {
            throw new TandemException("every session in " + store.name() + " is a pilot run; analyse them with"
                    + " --include-pilots");
        }
        return load(store, sessions, study, seed, bootstrap, Map.of(), progress);
    }

    /** Whether a session is a pilot run of the station: simulated answers, not a person's. */
    public static boolean isPilot(SessionSummary session) {
        return "true".equals(session.stationInfo().get("pilot"));
    }

    /**
     * Loads the given sessions (those without trials are left out).
     *
     * @param study        the study named in the report's header, or null
     * @param networkNames what the report calls networks, by observer id
     */
    public static ReportInput load(TandemStore store, List<SessionSummary> chosen, String study, long seed,
                                   int bootstrap, Map<String, String> networkNames, Runnable progress) {
        List<SessionSummary> sessions = chosen.stream().filter(s -> s.trialsDone() > 0).toList();
        if (sessions.isEmpty()) {
            throw new TandemException("no recorded trials in " + store.name() + (study == null ? "" : " for study '"
                    + study + "'") + "; store sessions first with tandem simulate or tandem run");
        }
        Map<String, List<TrialRecord>> bySha = new LinkedHashMap<>();
        for (SessionSummary s : sessions) {
            bySha.computeIfAbsent(s.protocolSha256(), k -> new ArrayList<>()).addAll(store.trials(s.sessionId()));
            progress.run();
        }
        List<ProtocolRecords> protocols = new ArrayList<>();
        bySha.forEach((sha, records) -> protocols.add(new ProtocolRecords(protocol(store, sha), sha, records)));
        Map<String, ReportInput.SessionKeys> keys = new LinkedHashMap<>();
        for (SessionSummary s : sessions) {
            String assignment = s.stationInfo().get("keys.assignment");
            if (assignment != null) {
                keys.put(s.sessionId(), new ReportInput.SessionKeys(assignment, s.stationInfo().get("keys.map")));
            }
        }
        return new ReportInput(study, store.name(), protocols, seed, bootstrap, networkNames)
                .withSessionKeys(keys).withIntact(intactNetworks(sessions));
    }

    /** The intact network of every manipulated (lesioned, shuffled) network among the sessions, by observer id. */
    static Map<String, String> intactNetworks(List<SessionSummary> sessions) {
        Map<String, String> intact = new LinkedHashMap<>();
        for (SessionSummary s : sessions) {
            if (s.observerKind() != org.tandem.protocols.observer.ObserverKind.MODEL) {
                continue;
            }
            ObserverSpec spec;
            try {
                spec = ObserverSpec.parse(s.observerId());
            } catch (TandemException e) {
                continue; // people and imported sessions have no network spec
            }
            ManipulatedSpec manipulated = ManipulatedSpec.parse(spec.model());
            if (manipulated.manipulation() != null) {
                intact.put(s.observerId(), new ObserverSpec(FeatureNetworks.canonical(manipulated.network()),
                        spec.layer(), spec.readout(), spec.setup(), spec.distance(), spec.noise(), spec.relative())
                        .toString());
            }
        }
        return intact;
    }

    private static Protocol protocol(TandemStore store, String sha) {
        String json = store.protocolDocument(sha).orElseThrow(() -> new TandemException("the store " + store.name()
                + " has sessions of protocol " + sha + " but not the protocol itself; the database is damaged"));
        return ProtocolReader.read(json, "protocol " + sha.substring(0, 12) + " stored in " + store.name());
    }
}
