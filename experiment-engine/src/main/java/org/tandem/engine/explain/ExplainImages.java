package org.tandem.engine.explain;

import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tandem.engine.simulate.ReadoutTrainingFaces;
import org.tandem.engine.simulate.ReadoutTrainingSets;
import org.tandem.observer.readout.ReadoutLabels;
import org.tandem.observer.readout.ReadoutSetup;
import org.tandem.observer.explain.InputGeometry;
import org.tandem.observer.readout.TrainingImage;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.crop.FaceBoxCrop;
import org.tandem.stimuli.io.RasterFiles;
import org.tandem.stimuli.synthetic.BuiltInFaceSets;
import org.tandem.stimuli.synthetic.FaceSet;
import org.tandem.stimuli.transform.Region;

/** The images {@code tandem explain} maps: a built-in set's faces, an image folder's, or image files. */
public final class ExplainImages {
    /** The face regions a map's mass is counted in, in report order. */
    public static final List<String> REGIONS = List.of("eyes", "nose", "mouth");
    /** How the report names where the regions come from. */
    public static final String BUILT_IN_REGIONS = "the built-in faces' own geometry";
    public static final String LANDMARK_REGIONS = "face-api's 68 landmarks";

    private ExplainImages() {
    }

    /**
     * The six basic expressions of each of the built-in set's identities (the ones its protocols show, {@code 01} …),
     * each with its exact face crop and regions.
     */
    public static List<ExplainImage> builtIn(String setName, List<String> identities) {
        FaceSet faces = BuiltInFaceSets.defaults(setName);
        List<ExplainImage> images = new ArrayList<>();
        for (String identity : identities) {
            for (String expression : ReadoutTrainingFaces.SIX_EXPRESSIONS) {
                StimulusRef ref = StimulusRef.prototype(faces.name(), identity, expression);
                Rectangle2D box = faces.faceCrop(ref);
                Raster crop = FaceBoxCrop.cut(faces.render(ref), box);
                Map<String, List<InputGeometry.PointTest>> regions = new LinkedHashMap<>();
                for (String region : REGIONS) {
                    List<InputGeometry.PointTest> parts = new ArrayList<>();
                    for (double[] e : faces.partRegions(ref, region)) {
                        Region ellipse = Region.ellipse(e[0], e[1], e[2], e[3]);
                        parts.add(ellipse::contains);
                    }
                    regions.put(region, parts);
                }
                // the crop's top-left pixel, as FaceBoxCrop cuts it
                images.add(new ExplainImage(identity + "-" + expression, identity, expression, crop,
                        (int) Math.floor(Math.max(0, box.getX())), (int) Math.floor(Math.max(0, box.getY())),
                        regions));
            }
        }
        return images;
    }

    /** The identities the built-in protocols show: {@code 01} … {@code count}. */
    public static List<String> identities(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(String.format(Locale.ROOT, "%02d", i));
        }
        return names;
    }

    /**
     * An image folder or manifest with identity and expression columns, cropped as its face boxes say; with
     * {@code landmarks} the face regions placed by the 68-landmark network ({@link LandmarkRegions}).
     */
    public static List<ExplainImage> folder(String path, boolean landmarks) {
        List<TrainingImage> found = ReadoutTrainingSets.allImages(new ReadoutSetup(path, ReadoutLabels.EXPRESSION,
                null)).images();
        List<Map<String, List<InputGeometry.PointTest>>> regions = regions(found.stream().map(TrainingImage::crop)
                .toList(), landmarks);
        List<ExplainImage> images = new ArrayList<>();
        for (TrainingImage t : found) {
            images.add(new ExplainImage(safe(t.identity() + "-" + t.expression() + "-" + images.size()), t.identity(),
                    t.expression(), t.crop(), 0, 0, regions.get(images.size())));
        }
        return images;
    }

    /** Image files, each a whole face crop, without identity or expression; regions as for {@link #folder}. */
    public static List<ExplainImage> files(List<Path> files, boolean landmarks) {
        List<Raster> crops = files.stream().map(RasterFiles::read).toList();
        List<Map<String, List<InputGeometry.PointTest>>> regions = regions(crops, landmarks);
        List<ExplainImage> images = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String base = files.get(i).getFileName().toString().replaceFirst("\\.[A-Za-z]+$", "");
            images.add(new ExplainImage(safe(base), "", "", crops.get(i), 0, 0, regions.get(i)));
        }
        return images;
    }

    private static List<Map<String, List<InputGeometry.PointTest>>> regions(List<Raster> crops, boolean landmarks) {
        return landmarks ? LandmarkRegions.of(crops) : java.util.Collections.nCopies(crops.size(), Map.of());
    }

    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
