package org.tandem.observer.nn.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an ONNX model (opset 13) from the layers Tandem's networks use, keeping every value's shape so that each
 * layer's output size, and from it the network's floating-point work, is known as the graph is written. The first
 * dimension of every value is the batch, left symbolic; shapes below are per item.
 */
public final class OnnxGraph {
    static final int OPSET = 13;
    private static final int IR_VERSION = 8;
    private static final int FLOAT = 1;
    private static final int INT64 = 7;
    private static final int ATTR_INT = 2;
    private static final int ATTR_INTS = 7;

    private final ProtoWriter graph = new ProtoWriter();
    private final Map<String, long[]> shapes = new HashMap<>();
    private final List<String> outputs = new ArrayList<>();
    private int counter;
    private long flops;

    public OnnxGraph(String name) {
        graph.string(2, name);
    }

    /** A float input [N, dims...]. */
    public String input(String name, long... dims) {
        graph.message(11, valueInfo(name, dims));
        shapes.put(name, dims.clone());
        return name;
    }

    /** Declares {@code value} an output of the model (it may feed later nodes too). */
    public void output(String value) {
        if (!outputs.contains(value)) {
            outputs.add(value);
            graph.message(12, valueInfo(value, shape(value)));
        }
    }

    /** The shape of a value, per item (the batch dimension left out). */
    public long[] shape(String value) {
        long[] s = shapes.get(value);
        if (s == null) {
            throw new IllegalArgumentException("no value '" + value + "' in the graph");
        }
        return s.clone();
    }

    /** Floating-point operations per item of everything written so far: 2 per multiply-add of convolutions and matrix products. */
    public long flops() {
        return flops;
    }

    /**
     * 2-D convolution of NCHW {@code x} with OIHW {@code weight} ([out, in / group, kh, kw]), explicit padding
     * {top, left, bottom, right} (so TF's asymmetric 'same' needs no separate pad), optional bias.
     */
    public String conv(String x, float[] weight, long[] weightShape, float[] bias, int stride, int[] pads, int group) {
        long[] in = shape(x);
        long outH = (in[1] + pads[0] + pads[2] - weightShape[2]) / stride + 1;
        long outW = (in[2] + pads[1] + pads[3] - weightShape[3]) / stride + 1;
        List<String> inputs = new ArrayList<>(List.of(x, constant(weight, weightShape)));
        if (bias != null) {
            inputs.add(constant(bias, weightShape[0]));
        }
        String y = node("Conv", inputs, null,
                ints("kernel_shape", weightShape[2], weightShape[3]), ints("strides", stride, stride),
                ints("pads", pads[0], pads[1], pads[2], pads[3]), integer("group", group));
        shapes.put(y, new long[] {weightShape[0], outH, outW});
        flops += 2L * weightShape[0] * outH * outW * weightShape[1] * weightShape[2] * weightShape[3];
        return y;
    }

    /** {@code x [N, rows] · weight [rows, cols]}. */
    public String matMul(String x, float[] weight, int rows, int cols) {
        String y = node("MatMul", List.of(x, constant(weight, rows, cols)), null);
        shapes.put(y, new long[] {cols});
        flops += 2L * rows * cols;
        return y;
    }

    public String relu(String x) {
        return sameShape("Relu", x);
    }

    public String add(String a, String b) {
        return elementwise("Add", a, b);
    }

    /** {@code x} plus a constant broadcast against it (ONNX aligns shapes from the right: per channel is [C, 1, 1]). */
    public String add(String x, float[] values, long... dims) {
        return elementwise("Add", x, constant(values, dims));
    }

    public String sub(String x, float[] values, long... dims) {
        return elementwise("Sub", x, constant(values, dims));
    }

    public String mul(String x, float[] values, long... dims) {
        return elementwise("Mul", x, constant(values, dims));
    }

    public String div(String x, float[] values, long... dims) {
        return elementwise("Div", x, constant(values, dims));
    }

    /** Permutes the axes; {@code perm} names the batch axis too, which must stay first. */
    public String transpose(String x, int... perm) {
        long[] in = shape(x);
        long[] out = new long[in.length];
        for (int i = 1; i < perm.length; i++) {
            out[i - 1] = in[perm[i] - 1];
        }
        String y = node("Transpose", List.of(x), null, ints("perm", Arrays.stream(perm).asLongStream().toArray()));
        shapes.put(y, out);
        return y;
    }

