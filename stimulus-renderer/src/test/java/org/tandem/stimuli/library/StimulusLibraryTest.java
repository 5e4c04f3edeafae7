package org.tandem.stimuli.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.Planner;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.protocols.plan.TrialPlan;

class StimulusLibraryTest {

    @Test
    void everyBuiltInProtocolResolvesAllItsStimuliForPeopleAndNetworks() {
        StimulusLibrary library = StimulusLibrary.builtIn();
        for (String name : BuiltinProtocols.NAMES) {
            Protocol protocol = BuiltinProtocols.resolve(name).read();
            library.requireSetsOf(protocol);
            library.preload(Planner.plan(protocol, 1));
            for (Protocol.Variant variant : protocol.variants()) {
                library.preload(Planner.plan(protocol, variant.name(), 1));
            }
        }
        // 24 identities × 6 expressions, plus the 21 (2AFC) and 11 (ABX, a subset of the 21) morph levels
        assertThat(library.distinctImages()).isEqualTo(24 * 6 + 21);
    }

    @Test
    void eachImageIsMadeOnceAndIdenticalImagesAreSharedByContent() {
        AtomicInteger made = new AtomicInteger();
        Raster grey = new Raster(2, 2, new byte[12]);
        StimulusLibrary library = StimulusLibrary.builtIn().with("flat", ref -> {
            made.incrementAndGet();
            return grey;
        });
        Raster a = library.image(StimulusRef.prototype("flat", "1", "happy"));
        Raster b = library.image(StimulusRef.prototype("flat", "1", "happy"));
        Raster c = library.image(StimulusRef.prototype("flat", "2", "sad"));
        assertThat(made).hasValue(2);
        assertThat(a).isSameAs(b).isSameAs(c);
        assertThat(library.distinctImages()).isEqualTo(1);
    }

    @Test
    void anUnknownSetIsAClearError() {
        TrialPlan plan = Planner.plan(BuiltinProtocols.resolve("expression-abx").read(), 1);
        assertThatThrownBy(() -> StimulusLibrary.builtIn().image(StimulusRef.prototype("kdef", "F01", "happy")))
                .isInstanceOf(TandemException.class).hasMessageContaining("no stimulus set named 'kdef'");
        assertThat(plan.size()).isPositive();
    }
}
