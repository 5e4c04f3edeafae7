package org.tandem.observer.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

/**
 * Starts DJL's PyTorch engine the way Tandem needs it: offline (the native library ships in a jar, nothing is downloaded)
 * and with one intra-op and one inter-op thread, because PyTorch's OpenMP threads busy-wait and collapse under any other
 * load; parallelism belongs across requests. The properties are read once when the engine loads, so they are set here
 * first unless the user already chose them with {@code -D}.
 */
public final class DjlEngine {
    public static final String ENGINE = "PyTorch";

    private DjlEngine() {
    }

    public static NDManager newBaseManager() {
        return engine(ENGINE).newBaseManager();
    }

    /** DJL's engine of that name (PyTorch, OnnxRuntime), started offline with the thread settings above. */
    public static Engine engine(String name) {
        defaultProperty("ai.djl.offline", "true");
        defaultProperty("ai.djl.pytorch.num_threads", "1");
        defaultProperty("ai.djl.pytorch.num_interop_threads", "1");
        return Engine.getEngine(name);
    }

    /**
     * The intra-op thread count inference runs with: PyTorch's, which ONNX Runtime sessions follow too, so one setting
     * (and one {@code tandem bench observer --threads} value) holds for both engines.
     */
    public static int intraOpThreads() {
        defaultProperty("ai.djl.pytorch.num_threads", "1");
        return Integer.getInteger("ai.djl.pytorch.num_threads", 1);
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
