package org.tandem.analysis.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference fixtures in {@code units/}, as the Python scripts beside them write them: a header line and the values,
 * then a {@code #expected} line, a header line and the expected results, all comma-separated.
 *
 * @param values   the value lines, split at commas (empty fields kept)
 * @param expected the expected lines, split likewise
 */
record ReferenceCsv(List<String[]> values, List<String[]> expected) {

    static ReferenceCsv read(String resource) throws IOException {
        List<String[]> values = new ArrayList<>();
        List<String[]> expected = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ReferenceCsv.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            List<String[]> target = values;
            boolean header = true;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("#expected")) {
                    target = expected;
                    header = true;
                } else if (header) {
                    header = false;
                } else {
                    target.add(line.split(",", -1));
                }
            }
        }
        return new ReferenceCsv(values, expected);
    }

    /** A number as Python writes it: NaN as nan, infinity as inf. */
    static double number(String text) {
        return switch (text) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** Equal within 1e-8 relative to the expected value's size (1e-15 at least); NaN and infinity exactly. */
    static void assertClose(String what, double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
        } else if (Double.isInfinite(expected)) {
            assertThat(actual).as(what).isEqualTo(expected);
        } else {
            assertThat(actual).as(what).isCloseTo(expected, within(Math.max(1e-8 * Math.abs(expected), 1e-15)));
        }
    }
}
