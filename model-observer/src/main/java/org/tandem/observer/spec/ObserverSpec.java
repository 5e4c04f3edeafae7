package org.tandem.observer.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tandem.observer.decision.FeatureDistance;
import org.tandem.observer.features.FeatureNetworks;
import org.tandem.observer.features.NetworkFamily;
import org.tandem.observer.manipulation.LesionTarget;
import org.tandem.observer.manipulation.NetworkManipulation;
import org.tandem.observer.readout.ClassifierKind;
import org.tandem.observer.readout.CrossValidation;
import org.tandem.observer.readout.ReadoutLabels;
import org.tandem.observer.readout.ReadoutSetup;
import org.tandem.protocols.TandemException;

/**
 * One string that names a whole model observer, so that a stored session can be continued from its observer id:
 * {@code NETWORK[?option=value&...]}, e.g. {@code faceapi:recognition?layer=descriptor&distance=cosine&noise=0.1} or
 * {@code faceapi:recognition?readout=logistic}. The network's own options (for face-api, {@code seed} of an untrained twin)
 * pass through to its spec; the observer's are {@code layer} (default: the network's default layer), {@code readout}
 * ({@code logistic}, {@code svm} or {@code rbf-svm}: classification and two-AFC answered by a readout of the layer) with
 * {@code train} (the training set: a built-in set's name or an image folder or manifest; default the readout identities
 * of the protocol's built-in set), {@code labels} ({@code expression} or {@code identity}) and {@code cv} ({@code
 * identity}, {@code image} or a number of folds), {@code distance} ({@code euclidean} or {@code cosine}; default
 * euclidean), and {@code noise} (SD of the decision noise in the layer's distance units; default 0) or {@code relnoise}
 * (the SD as a fraction of the distance between the continuum's two ends), the last three for ABX. A network may be
 * manipulated ({@code lesion=…&layer=L[&fill=…][&seed=N]} or {@code shuffle=…[&seed=N]}, see
 * {@link org.tandem.observer.manipulation.ManipulatedSpec}); with a lesion, {@code layer} names the lesioned layer and a
 * readout reads the network's default layer. {@code units=expression-selective|identity-selective|random|FILE.csv} with
 * {@code layer=L} reads out only those units of the layer (chosen on the reference images; random ones with the readout
 * seed), by a linear SVM unless another readout is named. {@link #toString()} is canonical: the network's canonical spec,
 * then the observer options in that order, those at their default left out; {@link #parse} reads it back.
 *
 * @param model    the network's canonical spec, e.g. {@code faceapi:expression:untrained?seed=3}
 * @param layer    the layer whose features are compared or read out, or null for the network's default layer
 * @param readout  the readout classifier, or null when the network's own outputs answer (or for ABX)
 * @param setup    what the readout is trained on, what it tells apart and how it is cross-validated
 * @param distance how features are compared
 * @param noise    SD of the Gaussian noise added to the decision variable, 0 or more
 * @param relative whether {@code noise} is a fraction of the distance between the continuum's ends
 */
