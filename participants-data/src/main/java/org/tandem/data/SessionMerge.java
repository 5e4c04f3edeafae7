package org.tandem.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tandem.protocols.TandemException;

/**
 * Brings the sessions of one source store into a target store, by session id, with what they reference: study (by
 * name), protocol document (by SHA-256), participant (by code, demographics included), trials and events. A session the
 * target lacks is copied; one whose target copy holds a strict prefix of the source's trials (and of its events) gets
 * the rest, its further events and the source's status (a session pushed while it runs, then finished, gains only
 * events and its status); one held exactly as in the source is left alone; anything else is refused. Run
 * without writing, it only classifies, so a merge can be checked whole before the target is opened for writing.
 */
final class SessionMerge {
    private static final Set<String> REFERENCES = Set.of("STUDY_ID", "PROTOCOL_REF", "PARTICIPANT_ID");
    private static final Set<String> PROGRESS = Set.of("STUDY_ID", "PROTOCOL_REF", "PARTICIPANT_ID", "STATUS",
            "ENDED_AT");
    private static final Set<String> EVENT_ID = Set.of("ID");
    private static final String REFERENCED = "SELECT st.name AS study, p.sha256 AS protocol, pa.code AS participant"
            + " FROM session s JOIN study st ON st.id = s.study_id JOIN protocol p ON p.id = s.protocol_ref"
            + " LEFT JOIN participant pa ON pa.id = s.participant_id WHERE s.session_id = ?";

    private enum Outcome { ADDED, EXTENDED, PRESENT }

    private final Connection source;
    private final Connection target;
    private final String sourceFile;
    private final String targetFile;
    private final boolean write;
    private final Set<String> only;
    private final Map<String, List<String>> targetColumns = new HashMap<>();

    /** @param write false to classify the sessions only, changing nothing */
    SessionMerge(Connection source, String sourceFile, Connection target, String targetFile, boolean write) {
        this(source, sourceFile, target, targetFile, write, Set.of());
    }

    /** @param only the sessions to merge; empty for all */
    SessionMerge(Connection source, String sourceFile, Connection target, String targetFile, boolean write,
                 Set<String> only) {
        this.source = source;
        this.sourceFile = sourceFile;
        this.target = target;
        this.targetFile = targetFile;
        this.write = write;
        this.only = only;
    }

    MergeSummary run() throws SQLException {
        int[] counts = new int[Outcome.values().length];
        for (StoredRow session : StoredRow.read(source, "SELECT * FROM session ORDER BY started_at, session_id")) {
            if (only.isEmpty() || only.contains(session.text("session_id"))) {
                counts[merge(session).ordinal()]++;
            }
        }
        return new MergeSummary(sourceFile, counts[Outcome.ADDED.ordinal()], counts[Outcome.EXTENDED.ordinal()],
                counts[Outcome.PRESENT.ordinal()]);
    }

    private Outcome merge(StoredRow session) throws SQLException {
        String id = session.text("session_id");
        StoredRow references = StoredRow.one(source, REFERENCED, id).orElseThrow();
        String participant = references.text("participant");
        if (participant != null) {
            checkDemographics(participant);
        }
        Optional<StoredRow> held = StoredRow.one(target, "SELECT * FROM session WHERE session_id = ?", id);
        if (held.isEmpty()) {
            if (write) {
                add(session, references, trials(source, id), events(source, id));
            }
            return Outcome.ADDED;
        }
        StoredRow heldReferences = StoredRow.one(target, REFERENCED, id).orElseThrow();
        refuseIf(heldReferences.firstDifference(references, Set.of()), id);
        refuseIf(held.get().firstDifference(session, PROGRESS), id);
        List<StoredRow> trials = trials(source, id);
        List<StoredRow> events = events(source, id);
        List<StoredRow> heldTrials = trials(target, id);
        List<StoredRow> heldEvents = events(target, id);
        refuseUnlessPrefix(id, heldTrials, trials, Set.of(), "trial");
        refuseUnlessPrefix(id, heldEvents, events, EVENT_ID, "event");
        if (heldTrials.size() == trials.size() && heldEvents.size() == events.size()) {
            // a session's status changes only with an event (finished, resumed), so the same events mean the same status
            if (held.get().firstDifference(session, REFERENCES).isPresent()) {
                throw conflict(id, "the same trials and events, but another status");
            }
            return Outcome.PRESENT;
        }
        if (write) {
            extend(session, trials.subList(heldTrials.size(), trials.size()),
                    events.subList(heldEvents.size(), events.size()));
        }
        return Outcome.EXTENDED;
    }

