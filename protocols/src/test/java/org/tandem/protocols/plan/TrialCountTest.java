package org.tandem.protocols.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.TandemException;

/** The trial count worked out from the design is the size of the plan, and the planner refuses a design over the limit. */
class TrialCountTest {

    @Test
    void everyBuiltInProtocolAndVariantPlansAsManyTrialsAsCounted() {
        for (String name : BuiltinProtocols.NAMES) {
            Protocol protocol = BuiltinProtocols.resolve(name).read();
            List<String> variants = new ArrayList<>();
            variants.add(null);
            protocol.variants().forEach(v -> variants.add(v.name()));
            for (String variant : variants) {
                Protocol effective = variant == null ? protocol : Variants.apply(protocol, variant);
                assertThat(TrialCount.total(effective)).as("%s %s", name, variant)
                        .isEqualTo(BigInteger.valueOf(Planner.plan(protocol, variant, 3).size()));
            }
        }
    }

    @Test
    void aDesignMadeInCodeOverTheLimitIsRefusedBeforeAnyTrialIsMade() {
        Protocol builtin = BuiltinProtocols.resolve("expression-6way").read();
        // 24 identities x 6 expressions x 7,000 repetitions = 1,008,000 main trials, made in code past the reader's check
        Protocol big = new Protocol(builtin.format(), builtin.id(), builtin.title(), builtin.description(),
                builtin.instructions(), builtin.stimulusSets(), builtin.task(), builtin.factors(), 7000, builtin.blocks(),
                builtin.randomisation(), builtin.timing(), builtin.breaks(), builtin.variants());
        assertThat(TrialCount.total(big)).isEqualTo(BigInteger.valueOf(6 + 1_008_000));
        assertThatThrownBy(() -> Planner.plan(big, 1)).isInstanceOf(TandemException.class)
                .hasMessage("protocol expression-6way would plan 1,008,006 trials, more than the 1,000,000 a session may"
                        + " have; lower its repetitions or levels (check it with: tandem protocol validate)");
    }
}
