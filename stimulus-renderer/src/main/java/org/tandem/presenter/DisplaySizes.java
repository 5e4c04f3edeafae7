package org.tandem.presenter;

import org.tandem.protocols.Protocol;
import org.tandem.protocols.TandemException;

/**
 * The sizes a protocol's {@code display} asks for, in pixels of this station: the stimulus at a width in degrees of
 * visual angle (scaled on the GPU with bilinear filtering) or at its native pixels, the fixation cross and the body
 * text at their degrees, or the screen-relative defaults (0) when the protocol gives none.
 *
 * @param fixationArmPx half the fixation cross's arm-to-arm size, 0 for the default
 * @param textHeightPx  the body text's pixel height, 0 for the default
 */
public record DisplaySizes(StimulusSize stimulus, int fixationArmPx, int textHeightPx) {
    public static final DisplaySizes NATIVE = new DisplaySizes(new StimulusSize.Native(), 0, 0);

    /**
     * @param viewing the viewing geometry, or null when the station was not told it
     * @throws TandemException when the protocol gives degrees and the geometry is unknown
     */
    /**
     * Refuses a protocol with sizes in degrees when the viewing geometry is not known: checked before the station
     * opens, and again when the sizes are resolved.
     */
    public static void requireGeometry(Protocol protocol, boolean geometryKnown) {
        Protocol.Display display = protocol.display();
        if (display != null && display.anyDegrees() && !geometryKnown) {
            throw new TandemException(protocol.id() + " gives sizes in degrees of visual angle (display); give the"
                    + " viewing distance and the screen's width with --distance-cm and --screen-width-cm");
        }
    }

    public static DisplaySizes of(Protocol protocol, VisualAngle viewing) {
        Protocol.Display display = protocol.display();
        if (display == null || !display.anyDegrees()) {
            return NATIVE;
        }
        requireGeometry(protocol, viewing != null);
        StimulusSize stimulus = display.stimulusWidthDeg() == null ? new StimulusSize.Native()
                : new StimulusSize.Degrees(display.stimulusWidthDeg(), viewing);
        int arm = display.fixationDeg() == null ? 0
                : Math.max(1, (int) Math.round(viewing.pixels(display.fixationDeg()) / 2));
        int text = display.textHeightDeg() == null ? 0
                : Math.max(6, (int) Math.round(viewing.pixels(display.textHeightDeg())));
        return new DisplaySizes(stimulus, arm, text);
    }
}
