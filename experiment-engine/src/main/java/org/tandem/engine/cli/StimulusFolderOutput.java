package org.tandem.engine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.folder.ManifestFormat;
import org.tandem.stimuli.folder.StimulusEntry;
import org.tandem.stimuli.folder.StimulusSetChecker;
import org.tandem.stimuli.output.StimulusFolderWriter;

/**
 * A stimulus folder a command writes: the files it will consist of, known from the entries alone so that an --out
 * folder can be checked before anything is drawn, and the images, drawn with a progress bar.
 */
final class StimulusFolderOutput {
    private StimulusFolderOutput() {
    }

    /** One image per entry, manifest.csv and the contact sheet. */
    static List<Path> files(Path folder, List<StimulusEntry> entries) {
        List<Path> files = new ArrayList<>(entries.size() + 2);
        entries.forEach(e -> files.add(folder.resolve(e.file())));
        files.add(folder.resolve(ManifestFormat.CSV.fileName()));
        files.add(folder.resolve(StimulusSetChecker.CONTACT_SHEET));
        return files;
    }

    static List<StimulusFolderWriter.Output> draw(String what, List<StimulusEntry> entries,
                                                  Function<StimulusRef, Raster> image) {
        List<StimulusFolderWriter.Output> outputs = new ArrayList<>(entries.size());
        try (Progress progress = Progress.of(what, entries.size())) {
            for (StimulusEntry entry : entries) {
                outputs.add(new StimulusFolderWriter.Output(entry, image.apply(entry.ref())));
                progress.step();
            }
        }
        return outputs;
    }
}
