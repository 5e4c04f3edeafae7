package org.tandem.observer.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.OptionalLong;
import java.util.Map;
import org.tandem.observer.nn.Layers;
import org.tandem.observer.nn.TfWeights;
import org.tandem.observer.weights.NamedWeights;
import org.tandem.observer.weights.WeightShape;
import org.tandem.observer.weights.WeightTensor;
import org.tandem.protocols.observer.Raster;

/** face-api's AgeGenderNet (TinyXception with two middle blocks): a 112x112 crop to age and two gender logits. */
public final class AgeGenderNet implements FaceApiModel {
    public static final String MODEL = "age_gender_model";
    public static final int INPUT_SIZE = 112;

    static final String OUTPUTS = "outputs";

    private final Map<String, NDArray> arrays = new HashMap<>();
    private final StagedNet net;

    public AgeGenderNet(NDManager parent, NamedWeights w) {
        List<WeightShape> architecture = FaceApiArchitectures.ageGender();
        w.requireAll(architecture);
        NDManager weights = parent.newSubManager();
        for (WeightShape s : architecture) {
            WeightTensor t = w.tensor(s.name());
            NDArray a;
            if (s.name().endsWith("depthwise_filter")) {
                a = TfWeights.depthwiseFilter(weights, t);
            } else if (t.rank() == 4) {
                a = TfWeights.convFilter(weights, t);
            } else if (t.rank() == 2) {
                a = TfWeights.matrix(weights, t);
            } else {
                a = TfWeights.vector(weights, t);
            }
            arrays.put(s.name(), a);
        }
        net = new StagedNet(weights, INPUT_SIZE, List.of(
                new StagedNet.Stage("conv_in", x -> Layers.relu(
                        Layers.conv(x, a("entry_flow/conv_in/filters"), a("entry_flow/conv_in/bias"), 2, true, 1))),
                new StagedNet.Stage("reduction_block_0", x -> reductionBlock(x, "entry_flow/reduction_block_0", false)),
                new StagedNet.Stage("reduction_block_1", x -> reductionBlock(x, "entry_flow/reduction_block_1", true)),
                new StagedNet.Stage("main_block_0", x -> mainBlock(x, "middle_flow/main_block_0")),
                new StagedNet.Stage("main_block_1", x -> mainBlock(x, "middle_flow/main_block_1")),
                new StagedNet.Stage("exit_reduction_block", x -> reductionBlock(x, "exit_flow/reduction_block", true)),
                new StagedNet.Stage("exit_separable_conv", x -> Layers.relu(separable(x, "exit_flow/separable_conv"))),
                new StagedNet.Stage(FaceFeatureExtractor.FEATURES, Layers::globalMean),
                // both heads read the 512 features; one stage holds [age, male logit, female logit]
                new StagedNet.Stage(OUTPUTS, x -> x.matMul(a("fc/age/weights")).add(a("fc/age/bias"))
                        .concat(x.matMul(a("fc/gender/weights")).add(a("fc/gender/bias")), 1))));
    }

    /** @param nhwc preprocessed batch [N, 112, 112, 3]; @return {age [N, 1], gender logits [N, 2]} */
    public NDList ageAndGenderLogits(NDArray nhwc) {
        NDArray out = net.forward(nhwc, OUTPUTS);
        return new NDList(out.get(":, 0:1"), out.get(":, 1:3"));
    }

    @Override
    public List<AgeGenderPrediction> predict(List<Raster> crops) {
        float[] all = net.outputs(crops);
        List<AgeGenderPrediction> result = new ArrayList<>(crops.size());
        for (int i = 0; i < crops.size(); i++) {
            float[] logits = {all[3 * i + 1], all[3 * i + 2]};
            float[] p = Softmax.of(logits);
            result.add(new AgeGenderPrediction(all[3 * i], logits, p[0], p[1]));
        }
        return result;
    }

    /**
     * The layers offered as features: {@code conv_in}, the entry, middle and exit blocks, {@code features} (512) and
     * {@code outputs} (age, male logit, female logit).
     */
    StagedNet staged() {
        return net;
    }

    private NDArray a(String name) {
        return arrays.get(name);
    }

    private NDArray separable(NDArray x, String p) {
        return Layers.separable(x, a(p + "/depthwise_filter"), a(p + "/pointwise_filter"), a(p + "/bias"), 1);
    }

    private NDArray reductionBlock(NDArray x, String p, boolean activateInput) {
        NDArray out = separable(activateInput ? Layers.relu(x) : x, p + "/separable_conv0");
        out = separable(Layers.relu(out), p + "/separable_conv1");
        out = Layers.maxPoolSame(out, 3, 2);
        // the shortcut takes the input before its activation
        return out.add(Layers.conv(x, a(p + "/expansion_conv/filters"), a(p + "/expansion_conv/bias"), 2, true, 1));
    }

    private NDArray mainBlock(NDArray x, String p) {
        NDArray out = separable(Layers.relu(x), p + "/separable_conv0");
        out = separable(Layers.relu(out), p + "/separable_conv1");
        out = separable(Layers.relu(out), p + "/separable_conv2");
        return out.add(x);
    }

    @Override
    public OptionalLong flopsPerFace() {
        return net.flopsPerFace();
    }

    @Override
    public String engine() {
        return net.engine();
    }

    @Override
    public void close() {
        net.close();
    }
}
