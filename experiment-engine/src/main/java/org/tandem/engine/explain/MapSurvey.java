package org.tandem.engine.explain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.tandem.analysis.looks.MapExample;
import org.tandem.analysis.looks.NetworkLooks;
import org.tandem.analysis.looks.RegionShareStatistics;
import org.tandem.analysis.looks.ShareEstimate;
import org.tandem.engine.units.ReferenceUnitSelector;
import org.tandem.observer.decision.DecisionRule;
import org.tandem.observer.explain.CamMethod;
import org.tandem.observer.explain.ExplainableNetwork;
import org.tandem.observer.explain.InputGeometry;
import org.tandem.observer.explain.LayerGradient;
import org.tandem.observer.explain.MapResize;
import org.tandem.observer.explain.ScoreHead;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.observer.features.FeatureNetworks;
import org.tandem.observer.readout.ClassifierKind;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.stimuli.io.RasterFiles;
import org.tandem.stimuli.sheet.ContactSheet;

/**
 * Maps one network's evidence over a set of images: a class-activation map per image (batches of 16), its share of
 * mass in each face region, overlays and a contact sheet, and the raw maps as a NumPy array.
 */
public final class MapSurvey {
    static final int BATCH = 16;
    static final String TARGET_PREDICTED = "predicted";
    static final String TARGET_SHOWN = "shown";

    /**
     * @param layer    the layer to map, or null for the network's last spatial layer
     * @param target   {@code predicted}, {@code shown} (the image's expression) or a class label
     * @param examples how many images' overlays the report shows (the first ones)
     * @param readout  null for the network's own class outputs; else the linear readout whose scores are explained
     */
    public record Options(CamMethod method, String layer, String target, int bootstrap, long seed, int examples,
                          Readout readout) {
    }

    /**
     * A linear readout trained for the maps, as the readout observers are.
     *
     * @param layer    the layer read, or null for the network's default
     * @param training the training images: a built-in set (its readout identities) or a folder
     */
    public record Readout(ClassifierKind kind, String layer, String training) {
    }

    /** One image's numbers. */
    public record ImageRow(ExplainImage image, String target, String predicted, double[] shares) {
    }

    public record Result(NetworkLooks looks, List<ImageRow> rows) {
    }

    private MapSurvey() {
    }

    /**
     * @param controlOf the network this one is the untrained twin of, or null
     * @param dir       where this network's maps, overlays and contact sheet go
     */
    public static Result run(String spec, String controlOf, List<ExplainImage> images, Options options, Path dir,
                             Runnable afterImage) {
        try (FeatureNetwork opened = FeatureNetworks.open(spec, new ReferenceUnitSelector())) {
            if (!(opened instanceof ExplainableNetwork network)) {
                throw new TandemException("network " + spec + " cannot be mapped: class-activation maps need the"
                        + " gradient at an inner layer, which Tandem computes for the faceapi, human and zoo networks"
                        + " and their untrained twins" + (spec.startsWith("card:") ? "; a user's model is one exported"
                        + " forward call, whose inner layers cannot be differentiated on their own" : ""));
            }
            Readout readout = options.readout();
            ScoreHead head = readout != null
                    ? ReadoutHead.train(opened, readout.layer() != null ? readout.layer() : opened.defaultLayer(),
                            readout.kind(), readout.training(), options.seed())
                    : network.ownScores().orElseThrow(() -> new TandemException("network " + spec + " has no class"
                            + " outputs of its own to explain; give --readout svm (or logistic) to explain a linear"
                            + " readout of its layer, as the readout observers answer"));
            String layer = options.layer() != null ? options.layer() : network.defaultMapLayer();
            if (!network.mapLayers().contains(layer)) {
                throw new TandemException("network " + spec + " has no spatial layer '" + layer + "' to map; its"
                        + " layers with maps are " + String.join(", ", network.mapLayers()));
            }
            return survey(spec, controlOf, opened.trainedFor(), network, head, layer, images, options, dir,
                    afterImage);
        } catch (IOException e) {
            throw new TandemException("cannot write the maps into " + dir + ": " + e.getMessage());
        }
    }

