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
    /** Side of a contact sheet's thumbnails, in pixels. */
    private static final int THUMBNAIL = 128;

    private final Path folder;
    private final List<StimulusEntry> entries = new ArrayList<>();
    private final List<ContactSheet.Item> thumbnails = new ArrayList<>();

    private StimulusFolderWriter(Path folder) {
        this.folder = folder;
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
        StimulusFolderWriter writer = open(folder);
        writer.addAll(outputs, () -> { });
        return writer.finish(sheetColumns);
    }

    /**
     * A writer that takes the images one at a time and keeps only their thumbnails, for sets too large to hold in memory;
     * {@link #finish} writes the manifest and the contact sheet.
     */
    public static StimulusFolderWriter open(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new TandemException("cannot create output folder " + folder + " (" + e.getMessage() + ")", e);
        }
        return new StimulusFolderWriter(folder);
    }

    /**
     * Writes the images' PNGs now, in parallel (encoding a PNG takes longer than drawing most images); the manifest lists
     * them in the order given.
     *
     * @param afterEach called after each image is written (from any thread), for a progress bar
     */
    public void addAll(List<Output> outputs, Runnable afterEach) {
        List<ContactSheet.Item> written = outputs.parallelStream().map(output -> {
            RasterFiles.writePng(output.image(), folder.resolve(output.entry().file()));
            afterEach.run();
            return new ContactSheet.Item(ContactSheet.thumbnail(output.image(), THUMBNAIL), label(output.entry()));
        }).toList();
        synchronized (this) {
            outputs.forEach(output -> entries.add(output.entry()));
            thumbnails.addAll(written);
        }
    }

    public synchronized Written finish(int sheetColumns) {
        Path manifest = ManifestWriter.write(folder, entries, ManifestFormat.CSV);
        Path sheet = folder.resolve(StimulusSetChecker.CONTACT_SHEET);
        RasterFiles.writePng(ContactSheet.of(thumbnails, THUMBNAIL, Math.max(1, sheetColumns)), sheet);
        return new Written(folder, entries.size(), manifest, sheet);
    }

    private static String label(StimulusEntry entry) {
        var ref = entry.ref();
        return ref.continuum() == null
                ? ref.identity() + " " + ref.expression()
                : ref.identity() + " " + ref.level() + "%";
    }
}
