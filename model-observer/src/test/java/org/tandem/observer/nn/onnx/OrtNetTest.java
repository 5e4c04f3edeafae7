package org.tandem.observer.nn.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tandem.observer.nn.DjlEngine;

/** A small written graph run by ONNX Runtime, next to DJL's own ONNX Runtime engine in the same process. */
class OrtNetTest {

    @Test
    void aWrittenGraphRunsAndGivesEveryOutputAskedFor() {
        OnnxGraph g = new OnnxGraph("tiny");
        String x = g.input("x", 1, 2, 2);
        // a 1x1 convolution doubling its input and adding 1, then ReLU, then the mean over H and W
        String y = g.relu(g.conv(x, new float[] {2f}, new long[] {1, 1, 1, 1}, new float[] {1f}, 1,
                new int[] {0, 0, 0, 0}, 1));
        String mean = g.globalMean(y);
        g.output(y);
        g.output(mean);
        try (OrtNet net = new OrtNet(g.model(), 1)) {
            Map<String, OrtNet.Output> out = net.run(new float[] {1, -3, 0.5f, 2, 0, 0, 0, 0},
                    new long[] {2, 1, 2, 2}, Set.of(y, mean));
            assertThat(out.get(y).shape()).containsExactly(2, 1, 2, 2);
            assertThat(out.get(y).values()).containsExactly(3, 0, 2, 5, 1, 1, 1, 1);
            assertThat(out.get(mean).values()).containsExactly(2.5f, 1f);
        }
        // DJL's engine (user ONNX models) starts in the same process: both use its one environment
        assertThat(DjlEngine.engine("OnnxRuntime").getVersion()).isEqualTo(OrtNet.version());
    }
}