    private static List<StoredRow> trials(Connection c, String id) throws SQLException {
        return StoredRow.read(c, "SELECT * FROM trial WHERE session_id = ? ORDER BY plan_index", id);
    }

    private static List<StoredRow> events(Connection c, String id) throws SQLException {
        return StoredRow.read(c, "SELECT * FROM event WHERE session_id = ? ORDER BY id", id);
    }

    private void checkDemographics(String code) throws SQLException {
        Optional<Demographics> held = Participants.demographics(target, code);
        Demographics given = Participants.demographics(source, code).orElseThrow();
        if (held.isPresent() && !held.get().equals(given)) {
            throw new TandemException("cannot merge " + sourceFile + ": participant " + code + " has other demographics"
                    + " there (" + describe(given) + ") than in " + targetFile + " (" + describe(held.get())
                    + "); nothing was merged");
        }
    }

    private static String describe(Demographics d) {
        return "age " + d.age() + ", sex " + d.sex() + ", handedness " + d.handedness();
    }

    /** The target's rows must be the first rows of the source's, the same in every column but {@code ignoring}. */
    private void refuseUnlessPrefix(String id, List<StoredRow> held, List<StoredRow> given, Set<String> ignoring,
                                    String what) {
        if (held.size() > given.size()) {
            throw conflict(id, held.size() + " " + what + "s where the source has " + given.size());
        }
        for (int i = 0; i < held.size(); i++) {
            Optional<String> difference = held.get(i).firstDifference(given.get(i), ignoring);
            if (difference.isPresent()) {
                throw conflict(id, "another " + what + " " + (i + 1) + " (its " + difference.get() + " differs)");
            }
        }
    }

    private void refuseIf(Optional<String> difference, String id) {
        if (difference.isPresent()) {
            throw conflict(id, "a different " + difference.get());
        }
    }

    private TandemException conflict(String id, String what) {
        return new TandemException("cannot merge " + sourceFile + ": session " + id + " is held in " + targetFile
                + " with " + what + "; nothing was merged");
    }

    private void add(StoredRow session, StoredRow references, List<StoredRow> trials, List<StoredRow> events)
            throws SQLException {
        long study = Studies.ensure(target, references.text("study"));
        StoredRow document = StoredRow.one(source, "SELECT protocol_id, json, sha256 FROM protocol WHERE id = ?",
                session.get("protocol_ref")).orElseThrow();
        long protocol = ProtocolDocuments.save(target, document.text("protocol_id"), document.text("json"),
                document.text("sha256"));
        String code = references.text("participant");
        Long participant = code == null ? null
                : Participants.ensure(target, code, Participants.demographics(source, code).orElseThrow());
        insert(session.with("study_id", study).with("protocol_ref", protocol).with("participant_id", participant),
                "session", null);
        RowChecks.update(target, RowChecks.Table.SESSION, session.text("session_id"));
        copy(trials, events);
    }

    private void extend(StoredRow session, List<StoredRow> trials, List<StoredRow> events) throws SQLException {
        copy(trials, events);
        try (PreparedStatement ps = target.prepareStatement(
                "UPDATE session SET status = ?, ended_at = ? WHERE session_id = ?")) {
            ps.setObject(1, session.get("status"));
            ps.setObject(2, session.get("ended_at"));
            ps.setObject(3, session.get("session_id"));
            ps.executeUpdate();
        }
        RowChecks.update(target, RowChecks.Table.SESSION, session.text("session_id"));
    }

    private void copy(List<StoredRow> trials, List<StoredRow> events) throws SQLException {
        for (StoredRow trial : trials) {
            insert(trial, "trial", null);
            RowChecks.update(target, RowChecks.Table.TRIAL, trial.get("session_id"), trial.get("plan_index"));
        }
        for (StoredRow event : events) {
            RowChecks.update(target, RowChecks.Table.EVENT, insert(event, "event", "id"));
        }
    }

    private long insert(StoredRow row, String table, String generated) throws SQLException {
        List<String> columns = targetColumns.get(table);
        if (columns == null) {
            columns = StoredRow.columnsOf(target, table);
            targetColumns.put(table, columns);
        }
        return row.insert(target, table, columns, generated);
    }
}
