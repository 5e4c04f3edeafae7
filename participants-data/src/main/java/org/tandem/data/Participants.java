package org.tandem.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tandem.protocols.TandemException;

/** The {@code participant} table: pseudonymous codes, never names, with optional demographics. */
final class Participants {
    /**
     * Participant codes and study names: no spaces or punctuation to quote, and never a leading '-' (nor '=', '+', '@'),
     * so that an exported CSV opened in a spreadsheet can never start a formula.
     */
    static final Pattern CODE = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_-]{0,31}$");
    /** {@link #CODE} in words, for the messages that refuse a code or a study name. */
    static final String CODE_RULE = "1 to 32 letters, digits, '_' or '-', not starting with '-'";

    private Participants() {
    }

    static String checkCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new TandemException("participant code '" + code + "' is not valid; use " + CODE_RULE
                    + " (a pseudonymous code such as P017, never a name)");
        }
        return code;
    }

    /**
     * The id of the participant, created if new. Given demographics replace the stored ones; null leaves them as they are.
     */
    static long ensure(Connection c, String code, Demographics demographics) throws SQLException {
        checkCode(code);
        Long id = find(c, code);
        if (id == null) {
            Demographics d = demographics == null ? Demographics.none() : demographics;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO participant (code, age, sex, handedness, created_at) VALUES (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, code);
                Sql.setNullableInt(ps, 2, d.age());
                ps.setString(3, d.sex());
                ps.setString(4, d.handedness());
                Sql.setInstant(ps, 5, Sql.now());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    long newId = keys.getLong(1);
                    RowChecks.update(c, RowChecks.Table.PARTICIPANT, newId);
                    return newId;
                }
            }
        }
        if (demographics != null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE participant SET age = ?, sex = ?, handedness = ? WHERE id = ?")) {
                Sql.setNullableInt(ps, 1, demographics.age());
                ps.setString(2, demographics.sex());
                ps.setString(3, demographics.handedness());
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            RowChecks.update(c, RowChecks.Table.PARTICIPANT, id);
        }
        return id;
    }

    static Long find(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM participant WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    static Optional<Demographics> demographics(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT age, sex, handedness FROM participant WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Demographics(Sql.nullableInt(rs, "age"), rs.getString("sex"),
                        rs.getString("handedness")));
            }
        }
    }
}
