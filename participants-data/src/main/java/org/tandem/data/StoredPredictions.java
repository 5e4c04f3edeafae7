package org.tandem.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tandem.protocols.CanonicalJson;
import org.tandem.protocols.TandemException;

/**
 * The {@code prediction} table: a network's output vector per stimulus, under the SHA-256 of the network's versioned
 * key. The key's text is stored too and compared on every read, so a row can only ever be read back by the network that
 * wrote it.
 */
final class StoredPredictions {
    private static final String FIND = "SELECT network, vector FROM prediction WHERE network_sha256 = ?"
            + " AND stimulus_sha256 = ?";
    private static final String INSERT = "INSERT INTO prediction (network_sha256, stimulus_sha256, network, vector,"
            + " computed_at) VALUES (?, ?, ?, ?, ?)";

    private final StoreLocation location;

    StoredPredictions(StoreLocation location) {
        this.location = location;
    }

    Map<String, float[]> find(Connection c, String networkKey, Collection<String> stimulusSha256s) throws SQLException {
        String networkSha256 = CanonicalJson.sha256(networkKey);
        Map<String, float[]> found = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setString(1, networkSha256);
            for (String stimulus : stimulusSha256s) {
                ps.setString(2, stimulus);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        if (!networkKey.equals(rs.getString(1))) {
                            throw new TandemException("the stored prediction of stimulus " + stimulus + " in "
                                    + location.name() + " belongs to another network than its key says; the"
                                    + " database was altered, restore it from a backup");
                        }
                        found.put(stimulus, decode(rs.getBytes(2)));
                    }
                }
            }
        }
        return found;
    }

    /** @return how many vectors were new */
    int store(Connection c, String networkKey, Map<String, float[]> vectors) throws SQLException {
        String networkSha256 = CanonicalJson.sha256(networkKey);
        Map<String, float[]> known = find(c, networkKey, vectors.keySet());
        int added = 0;
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Map.Entry<String, float[]> vector : vectors.entrySet()) {
                if (known.containsKey(vector.getKey())) {
                    continue;
                }
                ps.setString(1, networkSha256);
                ps.setString(2, vector.getKey());
                ps.setString(3, networkKey);
                ps.setBytes(4, encode(vector.getValue()));
                Sql.setInstant(ps, 5, Sql.now());
                ps.executeUpdate();
                RowChecks.update(c, RowChecks.Table.PREDICTION, networkSha256, vector.getKey());
                added++;
            }
        }
        return added;
    }

    static byte[] encode(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return bytes.array();
    }

    static float[] decode(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
