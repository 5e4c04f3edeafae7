package org.tandem.engine.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.observer.faceapi.AgeGenderNet;
import org.tandem.observer.faceapi.AgeGenderPrediction;
import org.tandem.observer.faceapi.Expression;
import org.tandem.observer.faceapi.ExpressionPrediction;
import org.tandem.observer.faceapi.FaceExpressionNet;
import org.tandem.observer.faceapi.FaceLandmark68Net;
import org.tandem.observer.faceapi.FaceRecognitionNet;
import org.tandem.observer.faceapi.Landmarks68;
import org.tandem.observer.faceapi.ModelSpec;
import org.tandem.observer.human.HumanSpec;
import picocli.CommandLine.ParameterException;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.store.ModelStore;
import org.tandem.observer.weights.NamedWeights;
import org.tandem.protocols.observer.Raster;
import org.tandem.stimuli.io.RasterFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "observe", mixinStandardHelpOptions = true,
        description = {"Run a network on images, each taken as the network's whole input crop.",
                "face-api networks (crop padded to a square, resized as face-api does)",
                "print expression probabilities and logits, the 128-D descriptor, age and",
                "gender probabilities, or 68 landmark points in image pixels. A user model",
                "(card:, resized to its card's size) prints its labels' probabilities or a",
                "layer's values; an architecture control (zoo:) prints a layer's values.",
                "With --layer any of them prints that layer's values (see docs/OBSERVERS.md).",
                "A human-models network (human:emotion, mobilefacenet, mobileface, faceres, gear,",
                "centernet) prints every output node, from faces prepared as the human library",
                "prepares them, or from a raw input tensor (--tensor).",
                "A readout spec (NETWORK?readout=logistic|logistic-ovr|svm|rbf-svm",
                "[&train=SET|PATH][&labels=expression|identity][&cv=...]) is trained on every",
                "class of its training set",
                "(default: varied-faces' readout identities), prints its cross-validation",
                "record, then the class each image reads out as (see docs/READOUT.md)."})
final class ObserveCommand implements Runnable {
    @Option(names = "--model", required = true, paramLabel = "SPEC",
            description = "faceapi:expression, faceapi:recognition, faceapi:agegender or faceapi:landmarks,"
                    + " optionally :untrained[?seed=N]; card:CARD.json for a user model; zoo:ARCH[?seed=N][&size=S]"
                    + " for an architecture control (vgg16, resnet18, ...); human:NAME[:untrained?seed=N] for a"
                    + " human-models network; any of them with ?readout=... for a"
                    + " readout of a layer, e.g. faceapi:recognition?readout=logistic&train=faces&labels=identity.")
    String model;

    @Option(names = "--layer", paramLabel = "NAME",
            description = "Print this layer's values, e.g. faceapi:recognition's pooled or faceapi:expression's dense3"
                    + " (default: face-api outputs, a labelled card's probabilities, otherwise the default layer).")
    String layer;

    @Option(names = "--image", arity = "1..*", paramLabel = "FILE", description = "Images to run.")
    List<Path> images;

