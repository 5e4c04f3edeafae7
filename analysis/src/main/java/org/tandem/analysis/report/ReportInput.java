package org.tandem.analysis.report;

import java.util.List;
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
 */
public record ReportInput(String study, String database, List<ProtocolRecords> protocols, long seed, int bootstrap) {
    public ReportInput {
        protocols = List.copyOf(protocols);
    }

    /** The records of one protocol document (one content hash). */
    public record ProtocolRecords(Protocol protocol, String sha256, List<TrialRecord> records) {
        public ProtocolRecords {
            records = List.copyOf(records);
        }
    }
}
