package org.tandem.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written by the Tandem of schema version 4 (src/test/resources/schema-v4, with kept predictions) opens with
 * this one, and its prediction rows' checks, computed again over each vector's bytes, now see a changed byte.
 */
class SchemaUpgradeV4Test {
    @TempDir
    Path dir;

    /** A copy of the old database and its seal, as {@code name}.mv.db and {@code name}.seal. */
    private Path copyOfTheOldDatabase(String name) throws Exception {
        for (String file : List.of("tandem-v4.mv.db", "tandem-v4.seal")) {
            try (InputStream in = getClass().getResourceAsStream("/schema-v4/" + file)) {
                Files.copy(in, dir.resolve(file.replace("tandem-v4", name)));
            }
        }
        return dir.resolve(name + ".mv.db");
    }

    @Test
    void itOpensCleanUpgradesWhenWrittenAndKeepsItsPredictions() throws Exception {
        Path file = copyOfTheOldDatabase("old");
        IntegrityReport old = TandemStore.check(StoreOptions.at(file));
        assertThat(old.clean()).as(old.problems().toString()).isTrue();
        assertThat(old.schemaVersion()).isEqualTo(4);
        assertThat(old.rows()).containsEntry("prediction", 11L).containsEntry("trial", 72L);
        Map<String, Map<String, float[]>> before = predictions(file);

        try (TandemStore store = TandemStore.open(StoreOptions.at(file))) {
            assertThat(store.sessions()).hasSize(1);
        }
        IntegrityReport upgraded = TandemStore.check(StoreOptions.at(file));
        assertThat(upgraded.clean()).as(upgraded.problems().toString()).isTrue();
        assertThat(upgraded.schemaVersion()).isEqualTo(StoreVerifier.LATEST_SCHEMA).isEqualTo(5);
        Map<String, Map<String, float[]>> after = predictions(file);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((network, vectors) -> vectors.forEach((image, vector) ->
                assertThat(after.get(network).get(image)).isEqualTo(vector)));
    }

    @Test
    void aChangedVectorByteIsFoundAfterTheUpgrade() throws Exception {
        Path file = copyOfTheOldDatabase("old");
        // 0x80 -> 0xC0 in a vector: both bytes are not UTF-8 on their own, so version 4's check read both as U+FFFD
        byte[] changed = changeOneByte(file, (byte) 0x80, (byte) 0xC0);
        assertThat(changed).as("a vector byte 0x80 to change").isNotNull();
        IntegrityReport atFour = TandemStore.check(StoreOptions.at(file));
        assertThat(atFour.clean()).as("version 4's check cannot see the change").isTrue();

        Path fresh = copyOfTheOldDatabase("upgraded");
        try (TandemStore store = TandemStore.open(StoreOptions.at(fresh))) {
            assertThat(store.sessions()).hasSize(1);
        }
        assertThat(changeOneByte(fresh, (byte) 0x80, (byte) 0xC0)).isNotNull();
        IntegrityReport atFive = TandemStore.check(StoreOptions.at(fresh));
        assertThat(atFive.clean()).isFalse();
        assertThat(atFive.problems()).anyMatch(p -> p.contains("of table prediction does not match its check"));
    }

    /** The kept vectors by network and image, read through the store's own cache. */
    private static Map<String, Map<String, float[]>> predictions(Path file) throws Exception {
        Map<String, Map<String, float[]>> out = new java.util.TreeMap<>();
        List<String[]> keys = new java.util.ArrayList<>();
        try (Connection c = raw(file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT network, stimulus_sha256 FROM prediction")) {
            while (rs.next()) {
                keys.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        try (TandemStore store = TandemStore.openForReading(StoreOptions.at(file))) {
            for (String[] key : keys) {
                out.computeIfAbsent(key[0], k -> new java.util.TreeMap<>())
                        .putAll(store.predictionCache().find(key[0], List.of(key[1])));
            }
        }
        return out;
    }

    /**
     * Changes the first byte {@code from} of a prediction vector to {@code to} behind the store's back (its check left
     * as it was), as a bit flip on disk would; returns the vector as changed, or null when no vector holds the byte.
     */
    private static byte[] changeOneByte(Path file, byte from, byte to) throws Exception {
        try (Connection c = raw(file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT network_sha256, stimulus_sha256, vector FROM prediction")) {
            while (rs.next()) {
                byte[] vector = rs.getBytes(3);
                for (int i = 0; i < vector.length; i++) {
                    if (vector[i] == from) {
                        vector[i] = to;
                        try (PreparedStatement ps = c.prepareStatement("UPDATE prediction SET vector = ?"
                                + " WHERE network_sha256 = ? AND stimulus_sha256 = ?")) {
                            ps.setBytes(1, vector);
                            ps.setString(2, rs.getString(1));
                            ps.setString(3, rs.getString(2));
                            ps.executeUpdate();
                        }
                        return vector;
                    }
                }
            }
        }
        return null;
    }

    private static Connection raw(Path file) throws Exception {
        String base = file.toString().replaceFirst("\\.mv\\.db$", "");
        return DriverManager.getConnection("jdbc:h2:file:" + base, H2Connector.USER, "");
    }
}