    @Option(names = "--tensor", paramLabel = "FILE.f32",
            description = "Instead of images, a human: network's raw input: float32 little-endian, NHWC, batch 1, of"
                    + " the graph's input shape; prints every output node's values.")
    Path tensor;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if ((images == null) == (tensor == null)) {
            throw new ParameterException(spec.commandLine(), "give --image FILE... or --tensor FILE.f32 (human: networks only), not both");
        }
        if (tensor != null) {
            if (!HumanObservation.handles(model) || layer != null) {
                throw new ParameterException(spec.commandLine(), "--tensor runs a human: network's graph on a raw input and prints its outputs;"
                        + " give --model human:NAME without --layer");
            }
            print(HumanSpec.parse(model).toString(), null, List.of(named(tensor, HumanObservation.tensor(model, tensor))));
            return;
        }
        if (ReadoutObservation.handles(model)) {
            ReadoutObservation readout = ReadoutObservation.run(model, layer, read(images));
            print(readout.name(), readout.record(), named(readout.results()));
            return;
        }
        if (HumanObservation.handles(model) && layer == null) {
            print(HumanSpec.parse(model).toString(), null, named(HumanObservation.images(model, read(images))));
            return;
        }
        boolean featureNetwork = FeatureNetworkObservation.handles(model) || layer != null;
        ModelSpec parsed = featureNetwork ? null : ModelSpec.parse(model);
        List<Raster> crops = read(images);
        List<Map<String, Object>> results;
        if (featureNetwork) {
            results = FeatureNetworkObservation.run(model, layer, crops);
        } else {
            try (NDManager base = DjlEngine.newBaseManager()) {
                results = run(parsed, parsed.weights(ModelStore.faceApi()), base, crops);
            }
        }
        print(featureNetwork ? model : parsed.toString(), null, named(results));
    }

    private static List<Raster> read(List<Path> files) {
        List<Raster> crops = new ArrayList<>();
        for (Path image : files) {
            crops.add(RasterFiles.read(image));
        }
        return crops;
    }

    private static Map<String, Object> named(Path file, Map<String, Object> result) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("tensor", file.toString());
        r.putAll(result);
        return r;
    }

    /** Each result with its image's path first. */
    private List<Map<String, Object>> named(List<Map<String, Object>> results) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("image", images.get(i).toString());
            r.putAll(results.get(i));
            out.add(r);
        }
        return out;
    }

    private static List<Map<String, Object>> run(ModelSpec spec, NamedWeights w, NDManager base, List<Raster> crops) {
        List<Map<String, Object>> out = new ArrayList<>();
        switch (spec.network()) {
            case EXPRESSION -> {
                try (FaceExpressionNet net = new FaceExpressionNet(base, w)) {
                    for (ExpressionPrediction p : net.predict(crops)) {
                        Map<String, Object> probabilities = new LinkedHashMap<>();
                        Map<String, Object> logits = new LinkedHashMap<>();
                        for (Expression e : Expression.values()) {
                            probabilities.put(e.label(), p.probabilities()[e.ordinal()]);
                            logits.put(e.label(), p.logits()[e.ordinal()]);
                        }
                        Map<String, Object> r = new LinkedHashMap<>();
                        r.put("top", p.top().label());
                        r.put("probabilities", probabilities);
                        r.put("logits", logits);
                        out.add(r);
                    }
                }
            }
            case RECOGNITION -> {
                try (FaceRecognitionNet net = new FaceRecognitionNet(base, w)) {
                    for (float[] d : net.predict(crops)) {
                        out.add(Map.of("descriptor", d));
                    }
                }
            }
            case AGEGENDER -> {
                try (AgeGenderNet net = new AgeGenderNet(base, w)) {
                    for (AgeGenderPrediction p : net.predict(crops)) {
                        out.add(Map.of("age", p.age(), "gender", Map.of("male", p.maleProbability(),
                                "female", p.femaleProbability()), "genderLogits", p.genderLogits()));
                    }
                }
            }
            case LANDMARKS -> {
                try (FaceLandmark68Net net = new FaceLandmark68Net(base, w)) {
                    for (Landmarks68 l : net.predict(crops)) {
                        List<double[]> points = new ArrayList<>();
                        for (Landmarks68.Point p : l.points()) {
                            points.add(new double[] {p.x(), p.y()});
                        }
                        out.add(Map.of("landmarks", points));
                    }
                }
            }
        }
        return out;
    }

    /** @param readout a readout's training record, printed after the model's name, or null */
    private void print(String name, Map<String, Object> readout, List<Map<String, Object>> results) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("model", name);
                if (readout != null) {
                    doc.put("readout", readout);
                }
                doc.put("results", results);
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
            } else {
                ObjectMapper compact = new ObjectMapper();
                out.println("model " + name);
                if (readout != null) {
                    out.println("readout " + compact.writeValueAsString(readout));
                }
                for (Map<String, Object> r : results) {
                    for (Map.Entry<String, Object> e : r.entrySet()) {
                        out.println("  " + e.getKey() + ": " + (e.getValue() instanceof String s ? s
                                : compact.writeValueAsString(e.getValue())));
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the results as JSON", e);
        }
        out.flush();
    }
}
