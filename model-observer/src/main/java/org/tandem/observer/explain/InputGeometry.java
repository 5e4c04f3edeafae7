package org.tandem.observer.explain;

/**
 * Where the pixels of a network's square input come from in the face crop it was given: input pixel (column c, row r)
 * samples the crop at ({@code scaleX · c − offsetX}, {@code scaleY · r − offsetY}) in pixel-index coordinates (the
 * sample index of tfjs's legacy bilinear resize; crop pixel i has its centre at i + 0.5). So a map over the input can
 * be laid over the crop, and a region known in the crop (or the image, given the crop's origin) can be laid over the
 * map, pixel for pixel.
 *
 * @param size    the input's width and height in pixels
 * @param scaleX  crop pixels per input column (a non-square crop stretched to the square input has its own per axis)
 * @param scaleY  crop pixels per input row
 * @param offsetX the padding left of the crop, in crop pixels (negative where the input starts inside the crop)
 * @param offsetY the padding above the crop, in crop pixels
 */
public record InputGeometry(int size, double scaleX, double scaleY, double offsetX, double offsetY) {

    /** The same scale on both axes, as a padded square crop has. */
    public InputGeometry(int size, double scale, double offsetX, double offsetY) {
        this(size, scale, scale, offsetX, offsetY);
    }

    /** Tells whether a point (image pixel coordinates, y downwards) lies in a region. */
    @FunctionalInterface
    public interface PointTest {
        boolean contains(double x, double y);
    }

    /**
     * face-api's preparation of a crop ({@code toBatchTensor(size, centre=true)}): zero padding split between both
     * sides of the short dimension (the larger half after), then a resize of the padded square to size × size.
     */
    public static InputGeometry faceApi(int cropWidth, int cropHeight, int size) {
        int side = Math.max(cropWidth, cropHeight);
        int diff = Math.abs(cropWidth - cropHeight);
        int before = diff - (int) Math.round(diff * 0.5);
        return new InputGeometry(size, (double) side / size, cropWidth < cropHeight ? before : 0,
                cropHeight < cropWidth ? before : 0);
    }

    /** The crop-pixel-centre coordinate x (or y) that input column c (or row r) samples. */
    public double cropCoordinate(int inputIndex, boolean horizontal) {
        return horizontal ? scaleX * inputIndex - offsetX + 0.5 : scaleY * inputIndex - offsetY + 0.5;
    }

    /**
     * Which input pixels sample a point inside the region, row by row: the crop's top-left pixel lies at
     * ({@code cropX}, {@code cropY}) in the image the region is given in.
     */
    public boolean[] mask(int cropX, int cropY, PointTest region) {
        boolean[] inside = new boolean[size * size];
        for (int r = 0; r < size; r++) {
            double y = cropY + cropCoordinate(r, false);
            for (int c = 0; c < size; c++) {
                inside[r * size + c] = region.contains(cropX + cropCoordinate(c, true), y);
            }
        }
        return inside;
    }
}
