package org.tandem.stimuli.synthetic;

import static org.tandem.stimuli.synthetic.ActionUnit.AU12_LIP_CORNER_PULLER;
import static org.tandem.stimuli.synthetic.ActionUnit.AU20_LIP_STRETCHER;
import static org.tandem.stimuli.synthetic.ActionUnit.AU23_LIP_TIGHTENER;
import static org.tandem.stimuli.synthetic.ActionUnit.AU26_JAW_DROP;
import static org.tandem.stimuli.synthetic.ActionUnit.AU4_BROW_LOWERER;
import static org.tandem.stimuli.synthetic.ActionUnit.AU5_UPPER_LID_RAISER;
import static org.tandem.stimuli.synthetic.ActionUnit.AU6_CHEEK_RAISER;
import static org.tandem.stimuli.synthetic.ActionUnit.AU7_LID_TIGHTENER;
import static org.tandem.stimuli.synthetic.ActionUnit.AU1_INNER_BROW_RAISER;
import static org.tandem.stimuli.synthetic.ActionUnit.AU2_OUTER_BROW_RAISER;

import java.awt.Shape;
import java.awt.geom.GeneralPath;
import java.awt.geom.Rectangle2D;

/**
 * Where the parts of a synthetic face are on the 256 × 256 design grid: the layout the renderer draws and the regions
 * (eyes, nose, mouth, the face-detector crop) that transforms and model observers use.
 */
final class FaceGeometry {
    final double cx = 128;
    final double eyeY = 122;
    final double halfWidth;
    final double headTopY;
    final double browY;
    final double noseTipY;
    final double mouthY;
    final double chinY;
    final double eyeDx;
    private final IdentityParameters id;
    private final ExpressionParameters ex;

    FaceGeometry(IdentityParameters id, ExpressionParameters ex) {
        this.id = id;
        this.ex = ex;
        double length = id.faceLength();
        halfWidth = 56 * id.faceWidth();
        headTopY = eyeY - 68 * length;
        browY = eyeY - 17;
        noseTipY = eyeY + 30 * id.noseLength() * length;
        mouthY = eyeY + 54 * length;
        chinY = eyeY + 90 * length + jawDrop();
        eyeDx = 24 * id.eyeSpacing();
    }

    double jawDrop() {
        return 9 * ex.get(AU26_JAW_DROP);
    }

    double mouthHalfWidth() {
        return 19 * id.mouthWidth() * (1 + 0.22 * ex.get(AU12_LIP_CORNER_PULLER) + 0.32 * ex.get(AU20_LIP_STRETCHER)
                - 0.12 * ex.get(AU23_LIP_TIGHTENER) - 0.22 * ex.get(AU26_JAW_DROP) * (1 - ex.get(AU20_LIP_STRETCHER)));
    }

    /** Half-height of the eye opening above its axis: widened by AU5, narrowed by tightening, cheek raise and a heavy lid. */
    double upperLidHeight() {
        double droop = 0.3 * ex.get(AU4_BROW_LOWERER) * (1 - ex.get(AU5_UPPER_LID_RAISER))
                + 0.25 * ex.get(AU1_INNER_BROW_RAISER) * (1 - ex.get(AU2_OUTER_BROW_RAISER));
        double factor = 1 + 0.85 * ex.get(AU5_UPPER_LID_RAISER) - 0.35 * ex.get(AU7_LID_TIGHTENER)
                - 0.15 * ex.get(AU6_CHEEK_RAISER) - droop;
        return 5.2 * id.eyeSize() * Math.max(0.25, factor);
    }

    double lowerLidHeight() {
        double factor = 1 - 0.55 * ex.get(AU7_LID_TIGHTENER) - 0.5 * ex.get(AU6_CHEEK_RAISER) + 0.35 * ex.get(AU5_UPPER_LID_RAISER);
        return 3.6 * id.eyeSize() * Math.max(0.2, factor);
    }

    /** The face outline from the hairline down to the chin. */
    Shape outline() {
        double top = headTopY + 6;
        double jawY = mouthY + 6;
        double jaw = halfWidth * id.jawWidth();
        GeneralPath path = new GeneralPath();
        path.moveTo(cx, top);
        path.curveTo(cx + halfWidth * 0.75, top, cx + halfWidth, eyeY - 40, cx + halfWidth, eyeY - 5);
        path.curveTo(cx + halfWidth, eyeY + 25, cx + jaw + 3, jawY - 8, cx + jaw * 0.78, jawY + 16 + jawDrop() * 0.6);
        path.curveTo(cx + jaw * 0.5, chinY - 2, cx + 12, chinY, cx, chinY);
        path.curveTo(cx - 12, chinY, cx - jaw * 0.5, chinY - 2, cx - jaw * 0.78, jawY + 16 + jawDrop() * 0.6);
        path.curveTo(cx - jaw - 3, jawY - 8, cx - halfWidth, eyeY + 25, cx - halfWidth, eyeY - 5);
        path.curveTo(cx - halfWidth, eyeY - 40, cx - halfWidth * 0.75, top, cx, top);
        path.closePath();
        return path;
    }

    /** Ellipses (centre x, centre y, radius x, radius y) over {@code eyes} (two), {@code nose} or {@code mouth}. */
    double[][] partRegions(String part) {
        return switch (part) {
            case "eyes" -> eyeRegions();
            case "nose" -> noseRegion();
            case "mouth" -> mouthRegion();
            default -> throw new IllegalArgumentException("face part must be eyes, nose or mouth, not " + part);
        };
    }

    /** Ellipses (centre x, centre y, radius x, radius y) covering both eyes, on the design grid. */
    double[][] eyeRegions() {
        double rx = 17 * id.eyeSize();
        double ry = 8 + upperLidHeight() + lowerLidHeight();
        return new double[][] {{cx - eyeDx, eyeY, rx, ry}, {cx + eyeDx, eyeY, rx, ry}};
    }

    double[][] noseRegion() {
        double top = eyeY + 4;
        double bottom = noseTipY + 7;
        return new double[][] {{cx, (top + bottom) / 2, 15 * id.noseWidth(), (bottom - top) / 2}};
    }

    double[][] mouthRegion() {
        double open = 16 * ex.get(AU26_JAW_DROP) + 6;
        return new double[][] {{cx, mouthY + open / 3, mouthHalfWidth() + 9, 11 + open / 2}};
    }

    /**
     * The box face-api's aligned crop would take for this face: the bounding box of the 68 landmarks (brows to chin,
     * jaw line) grown by 10 % on every side.
     */
    Rectangle2D faceCrop() {
        double top = browY - 12;
        double left = cx - halfWidth;
        double width = 2 * halfWidth;
        double height = chinY - top;
        return new Rectangle2D.Double(left - 0.1 * width, top - 0.1 * height, 1.2 * width, 1.2 * height);
    }
}