public record ObserverSpec(String model, String layer, ClassifierKind readout, ReadoutSetup setup,
                           FeatureDistance distance, double noise, boolean relative, LesionTarget units) {
    public static final String LAYER = "layer";
    public static final String READOUT = "readout";
    public static final String TRAIN = "train";
    public static final String LABELS = "labels";
    public static final String CV = "cv";
    public static final String DISTANCE = "distance";
    public static final String NOISE = "noise";
    public static final String RELATIVE_NOISE = "relnoise";
    public static final String UNITS = "units";
    public static final FeatureDistance DEFAULT_DISTANCE = FeatureDistance.EUCLIDEAN;
    private static final List<String> OPTIONS = List.of(LAYER, UNITS, READOUT, TRAIN, LABELS, CV, DISTANCE, NOISE,
            RELATIVE_NOISE);
    private static final List<String> READOUT_OPTIONS = List.of(TRAIN, LABELS, CV);
    private static final String SYNTAX = "write NETWORK[?layer=L&readout=logistic|logistic-ovr|svm|rbf-svm&train=SET"
            + "&labels=expression|identity&cv=identity|image|K&distance=euclidean|cosine&noise=SD|relnoise=FRACTION"
            + "|units=expression-selective&layer=L|lesion=…&layer=L|shuffle=…],"
            + " e.g. faceapi:recognition?readout=logistic or faceapi:recognition?layer=descriptor&distance=cosine&noise=0.1";

    /** A spec whose readout, if any, is trained as by default. */
    public ObserverSpec(String model, String layer, ClassifierKind readout, FeatureDistance distance, double noise,
                        boolean relative) {
        this(model, layer, readout, ReadoutSetup.DEFAULT, distance, noise, relative, null);
    }

    /** A spec that reads all of a layer's units. */
    public ObserverSpec(String model, String layer, ClassifierKind readout, ReadoutSetup setup, FeatureDistance distance,
                        double noise, boolean relative) {
        this(model, layer, readout, setup, distance, noise, relative, null);
    }

    public ObserverSpec {
        setup = setup == null ? ReadoutSetup.DEFAULT : setup;
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new TandemException("the decision noise SD must be a number of 0 or more, got " + noise);
        }
    }

    public static ObserverSpec parse(String text) {
        String s = text.trim();
        int q = s.indexOf('?');
        String network = q < 0 ? s : s.substring(0, q);
        NetworkFamily family = FeatureNetworks.family(network);
        Map<String, String> options = new LinkedHashMap<>();
        List<String> networkOptions = new ArrayList<>();
        boolean lesioning = q >= 0 && ("&" + s.substring(q + 1)).contains("&" + NetworkManipulation.LESION + "=");
        boolean manipulating = lesioning
                || q >= 0 && ("&" + s.substring(q + 1)).contains("&" + NetworkManipulation.SHUFFLE + "=");
        if (q >= 0) {
            for (String pair : s.substring(q + 1).split("&", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                    throw invalid(text, "'" + pair + "' is not of the form name=value");
                }
                String name = pair.substring(0, eq);
                if (options.put(name, pair.substring(eq + 1)) != null) {
                    throw invalid(text, "the option '" + name + "' is given twice");
                }
                if (family.options().contains(name) || NetworkManipulation.OPTIONS.contains(name) && !name.equals(LAYER)
                        || name.equals(LAYER) && lesioning || name.equals(NetworkManipulation.SEED) && manipulating) {
                    networkOptions.add(pair);
                } else if (!OPTIONS.contains(name)) {
                    Set<String> known = new TreeSet<>(family.options());
                    known.addAll(OPTIONS);
                    known.addAll(NetworkManipulation.OPTIONS);
                    throw invalid(text, "the option '" + name + "' is not known; the options are " + String.join(", ", known));
                }
            }
        }
        String model = FeatureNetworks.canonical(network + (networkOptions.isEmpty() ? "" : "?"
                + String.join("&", networkOptions)));
        // with a lesion, layer names the lesioned layer; a readout then reads the network's default layer
        String layer = lesioning ? null : options.get(LAYER);
        FeatureDistance distance = options.containsKey(DISTANCE)
                ? FeatureDistance.parse(options.get(DISTANCE)) : DEFAULT_DISTANCE;
        if (options.containsKey(NOISE) && options.containsKey(RELATIVE_NOISE)) {
            throw invalid(text, "give the decision noise once, as noise (in distance units) or relnoise (a fraction of"
                    + " the distance between the continuum's ends)");
        }
        boolean relative = options.containsKey(RELATIVE_NOISE);
        String noiseText = options.get(relative ? RELATIVE_NOISE : NOISE);
        double noise = noiseText != null ? noise(text, noiseText) : 0;
        ClassifierKind readout = options.containsKey(READOUT) ? readout(text, options.get(READOUT)) : null;
        LesionTarget units = null;
        if (options.containsKey(UNITS)) {
            if (layer == null) {
                throw invalid(text, "units= chooses units of one layer: add layer=L");
            }
            try {
                units = LesionTarget.parse(options.get(UNITS));
            } catch (TandemException e) {
                throw invalid(text, "units: " + e.getMessage());
            }
            // the paper's decoder of a unit population is a linear SVM
            readout = readout == null ? ClassifierKind.SVM : readout;
        }
        return new ObserverSpec(model, layer, readout, setup(text, options, readout), distance, noise,
                relative && noise != 0, units);
    }

    /** Whether the spec sets an option that only a feature-distance (ABX) observer uses. */
    public boolean comparesFeatures() {
        return distance != DEFAULT_DISTANCE || noise != 0;
    }

    /** The same observer with another decision noise, e.g. to suggest a spelling in an error message. */
    public ObserverSpec withNoise(double sd) {
        return new ObserverSpec(model, layer, readout, setup, distance, sd, relative && sd != 0, units);
    }

    /** The same observer with its readout trained on another set, e.g. a folder's path made absolute. */
    public ObserverSpec withTrain(String set) {
        return new ObserverSpec(model, layer, readout, setup.withTrain(set), distance, noise, relative, units);
    }

    /** The canonical spelling, which {@link #parse} reads back to an equal spec. */
    @Override
    public String toString() {
        List<String> options = new ArrayList<>();
        if (layer != null) {
            options.add(LAYER + "=" + layer);
        }
        if (units != null) {
            options.add(UNITS + "=" + units.specValue());
        }
        if (readout != null) {
            options.add(READOUT + "=" + readout.label());
        }
        if (setup.train() != null) {
            options.add(TRAIN + "=" + setup.train());
        }
        if (setup.labels() != ReadoutLabels.EXPRESSION) {
            options.add(LABELS + "=" + setup.labels().label());
        }
        if (!setup.cv().equals(CrossValidation.defaultFor(setup.labels()))) {
            options.add(CV + "=" + setup.cv().specValue());
        }
        if (distance != DEFAULT_DISTANCE) {
            options.add(DISTANCE + "=" + distance.specName());
        }
        if (noise != 0) {
            options.add((relative ? RELATIVE_NOISE : NOISE) + "="
                    + BigDecimal.valueOf(noise).stripTrailingZeros().toPlainString());
        }
        if (options.isEmpty()) {
            return model;
        }
        return model + (model.contains("?") ? "&" : "?") + String.join("&", options);
    }

    private static double noise(String text, String value) {
        try {
            double sd = Double.parseDouble(value);
            if (sd >= 0 && !Double.isInfinite(sd)) {
                return sd;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(text, "noise '" + value + "' is not a number of 0 or more");
    }

    private static ReadoutSetup setup(String text, Map<String, String> options, ClassifierKind readout) {
        List<String> given = READOUT_OPTIONS.stream().filter(options::containsKey).toList();
        if (given.isEmpty()) {
            return ReadoutSetup.DEFAULT;
        }
        if (readout == null) {
            throw invalid(text, String.join(", ", given) + (given.size() == 1 ? " is an option" : " are options")
                    + " of readouts; add readout=logistic, readout=svm or readout=rbf-svm, or leave "
                    + (given.size() == 1 ? "it" : "them") + " out");
        }
        try {
            ReadoutLabels labels = options.containsKey(LABELS) ? ReadoutLabels.parse(options.get(LABELS))
                    : ReadoutLabels.EXPRESSION;
            CrossValidation cv = options.containsKey(CV) ? CrossValidation.parse(options.get(CV), labels)
                    : CrossValidation.defaultFor(labels);
            return new ReadoutSetup(options.get(TRAIN), labels, cv);
        } catch (TandemException e) {
            throw invalid(text, e.getMessage());
        }
    }

    private static ClassifierKind readout(String text, String value) {
        try {
            return ClassifierKind.parse(value);
        } catch (TandemException e) {
            throw invalid(text, e.getMessage());
        }
    }

    private static TandemException invalid(String text, String why) {
        return new TandemException("observer spec '" + text + "' is not valid: " + why + "; " + SYNTAX);
    }
}
