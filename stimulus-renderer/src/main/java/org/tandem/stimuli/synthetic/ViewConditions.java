package org.tandem.stimuli.synthetic;

/**
 * How one image of {@code varied-faces} was taken: head pose, framing, light, camera. Every value is drawn uniformly
 * from the range its constant names, from the image's own stream (see {@link VariedFaces}).
 *
 * @param yaw             head turn about the vertical axis, degrees (positive: the face turns to the image's right)
 * @param pitch           head nod about the horizontal axis, degrees (positive: chin down)
 * @param roll            head tilt in the image plane, degrees (positive: clockwise)
 * @param scale           size of the head relative to the plain drawing
 * @param shiftX          horizontal offset of the head, design pixels (of 256)
 * @param shiftY          vertical offset of the head, design pixels
 * @param lightAzimuth    direction the key light comes from, degrees from above the camera clockwise as seen
 * @param lightElevation  angle between the key light and the line of sight, degrees (0: from the camera)
 * @param lightShare      share of the skin's brightness that comes from the key light rather than ambient light
 * @param background      grey level of the backdrop
 * @param whiteBalance    gain on red, green and blue of the camera
 * @param blur            Gaussian blur of the lens, design pixels (σ)
 * @param noise           Gaussian sensor noise, grey levels (σ)
 * @param noiseSeed       seed of this image's sensor noise
 * @param cropShiftX      error of the face detector's box: horizontal offset as a share of the box's width
 * @param cropShiftY      vertical offset as a share of the box's height
 * @param cropScale       size of the detector's box relative to the true one
 */
record ViewConditions(double yaw, double pitch, double roll, double scale, double shiftX, double shiftY,
                      double lightAzimuth, double lightElevation, double lightShare, double background,
                      double[] whiteBalance, double blur, double noise, long noiseSeed, double cropShiftX,
                      double cropShiftY, double cropScale) {
    static final double YAW = 8;
    static final double PITCH = 2.5;
    static final double ROLL = 4;
    static final double SCALE_LOW = 0.9;
    static final double SCALE_HIGH = 1.08;
    static final double SHIFT = 10;
    static final double AZIMUTH = 70;
    static final double ELEVATION_LOW = 15;
    static final double ELEVATION_HIGH = 55;
    static final double LIGHT_SHARE_LOW = 0.1;
    static final double LIGHT_SHARE_HIGH = 0.2;
    static final double BACKGROUND_LOW = 105;
    static final double BACKGROUND_HIGH = 150;
    static final double WHITE_BALANCE = 0.05;
    static final double BLUR_LOW = 0.5;
    static final double BLUR_HIGH = 1.2;
    static final double NOISE_LOW = 1.5;
    static final double NOISE_HIGH = 5;
    static final double CROP_SHIFT = 0.04;
    static final double CROP_SCALE = 0.06;

    /** Draws every condition from the image's stream, in the order of the record's components. */
    static ViewConditions draw(Uniform random) {
        return new ViewConditions(
                random.around(YAW), random.around(PITCH), random.around(ROLL), random.range(SCALE_LOW, SCALE_HIGH),
                random.around(SHIFT), random.around(SHIFT),
                random.around(AZIMUTH), random.range(ELEVATION_LOW, ELEVATION_HIGH),
                random.range(LIGHT_SHARE_LOW, LIGHT_SHARE_HIGH), random.range(BACKGROUND_LOW, BACKGROUND_HIGH),
                new double[] {1 + random.around(WHITE_BALANCE), 1 + random.around(WHITE_BALANCE),
                        1 + random.around(WHITE_BALANCE)},
                random.range(BLUR_LOW, BLUR_HIGH), random.range(NOISE_LOW, NOISE_HIGH), random.seed(),
                random.around(CROP_SHIFT), random.around(CROP_SHIFT),
                1 + random.around(CROP_SCALE));
    }
}
