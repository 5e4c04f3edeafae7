package org.tandem.presenter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.observer.StimulusImages;
import org.tandem.protocols.plan.ShownStimulus;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.protocols.plan.Trial;

/**
 * The textures of the current block. {@link #prepare} uploads every distinct stimulus of a block before it starts
 * (the {@code Observer.prepareBlock} step), so no upload ever happens between a trial's frames; the previous block's
 * textures are released then.
 */
public final class StimulusTextures implements AutoCloseable {
    private final Map<StimulusRef, Texture> textures = new HashMap<>();
    private final Map<StimulusRef, Raster> rasters = new HashMap<>();

    /** Replaces the loaded textures with those of {@code blockTrials}' stimuli, resolved through {@code images}. */
    public void prepare(List<Trial> blockTrials, StimulusImages images) {
        close();
        for (Trial trial : blockTrials) {
            for (ShownStimulus shown : trial.stimuli()) {
                rasters.computeIfAbsent(shown.stimulus(), images::image);
            }
        }
        rasters.forEach((ref, raster) -> textures.put(ref, Texture.of(raster)));
    }

    /**
     * @throws IllegalStateException when the stimulus is not part of the prepared block
     */
    public Texture texture(StimulusRef stimulus) {
        Texture texture = textures.get(stimulus);
        if (texture == null) {
            throw new IllegalStateException("stimulus " + stimulus.id() + " was not uploaded with its block;"
                    + " prepareBlock must list every trial of the block");
        }
        return texture;
    }

    /** The exact image a texture was uploaded from. */
    public Raster raster(StimulusRef stimulus) {
        texture(stimulus);
        return rasters.get(stimulus);
    }

    public int size() {
        return textures.size();
    }

    @Override
    public void close() {
        textures.values().forEach(Texture::close);
        textures.clear();
        rasters.clear();
    }
}
