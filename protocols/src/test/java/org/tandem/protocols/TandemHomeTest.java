package org.tandem.protocols;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TandemHomeTest {
    @Test
    void tandemHomeMovesTheDatabaseAndTheModels() {
        Map<String, String> set = Map.of("TANDEM_HOME", "/data/t");
        assertThat(TandemHome.database(set, "/home/u")).isEqualTo(Path.of("/data/t/tandem.mv.db"));
        assertThat(TandemHome.models(set, "/home/u")).isEqualTo(Path.of("/data/t/models"));
    }

    @Test
    void withoutItFilesGoUnderTheAccountsHome() {
        Map<String, String> blank = Map.of("TANDEM_HOME", " ");
        assertThat(TandemHome.database(blank, "/home/u")).isEqualTo(Path.of("/home/u/.tandem/tandem.mv.db"));
        assertThat(TandemHome.models(Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.cache/tandem/models"));
    }
}
