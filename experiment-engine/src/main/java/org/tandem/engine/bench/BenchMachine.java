package org.tandem.engine.bench;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.nn.onnx.OrtNet;

/** The machine and software a benchmark ran on, as recorded beside its figures. */
public record BenchMachine(String cpu, int cores, String java, String os, String djl, String pytorch,
                           String onnxRuntime, PeakFlops peak) {
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    /** This machine; starts the PyTorch engine to read its version. */
    public static BenchMachine current() {
        DjlEngine.newBaseManager().close();
        return new BenchMachine(cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                Engine.getDjlVersion(), Engine.getEngine(DjlEngine.ENGINE).getVersion(),
                OrtNet.version(), PeakFlops.current());
    }

    /** One line, e.g. {@code AMD EPYC, 2 cores, Linux 6.18, Java 17.0.15, DJL 0.35.1, PyTorch 2.7.1, ONNX Runtime 1.21.1}. */
    public String describe() {
        return cpu + ", " + cores + (cores == 1 ? " core" : " cores") + ", " + os + ", Java " + java + ", DJL " + djl
                + ", PyTorch " + pytorch + ", ONNX Runtime " + onnxRuntime;
    }

    /** The first "model name" of /proc/cpuinfo; the architecture where there is none (not Linux, or an ARM kernel). */
    static String cpuModel() {
        if (Files.isReadable(CPUINFO)) {
            try (Stream<String> lines = Files.lines(CPUINFO)) {
                return lines.filter(line -> line.startsWith("model name"))
                        .map(line -> line.substring(line.indexOf(':') + 1).trim())
                        .findFirst().orElse(System.getProperty("os.arch"));
            } catch (IOException e) {
                // fall through to the architecture
            }
        }
        return System.getProperty("os.arch");
    }
}
