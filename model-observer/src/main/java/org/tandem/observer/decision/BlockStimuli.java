package org.tandem.observer.decision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.observer.StimulusImages;
import org.tandem.protocols.plan.ShownStimulus;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.protocols.plan.Trial;

/**
 * The distinct stimuli of a block that a model observer has not computed yet, in the order first shown: deterministic
 * networks compute each stimulus once, batched per block.
 */
public record BlockStimuli(List<StimulusRef> stimuli) {
    public BlockStimuli {
        stimuli = List.copyOf(stimuli);
    }

    /** @param known whether a stimulus id is already computed */
    public static BlockStimuli unseen(List<Trial> blockTrials, Predicate<String> known) {
        Map<String, StimulusRef> todo = new LinkedHashMap<>();
        for (Trial trial : blockTrials) {
            for (ShownStimulus shown : trial.stimuli()) {
                if (!known.test(shown.stimulus().id())) {
                    todo.putIfAbsent(shown.stimulus().id(), shown.stimulus());
                }
            }
        }
        return new BlockStimuli(new ArrayList<>(todo.values()));
    }

    public boolean isEmpty() {
        return stimuli.isEmpty();
    }

    /** The network input crop of each stimulus, in order. */
    public List<Raster> crops(StimulusImages images, CropSource source) {
        List<Raster> out = new ArrayList<>(stimuli.size());
        for (StimulusRef ref : stimuli) {
            out.add(source.crop(ref, images.image(ref)));
        }
        return out;
    }
}
