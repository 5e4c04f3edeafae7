package org.tandem.observer.tfgraph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.Arrays;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.UnaryOperator;
import org.tandem.observer.nn.Layers;
import org.tandem.protocols.TandemException;

/**
 * The TensorFlow ops Tandem runs, each set up once per node: attributes parsed, constant inputs (filters, axes, shapes)
 * converted, so that running the graph does only the arithmetic. Tensors stay NHWC as in TensorFlow; convolutions and
 * pooling view them as NCHW for PyTorch (a channels-last view, which PyTorch's CPU kernels run fastest) and back.
 */
final class OpKernels {
    /** Ops that only pass their input on or mark it: kept as nodes so they can be read as layers. */
    private static final List<String> PASS_THROUGH = List.of("Identity", "StopGradient", "NoOp");

    private OpKernels() {
    }

    /** Every output of the node: one for most ops, values and indices for {@code TopKV2}. */
    static Kernel.Outputs outputsForNode(GraphNode node, Constants constants, NDManager weights) {
        if (node.op().equals("TopKV2")) {
            int k = (int) required(node, constants, 1, "k")[0];
            boolean sorted = node.attributes().bool("sorted", true);
            return in -> {
                NDList top = in[0].topK(k, -1, true, sorted);
                // every tensor here is float32; indices below 2^24 are exact
                return new NDArray[] {top.get(0), top.get(1).toType(DataType.FLOAT32, false)};
            };
        }
        Kernel kernel = forNode(node, constants, weights);
        return in -> new NDArray[] {kernel.apply(in)};
    }

    /**
     * @throws TandemException naming the op and the node when Tandem cannot run it, or when an input that must be a
     *                         constant is computed
     */
    static Kernel forNode(GraphNode node, Constants constants, NDManager weights) {
        NodeAttributes a = node.attributes();
        String op = node.op();
        if (PASS_THROUGH.contains(op)) {
            return in -> in[0];
        }
        return switch (op) {
            case "Conv2D" -> conv(node, constants, weights, false, List.of());
            case "_FusedConv2D" -> conv(node, constants, weights, false, a.strings("fused_ops"));
            case "DepthwiseConv2dNative" -> conv(node, constants, weights, true, List.of());
            case "FusedDepthwiseConv2dNative" -> conv(node, constants, weights, true, a.strings("fused_ops"));
            case "MatMul" -> matMul(node, constants, weights, List.of());
            case "_FusedMatMul" -> matMul(node, constants, weights, a.strings("fused_ops"));
            case "MaxPool" -> maxPool(node);
            case "Add", "AddV2", "BiasAdd" -> in -> in[0].add(in[1]);
            case "Sub" -> in -> in[0].sub(in[1]);
            case "Mul" -> in -> in[0].mul(in[1]);
            case "RealDiv", "Div" -> in -> in[0].div(in[1]);
            case "Minimum" -> in -> in[0].minimum(in[1]);
            case "Maximum" -> in -> in[0].maximum(in[1]);
            case "Abs" -> in -> in[0].abs();
            case "Neg" -> in -> in[0].neg();
            case "Square" -> in -> in[0].square();
            case "Sqrt" -> in -> in[0].sqrt();
            case "Rsqrt" -> in -> in[0].sqrt().pow(-1);
            case "Relu" -> in -> Activation.relu(in[0]);
            case "Relu6" -> in -> in[0].clip(0, 6);
            case "LeakyRelu" -> {
                float alpha = (float) a.number("alpha", 0.2);
                yield in -> Activation.leakyRelu(in[0], alpha);
            }
            case "Sigmoid" -> in -> Activation.sigmoid(in[0]);
            case "Tanh" -> in -> in[0].tanh();
            case "Softmax" -> in -> in[0].softmax(-1);
            case "Mean", "Sum", "Max", "Min" -> reduction(node, constants);
            case "Reshape" -> {
                long[] shape = toLongs(required(node, constants, 1, "shape"));
                yield in -> in[0].reshape(new Shape(shape));
            }
            case "Squeeze" -> {
                int[] axes = toInts(a.integers("squeeze_dims"));
                yield axes.length == 0 ? in -> in[0].squeeze() : in -> in[0].squeeze(axes);
            }
            case "ExpandDims" -> {
                int axis = (int) required(node, constants, 1, "axis")[0];
                yield in -> in[0].expandDims(axis < 0 ? in[0].getShape().dimension() + 1 + axis : axis);
            }
            case "Pad", "PadV2" -> pad(node, constants);
            case "ConcatV2" -> {
                int n = node.inputs().size() - 1;
                int axis = (int) required(node, constants, n, "axis")[0];
                yield in -> {
                    ai.djl.ndarray.NDList parts = new ai.djl.ndarray.NDList(Arrays.copyOf(in, n));
                    return ai.djl.ndarray.NDArrays.concat(parts, axis < 0 ? in[0].getShape().dimension() + axis : axis);
                };
            }
            case "Equal" -> in -> in[0].eq(in[1]).toType(DataType.FLOAT32, false);
            case "Cast" -> cast(node);
            case "FloorDiv" -> in -> in[0].div(in[1]).floor();
            case "FloorMod" -> in -> in[0].mod(in[1]);
            case "GatherV2" -> {
                long axis = (long) required(node, constants, 2, "axis")[0];
                if (axis != 0 || node.attributes().integer("batch_dims", 0) != 0) {
                    throw unsupported(node, "only gathering along axis 0 is supported, got axis " + axis);
                }
                yield in -> in[0].get(new NDIndex("{}", in[1].toType(DataType.INT64, false)));
            }
            case "StridedSlice" -> stridedSlice(node, constants);
            case "ResizeBilinear" -> resizeBilinear(node, constants, weights);
            case "Transpose" -> {
                int[] perm = toInts(toLongs(required(node, constants, 1, "perm")));
                yield in -> in[0].transpose(perm);
            }
            default -> throw unsupported(node, "Tandem does not run the op " + op);
        };
    }

