package org.tandem.stimuli.folder;

import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.io.RasterFiles;
import org.tandem.stimuli.transform.Resize;

/**
 * A folder of images used as a stimulus set: each image is one {@link StimulusRef} of the set (named by a manifest or by
 * the file names, see {@link StimulusSetChecker}). A set is only opened after the whole folder has been checked, so every
 * problem is known before a session starts. Images are read from disk when asked for (nothing is cached), resized to N×N
 * when the set was opened with {@code resizeTo}.
 */
public final class ImageFolderSet {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFolderSet.class);

    private final String name;
    private final Path root;
    private final List<StimulusEntry> entries;
    private final Map<StimulusRef, StimulusEntry> byRef;
    private final ImageSize imageSize;
    private final Integer resizeTo;

    private ImageFolderSet(SetReport report) {
        this.name = report.name();
        this.root = report.root();
        this.entries = report.entries();
        this.byRef = new LinkedHashMap<>();
        entries.forEach(e -> byRef.put(e.ref(), e));
        this.imageSize = report.imageSize();
        this.resizeTo = report.resizeTo();
    }

    /** Checks and opens a folder (or manifest) with the default options. */
    public static ImageFolderSet open(Path folderOrManifest) {
        return open(folderOrManifest, FolderSetOptions.defaults());
    }

    /**
     * Checks and opens a folder (or manifest).
     *
     * @throws InvalidStimulusSetException listing every problem, when there are any
     */
    public static ImageFolderSet open(Path folderOrManifest, FolderSetOptions options) {
        return of(StimulusSetChecker.check(folderOrManifest, options));
    }

    /** Opens a set from its check; warnings are logged. */
    public static ImageFolderSet of(SetReport report) {
        report.orThrow();
        if (!report.warnings().isEmpty()) {
            LOG.warn("stimulus set {}: {} files in {} are not part of the set (e.g. {})", report.name(),
                    report.warnings().size(), report.root(), report.warnings().get(0).file());
        }
        if (!report.skipped().isEmpty()) {
            LOG.info("stimulus set {}: {} files skipped by the naming scheme's choices (e.g. {}: {})", report.name(),
                    report.skipped().size(), report.skipped().get(0).file(), report.skipped().get(0).message());
        }
        return new ImageFolderSet(report);
    }

    public String name() {
        return name;
    }

    public Path root() {
        return root;
    }

    public List<StimulusEntry> entries() {
        return entries;
    }

    /** The stimuli of the set, in manifest or file order. */
    public List<StimulusRef> refs() {
        return entries.stream().map(StimulusEntry::ref).toList();
    }

    public boolean contains(StimulusRef ref) {
        return byRef.containsKey(ref);
    }

    /** The size every image of the set is returned at. */
    public ImageSize imageSize() {
        return imageSize;
    }

    /**
     * The face box of a stimulus from the manifest's face columns ({@link FaceBoxColumns}), in pixels of the image as this
     * set gives it (scaled when the set resizes its images), or null when the manifest gives none for it.
     *
     * @throws TandemException when the set has no such stimulus or its face columns are malformed
     */
    public Rectangle2D faceBox(StimulusRef ref) {
        StimulusEntry entry = byRef.get(ref);
        if (entry == null) {
            throw new TandemException("stimulus set '" + name + "' (" + root + ") has no image for " + ref.id());
        }
        Rectangle2D box = FaceBoxColumns.read(entry.attributes(), root + ", file " + entry.file());
        if (box == null || resizeTo == null) {
            return box;
        }
        double sx = (double) resizeTo / imageSize.width();
        double sy = (double) resizeTo / imageSize.height();
        return new Rectangle2D.Double(box.getX() * sx, box.getY() * sy, box.getWidth() * sx, box.getHeight() * sy);
    }

    /**
     * The image of one stimulus, read from its file now.
     *
     * @throws TandemException when the set has no such stimulus, or the file changed since the set was checked (now
     *                         unreadable, another size, or a link out of the folder)
     */
    public Raster image(StimulusRef ref) {
        StimulusEntry entry = byRef.get(ref);
        if (entry == null) {
            throw new TandemException(ref.set().equals(name)
                    ? "stimulus set '" + name + "' (" + root + ") has no image for " + ref.id() + "; add it to the set, or"
                    + " check the identities and expressions the protocol uses"
                    : "stimulus " + ref.id() + " belongs to set '" + ref.set() + "', not to '" + name + "' (" + root
                    + "); check the protocol's stimulusSets");
        }
        Path file = root.resolve(entry.file());
        String outside = InsideFolder.problem(root, file);
        if (outside != null) {
            // checked with the set already; a link put in place since then is refused the same way
            throw new TandemException("image " + file + " " + outside);
        }
        Raster image = RasterFiles.read(file);
        if (resizeTo != null) {
            return Resize.to(image, resizeTo);
        }
        if (image.width() != imageSize.width() || image.height() != imageSize.height()) {
            throw new TandemException("image " + root.resolve(entry.file()) + " is now " + image.width() + "x"
                    + image.height() + " but was " + imageSize + " when the set was checked; check the set again"
                    + " (tandem stimuli check " + root + ")");
        }
        return image;
    }

    @Override
    public String toString() {
        return "ImageFolderSet[" + name + ", " + root + ", " + entries.size() + " images]";
    }
}