    private static Result survey(String spec, String controlOf, String trainedFor, ExplainableNetwork network,
                                 ScoreHead head, String layer, List<ExplainImage> images, Options options, Path dir,
                                 Runnable afterImage) throws IOException {
        Files.createDirectories(dir.resolve("overlays"));
        List<String> regions = ExplainImages.REGIONS;
        boolean regionsKnown = images.stream().allMatch(i -> !i.regions().isEmpty());
        double[][] shares = new double[images.size()][];
        double[] areaSums = new double[regions.size()];
        List<ImageRow> rows = new ArrayList<>();
        List<MapExample> examples = new ArrayList<>();
        List<ContactSheet.Item> sheet = new ArrayList<>();
        int size = -1;
        int correct = 0;
        int withExpression = 0;
        NpyWriter npy = null;
        StringBuilder index = new StringBuilder("index,image,identity,expression,target,predicted\n");
        try {
            for (int from = 0; from < images.size(); from += BATCH) {
                List<ExplainImage> batch = images.subList(from, Math.min(images.size(), from + BATCH));
                LayerGradient g = network.gradient(batch.stream().map(ExplainImage::crop).toList(), layer, head,
                        targets(spec, head, batch, options.target()));
                for (int i = 0; i < batch.size(); i++) {
                    ExplainImage image = batch.get(i);
                    InputGeometry geometry = network.inputGeometry(image.crop().width(), image.crop().height());
                    if (npy == null) {
                        size = geometry.size();
                        npy = new NpyWriter(dir.resolve("maps.npy"), images.size(), size, size);
                    }
                    float[] map = MapResize.bilinear(options.method().map(g, i), g.height(), g.width(), size);
                    npy.write(map);
                    int n = from + i;
                    shares[n] = regionsKnown ? shares(image, geometry, map, areaSums) : new double[0];
                    String target = head.classes().get(g.targets()[i]);
                    String predicted = head.classes().get(new DecisionRule.Argmax().choose(g.scores()[i], n));
                    if (!image.expression().isEmpty() && head.indexOf(image.expression()) >= 0) {
                        withExpression++;
                        correct += predicted.equalsIgnoreCase(image.expression()) ? 1 : 0;
                    }
                    rows.add(new ImageRow(image, target, predicted, shares[n]));
                    index.append(String.join(",", Integer.toString(n), image.name(), image.identity(),
                            image.expression(), target, predicted)).append('\n');
                    float[] input = network.inputPixels(image.crop());
                    Raster overlay = MapOverlay.of(input, map, size, 2);
                    RasterFiles.writePng(overlay, dir.resolve("overlays").resolve(image.name() + ".png"));
                    sheet.add(new ContactSheet.Item(overlay, image.name() + " → " + target));
                    if (examples.size() < options.examples()) {
                        examples.add(new MapExample(image.identity().isEmpty() ? image.name()
                                : image.identity() + " " + image.expression(), target,
                                png(MapOverlay.of(input, map, size, 1))));
                    }
                    afterImage.run();
                }
            }
        } finally {
            if (npy != null) {
                npy.close();
            }
        }
        Files.writeString(dir.resolve("maps.csv"), index);
        RasterFiles.writePng(ContactSheet.of(sheet, 160, Math.min(12, sheet.size())), dir.resolve("contact-sheet.png"));
        List<ShareEstimate> area = new ArrayList<>();
        List<org.tandem.analysis.looks.RegionShares> groups = List.of();
        if (regionsKnown) {
            for (int r = 0; r < regions.size(); r++) {
                area.add(new ShareEstimate(regions.get(r), areaSums[r] / images.size(), Double.NaN, Double.NaN));
            }
            groups = RegionShareStatistics.groups(regions, shares, images.stream().map(ExplainImage::expression)
                    .toList(), options.bootstrap(), options.seed());
        }
        String scores = options.readout() == null ? "its own outputs (" + head.layer() + ")"
                : options.readout().kind().label() + " readout of " + head.layer();
        NetworkLooks looks = new NetworkLooks(spec, trainedFor, controlOf, layer, scores, options.target(), area, groups,
                withExpression == 0 ? null : (double) correct / withExpression, examples);
        return new Result(looks, rows);
    }

    /** Each region's share of the map's mass (NaN throughout for an empty map); adds each region's area share. */
    private static double[] shares(ExplainImage image, InputGeometry geometry, float[] map, double[] areaSums) {
        List<String> regions = ExplainImages.REGIONS;
        double total = 0;
        for (float v : map) {
            total += v;
        }
        double[] out = new double[regions.size()];
        for (int r = 0; r < regions.size(); r++) {
            boolean[] inside = image.regionMask(regions.get(r), geometry);
            double mass = 0;
            int pixels = 0;
            for (int p = 0; p < map.length; p++) {
                if (inside[p]) {
                    mass += map[p];
                    pixels++;
                }
            }
            out[r] = total > 0 ? mass / total : Double.NaN;
            areaSums[r] += (double) pixels / map.length;
        }
        return out;
    }

    private static int[] targets(String spec, ScoreHead head, List<ExplainImage> batch, String target) {
        int[] out = new int[batch.size()];
        for (int i = 0; i < out.length; i++) {
            if (target.equals(TARGET_PREDICTED)) {
                out[i] = -1;
            } else {
                String label = target.equals(TARGET_SHOWN) ? batch.get(i).expression() : target;
                out[i] = head.indexOf(label);
                if (out[i] < 0) {
                    throw new TandemException(target.equals(TARGET_SHOWN)
                            ? "--target shown: image " + batch.get(i).name() + " shows no expression that " + spec
                            + " has a class for; its classes are " + String.join(", ", head.classes())
                            : "--target " + target + ": " + spec + " has no such class; its classes are "
                            + String.join(", ", head.classes()) + ", or give predicted or shown");
                }
            }
        }
        return out;
    }

    private static String png(Raster raster) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(RasterFiles.toImage(raster), "png", bytes);
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    public static String slug(String spec) {
        return spec.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "").toLowerCase(Locale.ROOT);
    }
}
