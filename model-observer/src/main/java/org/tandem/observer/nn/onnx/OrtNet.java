package org.tandem.observer.nn.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.tandem.observer.nn.DjlEngine;

/**
 * An ONNX model run by ONNX Runtime's CPU provider on a fixed number of intra-op threads. One call runs the whole graph
 * natively, so a batch of one costs one crossing of JNI rather than one per layer, and the runtime's graph optimiser
 * fuses what follows a convolution (bias, per-channel scale and shift, ReLU) and blocks the channels for its SIMD kernels.
 */
public final class OrtNet implements AutoCloseable {
    /**
     * ONNX Runtime's graph optimisation: {@code all} (the default: constant folding and fusions, then the channel-blocked
     * NCHWc layout), {@code extended} (fusions without the layout), {@code basic} (constant folding, the scale and shift
     * folded into convolutions) or {@code none}; the lower levels are there to measure what each step gives.
     */
    public static final String OPTIMIZATION = "tandem.ort.optimization";
    private final OrtEnvironment env = environment();
    private final OrtSession session;
    private final String input;

    public OrtNet(byte[] model, int threads) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(optimization());
            session = env.createSession(model, options);
            input = session.getInputNames().iterator().next();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime refused the network's graph: " + e.getMessage(), e);
        }
    }

    /**
     * The process's one ONNX Runtime environment, made by DJL's engine first: DJL makes it with its own thread-pool
     * options and refuses to start (for user ONNX models) if another was made before it. The sessions here keep their own
     * single thread, not DJL's pool.
     */
    /** ONNX Runtime's version, e.g. 1.21.1. */
    public static String version() {
        return environment().getVersion();
    }

    private static OrtEnvironment environment() {
        DjlEngine.engine("OnnxRuntime");
        return OrtEnvironment.getEnvironment();
    }

    private static OrtSession.SessionOptions.OptLevel optimization() {
        String level = System.getProperty(OPTIMIZATION, "all");
        return switch (level) {
            case "all" -> OrtSession.SessionOptions.OptLevel.ALL_OPT;
            case "extended" -> OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
            case "basic" -> OrtSession.SessionOptions.OptLevel.BASIC_OPT;
            case "none" -> OrtSession.SessionOptions.OptLevel.NO_OPT;
            default -> throw new IllegalArgumentException("-D" + OPTIMIZATION + "=" + level
                    + ": use all, extended, basic or none");
        };
    }

    /** One output: its shape (batch first) and its values in row-major order. */
    public record Output(long[] shape, float[] values) {
    }

    /** Runs {@code values} (shape {@code shape}) and returns the named outputs' values, by name. */
    public Map<String, Output> run(float[] values, long[] shape, Set<String> outputs) {
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
             OrtSession.Result result = session.run(Map.of(input, x), outputs)) {
            Map<String, Output> out = new HashMap<>();
            for (Map.Entry<String, OnnxValue> e : result) {
                OnnxTensor y = (OnnxTensor) e.getValue();
                FloatBuffer buffer = y.getFloatBuffer();
                float[] data = new float[buffer.remaining()];
                buffer.get(data);
                out.put(e.getKey(), new Output(y.getInfo().getShape(), data));
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to run the network: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close an ONNX Runtime session", e);
        }
    }
}
