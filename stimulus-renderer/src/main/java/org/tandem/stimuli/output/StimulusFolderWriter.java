package org.tandem.stimuli.output;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.stimuli.folder.ManifestFormat;
import org.tandem.stimuli.folder.ManifestWriter;
import org.tandem.stimuli.folder.StimulusEntry;
import org.tandem.stimuli.folder.StimulusSetChecker;
import org.tandem.stimuli.io.RasterFiles;
import org.tandem.stimuli.sheet.ContactSheet;

/**
 * Writes images as a stimulus set any Tandem command can read back: one PNG per image, {@code manifest.csv} naming what
 * each shows, and {@code sheet.png}, a contact sheet for a quick look.
 */
public final class StimulusFolderWriter {
    private StimulusFolderWriter() {
    }

    /** An image and the manifest entry (file name and stimulus) it is written under. */
    public record Output(StimulusEntry entry, Raster image) {
    }

    /** What was written. */
    public record Written(Path folder, int images, Path manifest, Path sheet) {
    }

    /**
     * @param sheetColumns thumbnails per row of the contact sheet (e.g. one row per identity, one column per expression)
     */
    public static Written write(Path folder, List<Output> outputs, int sheetColumns) {
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new TandemException("cannot create output folder " + folder + " (" + e.getMessage() + ")", e);
        }
        List<StimulusEntry> entries = new ArrayList<>(outputs.size());
        List<ContactSheet.Item> items = new ArrayList<>(outputs.size());
        for (Output output : outputs) {
            RasterFiles.writePng(output.image(), folder.resolve(output.entry().file()));
            entries.add(output.entry());
            items.add(new ContactSheet.Item(output.image(), label(output.entry())));
        }
        Path manifest = ManifestWriter.write(folder, entries, ManifestFormat.CSV);
        Path sheet = folder.resolve(StimulusSetChecker.CONTACT_SHEET);
        RasterFiles.writePng(ContactSheet.of(items, 128, Math.max(1, sheetColumns)), sheet);
        return new Written(folder, outputs.size(), manifest, sheet);
    }

    private static String label(StimulusEntry entry) {
        var ref = entry.ref();
        return ref.continuum() == null
                ? ref.identity() + " " + ref.expression()
                : ref.identity() + " " + ref.level() + "%";
    }
}
