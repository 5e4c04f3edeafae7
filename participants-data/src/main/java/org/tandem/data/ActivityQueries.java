package org.tandem.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Each session's trial count, latest trial and timing-fault count in two queries of plain SQL (it runs on H2 and
 * PostgreSQL alike): the plan is never loaded, and only trials whose presentation names a fault are parsed.
 */
final class ActivityQueries {
    private ActivityQueries() {
    }

    static Map<String, SessionActivity> activity(Connection c, Collection<String> sessionIds) throws SQLException {
        List<String> ids = List.copyOf(new LinkedHashSet<>(sessionIds));
        Map<String, SessionActivity> activity = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return activity;
        }
        String in = ids.stream().map(id -> "?").collect(Collectors.joining(", ", "(", ")"));
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Instant> latest = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT session_id, COUNT(*) AS n, MAX(recorded_at) AS latest"
                + " FROM trial WHERE session_id IN " + in + " GROUP BY session_id")) {
            bind(ps, ids, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString("session_id"), rs.getInt("n"));
                    latest.put(rs.getString("session_id"), Sql.instant(rs, "latest"));
                }
            }
        }
        Map<String, Integer> faults = StoreQueries.hasPresentation(c) ? faults(c, ids, in) : Map.of();
        for (String id : ids) {
            activity.put(id, new SessionActivity(id, counts.getOrDefault(id, 0), latest.get(id),
                    faults.getOrDefault(id, 0)));
        }
        return activity;
    }

    /** Faults counted as {@link org.tandem.protocols.observer.Presentation#faults()} counts them. */
    private static Map<String, Integer> faults(Connection c, List<String> ids, String in) throws SQLException {
        Map<String, Integer> faults = new HashMap<>();
        // a screen's "fault" key is written only when it has one: the LIKE skips the trials shown right
        try (PreparedStatement ps = c.prepareStatement("SELECT session_id, presentation FROM trial WHERE session_id IN "
                + in + " AND presentation LIKE ?")) {
            int next = bind(ps, ids, 1);
            ps.setString(next, "%\"fault\"%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int n = PresentationJson.read(rs.getString("presentation")).faults().size();
                    faults.merge(rs.getString("session_id"), n, Integer::sum);
                }
            }
        }
        return faults;
    }

    private static int bind(PreparedStatement ps, List<String> values, int first) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setString(first + i, values.get(i));
        }
        return first + values.size();
    }
}
