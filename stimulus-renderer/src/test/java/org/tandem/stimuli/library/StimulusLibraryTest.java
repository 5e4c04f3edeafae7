package org.tandem.stimuli.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.ProtocolReader;
import org.tandem.stimuli.folder.ManifestFormat;
import org.tandem.stimuli.folder.ManifestWriter;
import org.tandem.stimuli.folder.StimulusEntry;
import org.tandem.stimuli.io.RasterFiles;
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
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (String name : BuiltinProtocols.NAMES) {
            Protocol protocol = BuiltinProtocols.resolve(name).read();
            StimulusLibrary library = StimulusLibrary.forProtocol(protocol, Path.of("."));
            List<TrialPlan> plans = new java.util.ArrayList<>(List.of(Planner.plan(protocol, 1)));
            protocol.variants().forEach(variant -> plans.add(Planner.plan(protocol, variant.name(), 1)));
            for (TrialPlan plan : plans) {
                library.preload(plan);
                plan.trials().forEach(t -> t.stimuli().forEach(shown ->
                        distinct.add(library.image(shown.stimulus()).contentHash())));
            }
        }
        // 24 identities × 6 expressions, the 21 (2AFC) and 11 (ABX, a subset of the 21) morph levels, and the 21
        // levels again with the eyes, the nose or the mouth masked
        assertThat(distinct).hasSize(24 * 6 + 21 + 3 * 21);
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
    void aProtocolsImageFolderSetIsLoadedFromItsPathAndServesTheFilesPixels(@TempDir Path dir) {
        Path folder = dir.resolve("faces");
        Raster happy = new Raster(2, 1, new byte[] {1, 2, 3, 4, 5, 6});
        Raster sad = new Raster(2, 1, new byte[] {9, 9, 9, 8, 8, 8});
        RasterFiles.writePng(happy, folder.resolve("h.png"));
        RasterFiles.writePng(sad, folder.resolve("s.png"));
        ManifestWriter.write(folder, List.of(
                StimulusEntry.of("h.png", StimulusRef.prototype("mine", "p1", "happy")),
                StimulusEntry.of("s.png", StimulusRef.prototype("mine", "p1", "sad"))), ManifestFormat.CSV);
        Protocol protocol = ProtocolReader.read("""
                {"format": "tandem-protocol/1", "id": "own-faces", "title": "t",
                 "stimulusSets": [{"name": "mine", "path": "faces", "identity": "p1"}],
                 "task": {"kind": "classification", "labels": [{"label": "happy", "key": "A"}, {"label": "sad", "key": "S"}]},
                 "factors": [{"name": "expression", "levels": ["happy", "sad"]}],
                 "repetitions": 1, "timing": {"stimulus": {"ms": 500}}}
                """, "own-faces.json");
        StimulusLibrary library = StimulusLibrary.forProtocol(protocol, dir);
        TrialPlan plan = Planner.plan(protocol, 1);
        library.preload(plan);
        for (var trial : plan.trials()) {
            Raster shown = library.image(trial.stimulus("S"));
            assertThat(shown).isEqualTo(trial.levels().get("expression").equals("happy") ? happy : sad);
        }
    }

    @Test
    void anUnknownSetIsAClearError() {
        TrialPlan plan = Planner.plan(BuiltinProtocols.resolve("expression-abx").read(), 1);
        assertThatThrownBy(() -> StimulusLibrary.builtIn().image(StimulusRef.prototype("kdef", "F01", "happy")))
                .isInstanceOf(TandemException.class).hasMessageContaining("no stimulus set named 'kdef'");
        assertThat(plan.size()).isPositive();
    }
}
