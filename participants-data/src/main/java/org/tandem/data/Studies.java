package org.tandem.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.tandem.protocols.TandemException;

/** The {@code study} table: sessions are grouped by study name. */
public final class Studies {

    private Studies() {
    }

    /**
     * A study name follows the rule of participant codes ({@link Participants#CODE}): both are written into every row
     * of an export, where a spreadsheet must read them as text.
     *
     * @return the name
     * @throws TandemException when the name breaks the rule
     */
    public static String checkName(String name) {
        if (name == null || !Participants.CODE.matcher(name).matches()) {
            throw new TandemException("study name '" + name + "' is not valid; use " + Participants.CODE_RULE
                    + " (e.g. --study pilot-2025)");
        }
        return name;
    }

    /** The id of the study, created if it does not exist yet. */
    static long ensure(Connection c, String name) throws SQLException {
        String checked = checkName(name);
        Long id = find(c, checked);
        if (id != null) {
            return id;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO study (name, created_at) VALUES (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, checked);
            Sql.setInstant(ps, 2, Sql.now());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                long created = keys.getLong(1);
                RowChecks.update(c, RowChecks.Table.STUDY, created);
                return created;
            }
        }
    }

    static Long find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM study WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}
