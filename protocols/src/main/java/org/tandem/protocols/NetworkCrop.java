package org.tandem.protocols;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a network sees the images of a stimulus set. Face networks were trained on face crops, so giving them the whole
 * image (a face small in a large backdrop) changes every answer; the default is the face crop the built-in faces get.
 */
public enum NetworkCrop {
    /** The face's box: exact for the built-in sets, from the manifest's face_x, face_y, face_width, face_height for folders. */
    FACE_BOX("face-box"),
    /** The image as shown, for sets whose images are face crops already. */
    WHOLE_IMAGE("whole-image"),
    /**
     * The face box refined as face-api refines it: the 68 landmarks found in the face box, their bounding box padded by a
     * fifth of its size on each axis.
     */
    LANDMARKS("landmarks");

    private final String label;

    NetworkCrop(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static NetworkCrop parse(String text) {
        return Arrays.stream(values()).filter(c -> c.label.equals(text.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new TandemException("crop '" + text + "' is not one of face-box, whole-image,"
                        + " landmarks"));
    }

    @Override
    public String toString() {
        return label;
    }
}