    /** Conv2D and depthwise convolutions, with their fused bias and activation. */
    private static Kernel conv(GraphNode node, Constants constants, NDManager weights, boolean depthwise,
            List<String> fused) {
        NodeAttributes a = node.attributes();
        requireNhwc(node);
        long[] strides = a.integers("strides");
        long[] dilations = a.integers("dilations");
        if (dilations.length > 0 && Arrays.stream(dilations).anyMatch(d -> d != 1)) {
            throw unsupported(node, "dilated convolutions are not supported");
        }
        if (strides.length != 4 || strides[1] != strides[2]) {
            throw unsupported(node, "only equal strides in height and width are supported, got "
                    + Arrays.toString(strides));
        }
        boolean same = padding(node);
        float[] filter = required(node, constants, 1, "filter");
        long[] s = constants.shape(1);
        // TF: [H, W, in, out] (depthwise: [H, W, channels, multiplier]); PyTorch: [out, in / groups, H, W]
        NDArray hwio = weights.create(filter, new Shape(s));
        NDArray weight = (depthwise
                ? hwio.reshape(s[0], s[1], s[2] * s[3], 1).transpose(2, 3, 0, 1)
                : hwio.transpose(3, 2, 0, 1)).duplicate();
        int groups = depthwise ? (int) s[2] : 1;
        NDArray bias = fusedBias(node, constants, weights, fused);
        UnaryOperator<NDArray> activation = activation(node, fused);
        int stride = (int) strides[1];
        return in -> {
            NDArray nchw = in[0].transpose(0, 3, 1, 2);
            NDArray out = Layers.conv(nchw, weight, bias, stride, same, groups);
            return activation.apply(out.transpose(0, 2, 3, 1));
        };
    }

    private static Kernel matMul(GraphNode node, Constants constants, NDManager weights, List<String> fused) {
        NodeAttributes a = node.attributes();
        boolean transposeA = a.bool("transpose_a", false);
        boolean transposeB = a.bool("transpose_b", false);
        float[] b = constants.values(1);
        NDArray constantB = null;
        if (b != null) {
            NDArray matrix = weights.create(b, new Shape(constants.shape(1)));
            constantB = (transposeB ? matrix.transpose() : matrix).duplicate();
        }
        NDArray fixedB = constantB;
        NDArray bias = fusedBias(node, constants, weights, fused);
        UnaryOperator<NDArray> activation = activation(node, fused);
        return in -> {
            NDArray left = transposeA ? in[0].transpose() : in[0];
            NDArray right = fixedB != null ? fixedB : transposeB ? in[1].transpose() : in[1];
            NDArray out = left.matMul(right);
            return activation.apply(bias == null ? out : out.add(bias));
        };
    }

