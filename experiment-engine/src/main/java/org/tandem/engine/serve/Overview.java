package org.tandem.engine.serve;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.tandem.data.SessionActivity;
import org.tandem.data.SessionStatus;
import org.tandem.data.SessionSummary;
import org.tandem.data.TandemStore;
import org.tandem.engine.report.StoredReportInput;
import org.tandem.protocols.observer.ObserverKind;

/**
 * What the dashboard shows, as its JSON: the studies with their counts, the sessions in progress and the latest others.
 * When the database could not be read, {@code unavailable} says why and the rest is the last overview that could.
 *
 * @param readAt      when the data was read from the database; null when it never could be
 * @param unavailable why the database could not be read just now; null when it was
 * @param report      the --report folder's report.html, null when none is configured
 */
public record Overview(String database, Instant readAt, String unavailable, List<Study> studies,
                       List<Session> inProgress, List<Session> recent, Report report) {
    /** How many finished (completed or aborted) sessions the overview lists: the latest ones. */
    static final int RECENT = 20;

    public record Study(String name, int sessions, int completed, int inProgress, int aborted, int participants,
                        int networks) {
    }

    /**
     * One session's row. {@code observer} is the participant code of a person, the network's spec otherwise.
     *
     * @param lastTrialAt null before the first trial
     */
    public record Session(String sessionId, String shortId, String study, String kind, String observer, boolean pilot,
                          String protocol, String status, int trialsDone, int trialsPlanned, int timingFaults,
                          Instant startedAt, Instant lastTrialAt) {
    }

    /**
     * @param url       the link to report.html, token included; null when the folder has none yet
     * @param writtenAt when report.html was last written; null when there is none
     */
    public record Report(String folder, String url, Instant writtenAt) {
    }

    /** Reads the overview from an open store: one query for the sessions, one for the listed sessions' trials. */
    static Overview read(TandemStore store, String database, Report report) {
        Instant readAt = Instant.now();
        List<SessionSummary> sessions = store.sessions();
        List<SessionSummary> running = sessions.stream().filter(s -> s.status() == SessionStatus.RUNNING)
                .sorted(Comparator.comparing(SessionSummary::startedAt).reversed()).toList();
        List<SessionSummary> finished = sessions.stream().filter(s -> s.status() != SessionStatus.RUNNING)
                .sorted(Comparator.comparing(SessionSummary::startedAt).reversed()).limit(RECENT).toList();
        Map<String, SessionActivity> activity = store.activity(Stream.concat(running.stream(), finished.stream())
                .map(SessionSummary::sessionId).toList());
        return new Overview(database, readAt, null, studies(store.studies(), sessions), rows(running, activity),
                rows(finished, activity), report);
    }

    /** This overview as the last one read, shown with why the database cannot be read now. */
    Overview unavailable(String why, Report currentReport) {
        return new Overview(database, readAt, why, studies, inProgress, recent, currentReport);
    }

    /** An overview with no data yet: the database could not be read since the dashboard started. */
    static Overview none(String database, String why, Report report) {
        return new Overview(database, null, why, List.of(), List.of(), List.of(), report);
    }

    private static List<Study> studies(List<String> names, List<SessionSummary> sessions) {
        Map<String, List<SessionSummary>> byStudy = new LinkedHashMap<>();
        new TreeSet<>(names).forEach(name -> byStudy.put(name, new ArrayList<>()));
        sessions.forEach(s -> byStudy.computeIfAbsent(s.study(), name -> new ArrayList<>()).add(s));
        List<Study> studies = new ArrayList<>();
        byStudy.forEach((name, list) -> studies.add(new Study(name, list.size(), count(list, SessionStatus.COMPLETED),
                count(list, SessionStatus.RUNNING), count(list, SessionStatus.ABORTED),
                distinct(list, ObserverKind.HUMAN), distinct(list, ObserverKind.MODEL))));
        return studies;
    }

    private static int count(List<SessionSummary> sessions, SessionStatus status) {
        return (int) sessions.stream().filter(s -> s.status() == status).count();
    }

    /** Distinct people (by participant code) or networks (by spec) of one kind. */
    private static int distinct(List<SessionSummary> sessions, ObserverKind kind) {
        return (int) sessions.stream().filter(s -> s.observerKind() == kind).map(Overview::observer).distinct().count();
    }

    private static List<Session> rows(List<SessionSummary> sessions, Map<String, SessionActivity> activity) {
        return sessions.stream().map(s -> {
            SessionActivity a = activity.get(s.sessionId());
            return new Session(s.sessionId(), s.sessionId().substring(0, Math.min(8, s.sessionId().length())),
                    s.study(), s.observerKind().code(), observer(s), StoredReportInput.isPilot(s), s.protocolId(),
                    s.status().code(), s.trialsDone(), s.trialsPlanned(), a == null ? 0 : a.timingFaults(),
                    s.startedAt(), a == null ? null : a.lastTrialAt());
        }).toList();
    }

    private static String observer(SessionSummary s) {
        return s.participant() != null ? s.participant() : s.observerId();
    }
}