    /** The mean over H and W of NCHW, giving [N, C]. */
    public String globalMean(String x) {
        String y = node("ReduceMean", List.of(x), null, ints("axes", 2, 3), integer("keepdims", 0));
        shapes.put(y, new long[] {shape(x)[0]});
        return y;
    }

    public String maxPool(String x, int kernel, int stride) {
        return pool("MaxPool", x, kernel, stride);
    }

    public String avgPool(String x, int kernel, int stride) {
        return pool("AveragePool", x, kernel, stride);
    }

    /** Zero padding of NCHW {@code x}: {@code after} values appended to C, H and W. */
    public String padAfter(String x, long channels, long height, long width) {
        long[] in = shape(x);
        String pads = constant(new long[] {0, 0, 0, 0, 0, channels, height, width});
        String y = node("Pad", List.of(x, pads), null);
        shapes.put(y, new long[] {in[0] + channels, in[1] + height, in[2] + width});
        return y;
    }

    /** The model's bytes, as ONNX Runtime's session takes them. */
    public byte[] model() {
        if (outputs.isEmpty()) {
            throw new IllegalStateException("the graph has no outputs");
        }
        return new ProtoWriter()
                .varint(1, IR_VERSION)
                .string(2, "tandem")
                .message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, OPSET))
                .toByteArray();
    }

    private String pool(String op, String x, int kernel, int stride) {
        long[] in = shape(x);
        String y = node(op, List.of(x), null, ints("kernel_shape", kernel, kernel), ints("strides", stride, stride));
        shapes.put(y, new long[] {in[0], (in[1] - kernel) / stride + 1, (in[2] - kernel) / stride + 1});
        return y;
    }

    private String sameShape(String op, String x) {
        String y = node(op, List.of(x), null);
        shapes.put(y, shape(x));
        return y;
    }

    /** {@code a} is a value of the graph; {@code b} has its shape or broadcasts against it. */
    private String elementwise(String op, String a, String b) {
        String y = node(op, List.of(a, b), null);
        shapes.put(y, shape(a));
        return y;
    }

    private String constant(float[] values, long... dims) {
        String name = "w" + counter++;
        ProtoWriter tensor = new ProtoWriter();
        for (long d : dims) {
            tensor.varint(1, d);
        }
        tensor.varint(2, FLOAT).string(8, name).bytes(9, ProtoWriter.littleEndian(values));
        graph.message(5, tensor);
        return name;
    }

    private String constant(long[] values) {
        String name = "w" + counter++;
        graph.message(5, new ProtoWriter().varint(1, values.length).varint(2, INT64).string(8, name)
                .bytes(9, ProtoWriter.littleEndian(values)));
        return name;
    }

    private String node(String op, List<String> inputs, String output, ProtoWriter... attributes) {
        String y = output == null ? "v" + counter++ : output;
        ProtoWriter node = new ProtoWriter();
        inputs.forEach(i -> node.string(1, i));
        node.string(2, y).string(3, y).string(4, op);
        for (ProtoWriter a : attributes) {
            node.message(5, a);
        }
        graph.message(1, node);
        return y;
    }

    private static ProtoWriter ints(String name, long... values) {
        ProtoWriter a = new ProtoWriter().string(1, name);
        for (long v : values) {
            a.varint(8, v);
        }
        return a.varint(20, ATTR_INTS);
    }

    private static ProtoWriter integer(String name, long value) {
        return new ProtoWriter().string(1, name).varint(3, value).varint(20, ATTR_INT);
    }

    /** name, then type: a float tensor [N, dims...] with a symbolic batch. */
    private static ProtoWriter valueInfo(String name, long[] dims) {
        ProtoWriter shape = new ProtoWriter().message(1, new ProtoWriter().string(2, "N"));
        for (long d : dims) {
            shape.message(1, new ProtoWriter().varint(1, d));
        }
        ProtoWriter tensor = new ProtoWriter().varint(1, FLOAT).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensor));
    }
}
