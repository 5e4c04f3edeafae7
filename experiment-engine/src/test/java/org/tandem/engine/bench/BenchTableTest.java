package org.tandem.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchTableTest {
    @Test
    void millisKeepAboutThreeSignificantDigits() {
        assertThat(BenchTable.millis(0.8123)).isEqualTo("0.81");
        assertThat(BenchTable.millis(3.214)).isEqualTo("3.21");
        assertThat(BenchTable.millis(9.996)).isEqualTo("10.0");
        assertThat(BenchTable.millis(45.23)).isEqualTo("45.2");
        assertThat(BenchTable.millis(99.96)).isEqualTo("100");
        assertThat(BenchTable.millis(312.4)).isEqualTo("312");
    }

    @Test
    void textAlignsColumnsAndMarkdownIsATable() {
        BenchTable table = new BenchTable("network", "ms").row("expression", "3.21").row("agegender", "12.0");
        assertThat(table.text()).isEqualTo("network     ms\nexpression  3.21\nagegender   12.0\n");
        assertThat(table.markdown()).isEqualTo("| network | ms |\n|---|---|\n| expression | 3.21 |\n| agegender | 12.0 |\n");
    }
}