    /** The bias of a fused op's {@code BiasAdd} (its third input), or null without one. */
    private static NDArray fusedBias(GraphNode node, Constants constants, NDManager weights, List<String> fused) {
        if (fused.isEmpty()) {
            return null;
        }
        if (!fused.get(0).equals("BiasAdd") || node.attributes().integer("num_args", 1) != 1) {
            throw unsupported(node, "fused ops " + fused + " are not supported (BiasAdd with an activation is)");
        }
        return weights.create(required(node, constants, 2, "bias"));
    }

    private static UnaryOperator<NDArray> activation(GraphNode node, List<String> fused) {
        if (fused.size() < 2) {
            return UnaryOperator.identity();
        }
        if (fused.size() > 2) {
            throw unsupported(node, "fused ops " + fused + " are not supported");
        }
        return switch (fused.get(1)) {
            case "Relu" -> Activation::relu;
            case "Relu6" -> x -> x.clip(0, 6);
            case "Sigmoid" -> Activation::sigmoid;
            case "LeakyRelu" -> {
                float alpha = (float) node.attributes().number("leakyrelu_alpha", 0.2);
                yield x -> Activation.leakyRelu(x, alpha);
            }
            default -> throw unsupported(node, "the fused activation " + fused.get(1) + " is not supported");
        };
    }

    /** Every tensor is float32 here: a cast to an integer type truncates, a cast to float (or from bool) keeps. */
    private static Kernel cast(GraphNode node) {
        NodeAttributes a = node.attributes();
        JsonNode to = a.attr().path("DstT").path("type");
        String type = to.asText("DT_FLOAT");
        return switch (type) {
            case "DT_FLOAT", "DT_BOOL" -> in -> in[0];
            case "DT_INT32", "DT_INT64" -> in -> in[0].toType(DataType.INT64, false).toType(DataType.FLOAT32, false);
            default -> throw unsupported(node, "casting to " + type + " is not supported");
        };
    }

    /** StridedSlice with begin and end masks; shrinking, new axes and ellipses are refused. */
    private static Kernel stridedSlice(GraphNode node, Constants constants) {
        NodeAttributes a = node.attributes();
        if (a.integer("shrink_axis_mask", 0) != 0 || a.integer("new_axis_mask", 0) != 0
                || a.integer("ellipsis_mask", 0) != 0) {
            throw unsupported(node, "shrink, new-axis and ellipsis masks are not supported");
        }
        long beginMask = a.integer("begin_mask", 0);
        long endMask = a.integer("end_mask", 0);
        float[] begin = required(node, constants, 1, "begin");
        float[] end = required(node, constants, 2, "end");
        float[] strides = required(node, constants, 3, "strides");
        StringBuilder index = new StringBuilder();
        for (int d = 0; d < begin.length; d++) {
            if (d > 0) {
                index.append(',');
            }
            boolean fromStart = (beginMask >> d & 1) == 1;
            boolean toEnd = (endMask >> d & 1) == 1;
            index.append(fromStart ? "" : String.valueOf((long) begin[d])).append(':')
                    .append(toEnd ? "" : String.valueOf((long) end[d])).append(':').append((long) strides[d]);
        }
        NDIndex slice = new NDIndex(index.toString());
        return in -> in[0].get(slice);
    }

    /**
     * TF's legacy bilinear resize (align corners and half-pixel centres both false): source = destination x in / out,
     * interpolated between the two neighbouring rows and then columns, as tfjs does.
     */
    private static Kernel resizeBilinear(GraphNode node, Constants constants, NDManager weights) {
        NodeAttributes a = node.attributes();
        if (a.bool("align_corners", false) || a.bool("half_pixel_centers", false)) {
            throw unsupported(node, "only the legacy resize (align_corners and half_pixel_centers false) is supported");
        }
        float[] size = required(node, constants, 1, "size");
        int outH = (int) size[0];
        int outW = (int) size[1];
        return in -> {
            NDArray x = in[0];
            long inH = x.getShape().get(1);
            long inW = x.getShape().get(2);
            NDManager m = x.getManager();
            ResizeAxis rows = ResizeAxis.of(m, inH, outH, new Shape(1, outH, 1, 1));
            ResizeAxis cols = ResizeAxis.of(m, inW, outW, new Shape(1, 1, outW, 1));
            NDArray top = x.get(new NDIndex(":, {}", rows.low()));
            NDArray bottom = x.get(new NDIndex(":, {}", rows.high()));
            NDArray byRow = top.add(bottom.sub(top).mul(rows.fraction()));
            NDArray left = byRow.get(new NDIndex(":, :, {}", cols.low()));
            NDArray right = byRow.get(new NDIndex(":, :, {}", cols.high()));
            return left.add(right.sub(left).mul(cols.fraction()));
        };
    }

