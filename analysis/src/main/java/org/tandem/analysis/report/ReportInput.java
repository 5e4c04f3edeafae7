package org.tandem.analysis.report;

import java.util.List;
import java.util.Map;
import org.tandem.analysis.reference.ReferenceGroup;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.record.TrialRecord;

/**
 * What a report is made from: the trial records of each protocol, with the protocol document they were planned from
 * (its task gives the labels and the continuum).
 *
 * @param study     the study the records were selected by, or null for all studies
 * @param database  where the records came from, for the header
 * @param seed      seeds every bootstrap, so the same records and seed give the same numbers
 * @param bootstrap parametric bootstrap samples per psychometric fit
 * @param networkNames what to call networks, by observer id (e.g. {@code faceapi:recognition?readout=logistic} →
 *                     "identity network"); ids without a name are shown as they are. One network may answer different
 *                     tasks under different ids (a readout for labels, feature distances for ABX): giving both ids one
 *                     name makes it one observer across the report, so its ABX is compared with its identification.
 * @param references published groups of people the networks are compared with (docs/IMPORT.md)
 * @param intactOf   for each manipulated network (lesioned, shuffled), the observer id of the same network intact
 */
public record ReportInput(String study, String database, List<ProtocolRecords> protocols, long seed, int bootstrap,
                          Map<String, String> networkNames, List<ReferenceGroup> references,
                          Map<String, SessionKeys> sessionKeys, Map<String, String> intactOf) {
    public ReportInput {
        protocols = List.copyOf(protocols);
        networkNames = Map.copyOf(networkNames);
        references = List.copyOf(references);
        sessionKeys = Map.copyOf(sessionKeys);
        // sorted, so that the report lists the comparisons in the same order every time
        intactOf = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(intactOf));
    }

    /** A report without published groups. */
    public ReportInput(String study, String database, List<ProtocolRecords> protocols, long seed, int bootstrap,
                       Map<String, String> networkNames) {
        this(study, database, protocols, seed, bootstrap, networkNames, List.of(), Map.of(), Map.of());
    }

    /** The same input with these published groups to compare the networks with. */
    public ReportInput withReferences(List<ReferenceGroup> groups) {
        return new ReportInput(study, database, protocols, seed, bootstrap, networkNames, groups, sessionKeys,
                intactOf);
    }

    /** The same input with what people's sessions stored about their response keys, by session id. */
    public ReportInput withSessionKeys(Map<String, SessionKeys> keys) {
        return new ReportInput(study, database, protocols, seed, bootstrap, networkNames, references, keys, intactOf);
    }

    /** The same input with the intact network of each manipulated one, by observer id. */
    public ReportInput withIntact(Map<String, String> intact) {
        return new ReportInput(study, database, protocols, seed, bootstrap, networkNames, references, sessionKeys,
                intact);
    }

    /**
     * What a person's session stored about its keys (station facts {@code keys.assignment} and {@code keys.map}).
     *
     * @param assignment {@code as written} or {@code reversed}
     * @param keys       each label's key, e.g. {@code happy=S sad=A}; may be null
     */
    public record SessionKeys(String assignment, String keys) {
    }

    /** A report that shows networks by their observer ids. */
    public ReportInput(String study, String database, List<ProtocolRecords> protocols, long seed, int bootstrap) {
        this(study, database, protocols, seed, bootstrap, Map.of());
    }

    /** The records of one protocol document (one content hash). */
    public record ProtocolRecords(Protocol protocol, String sha256, List<TrialRecord> records) {
        public ProtocolRecords {
            records = List.copyOf(records);
        }
    }
}
