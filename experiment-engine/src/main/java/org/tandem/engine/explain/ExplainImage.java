package org.tandem.engine.explain;

import java.util.List;
import java.util.Map;
import org.tandem.observer.explain.InputGeometry;
import org.tandem.protocols.observer.Raster;

/**
 * One image to map: the face crop a network is given, where that crop lies in the image, and where the face regions
 * are in the image (known exactly for the built-in faces; empty when unknown, e.g. a photograph).
 *
 * @param name       a file-name-safe name, e.g. {@code 01-happy}
 * @param identity   the face's identity, or "" when unknown
 * @param expression the expression shown, or "" when unknown
 * @param regions    region name ({@code eyes}, {@code nose}, {@code mouth}) to the shapes it is made of, in image pixels
 */
public record ExplainImage(String name, String identity, String expression, Raster crop, int cropX, int cropY,
                           Map<String, List<InputGeometry.PointTest>> regions) {
    public ExplainImage {
        regions = Map.copyOf(regions);
    }

    /** Which of the network's input pixels fall in a region. */
    public boolean[] regionMask(String region, InputGeometry geometry) {
        List<InputGeometry.PointTest> parts = regions.get(region);
        return geometry.mask(cropX, cropY, (x, y) -> parts.stream().anyMatch(p -> p.contains(x, y)));
    }
}