    /** The neighbours and weights of one axis of the legacy bilinear resize. */
    private record ResizeAxis(NDArray low, NDArray high, NDArray fraction) {
        static ResizeAxis of(NDManager m, long in, int out, Shape fractionShape) {
            long[] low = new long[out];
            long[] high = new long[out];
            float[] fraction = new float[out];
            double scale = (double) in / out;
            for (int k = 0; k < out; k++) {
                double source = k * scale;
                low[k] = (long) Math.floor(source);
                high[k] = Math.min(in - 1, (long) Math.ceil(source));
                fraction[k] = (float) (source - low[k]);
            }
            return new ResizeAxis(m.create(low), m.create(high), m.create(fraction, fractionShape));
        }
    }

    private static Kernel maxPool(GraphNode node) {
        requireNhwc(node);
        long[] k = node.attributes().integers("ksize");
        long[] s = node.attributes().integers("strides");
        if (k.length != 4 || s.length != 4 || k[1] != k[2] || s[1] != s[2]) {
            throw unsupported(node, "only square pooling windows and strides are supported");
        }
        boolean same = padding(node);
        int kernel = (int) k[1];
        int stride = (int) s[1];
        return in -> {
            NDArray nchw = in[0].transpose(0, 3, 1, 2);
            NDArray out = same ? Layers.maxPoolSame(nchw, kernel, stride) : Layers.maxPoolValid(nchw, kernel, stride);
            return out.transpose(0, 2, 3, 1);
        };
    }

    /** Mean, Sum, Max, Min over constant axes; PyTorch's reductions here take one axis at a time. */
    private static Kernel reduction(GraphNode node, Constants constants) {
        int[] axes = toInts(toLongs(required(node, constants, 1, "reduction_indices")));
        boolean keep = node.attributes().bool("keep_dims", false);
        String op = node.op();
        return in -> {
            NDArray x = in[0];
            int rank = x.getShape().dimension();
            int[] sorted = Arrays.stream(axes).map(ax -> ax < 0 ? ax + rank : ax).sorted().toArray();
            for (int k = sorted.length - 1; k >= 0; k--) {
                int[] one = {sorted[k]};
                x = switch (op) {
                    case "Mean" -> x.mean(one, true);
                    case "Sum" -> x.sum(one, true);
                    case "Max" -> x.max(one, true);
                    default -> x.min(one, true);
                };
            }
            return keep ? x : x.squeeze(sorted);
        };
    }

    private static Kernel pad(GraphNode node, Constants constants) {
        float[] p = required(node, constants, 1, "paddings");
        float value = node.op().equals("PadV2") ? required(node, constants, 2, "constant_values")[0] : 0f;
        int rank = p.length / 2;
        // torch's pad lists the last dimension first
        long[] torch = new long[p.length];
        for (int d = 0; d < rank; d++) {
            torch[2 * (rank - 1 - d)] = (long) p[2 * d];
            torch[2 * (rank - 1 - d) + 1] = (long) p[2 * d + 1];
        }
        Shape padding = new Shape(torch);
        return in -> in[0].pad(padding, value);
    }

    private static boolean padding(GraphNode node) {
        String padding = node.attributes().string("padding", "VALID");
        return switch (padding) {
            case "SAME" -> true;
            case "VALID" -> false;
            default -> throw unsupported(node, "padding " + padding + " is not supported (SAME or VALID)");
        };
    }

    private static void requireNhwc(GraphNode node) {
        String format = node.attributes().string("data_format", "NHWC");
        if (!format.equals("NHWC")) {
            throw unsupported(node, "data format " + format + " is not supported (NHWC)");
        }
    }

    private static float[] required(GraphNode node, Constants constants, int index, String what) {
        if (index >= node.inputs().size() || constants.values(index) == null) {
            throw unsupported(node, "its " + what + " (input " + index + ") must be a constant");
        }
        return constants.values(index);
    }

    private static long[] toLongs(float[] values) {
        long[] out = new long[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = (long) values[k];
        }
        return out;
    }

    private static int[] toInts(long[] values) {
        return Arrays.stream(values).mapToInt(v -> (int) v).toArray();
    }

    static TandemException unsupported(GraphNode node, String why) {
        return new TandemException("node '" + node.name() + "' (op " + node.op() + "): " + why);
    }
}
