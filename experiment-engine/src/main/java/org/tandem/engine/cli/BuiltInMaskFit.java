package org.tandem.engine.cli;

import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.Locale;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.folder.FaceBoxColumns;
import org.tandem.stimuli.folder.StimulusEntry;
import org.tandem.stimuli.synthetic.FaceSet;

/**
 * Checks that the built-in face geometry fits an image before a mask is placed from it: masks are placed where the
 * built-in set draws that identity's eyes, nose or mouth, so on any other image (a photograph named 01, a face drawn
 * with another seed or set, an inverted face) they would cover the wrong place. The image fits when its manifest's face
 * box is the built-in face's box (within a pixel), or, without a face box, when it is the built-in drawing itself.
 */
final class BuiltInMaskFit {
    private static final double TOLERANCE_PX = 1;

    private BuiltInMaskFit() {
    }

    static void check(Path file, StimulusEntry entry, FaceSet faces, StimulusRef builtIn, Raster image) {
        String fix = "masks are placed from the face geometry of the built-in set '" + faces.name() + "'; mask images"
                + " drawn by tandem stimuli synth or continuum, giving the same --set and --seed here";
        Rectangle2D expected;
        try {
            expected = faces.faceCrop(builtIn);
        } catch (TandemException e) {
            throw new TandemException(file + ": " + e.getMessage() + "; " + fix);
        }
        Rectangle2D box = FaceBoxColumns.read(entry.attributes(), file.toString());
        if (box != null) {
            if (differs(box, expected)) {
                throw new TandemException(file + String.format(Locale.ROOT, ": its face box (x %.1f, y %.1f, %.1f x %.1f)"
                        + " is not where '%s' draws %s (x %.1f, y %.1f, %.1f x %.1f); ", box.getX(), box.getY(),
                        box.getWidth(), box.getHeight(), faces.name(), builtIn.id(), expected.getX(), expected.getY(),
                        expected.getWidth(), expected.getHeight()) + fix);
            }
        } else if (!faces.render(builtIn).equals(image)) {
            throw new TandemException(file + ": has no face box in its manifest and is not the drawing of "
                    + builtIn.id() + " (its pixels differ); " + fix);
        }
    }

    private static boolean differs(Rectangle2D a, Rectangle2D b) {
        return Math.abs(a.getX() - b.getX()) > TOLERANCE_PX || Math.abs(a.getY() - b.getY()) > TOLERANCE_PX
                || Math.abs(a.getWidth() - b.getWidth()) > TOLERANCE_PX
                || Math.abs(a.getHeight() - b.getHeight()) > TOLERANCE_PX;
    }
}
