package org.tandem.observer.weights;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.protocols.TandemException;

/** The tensors of one model, in manifest order, looked up by name with a shape check. */
public final class NamedWeights {
    private final String source;
    private final Map<String, WeightTensor> tensors;

    public NamedWeights(String source, List<WeightTensor> tensors) {
        this.source = source;
        Map<String, WeightTensor> byName = new LinkedHashMap<>();
        for (WeightTensor t : tensors) {
            if (byName.put(t.name(), t) != null) {
                throw new TandemException(source + " defines weight " + t.name() + " twice; the model files are damaged,"
                        + " run `tandem models fetch --force`");
            }
        }
        this.tensors = Collections.unmodifiableMap(byName);
    }

    /** Where the weights came from (a manifest path, or a description of generated weights). */
    public String source() {
        return source;
    }

    public List<WeightTensor> all() {
        return List.copyOf(tensors.values());
    }

    public boolean has(String name) {
        return tensors.containsKey(name);
    }

    /**
     * Checks that every weight of an architecture is present with its shape, so a network can be built without surprises.
     *
     * @throws TandemException naming the first weight that is missing or shaped differently
     */
    public void requireAll(List<WeightShape> architecture) {
        for (WeightShape s : architecture) {
            get(s.name(), s.shape());
        }
    }

    /** The tensor {@code name}, for networks that checked their architecture with {@link #requireAll} first. */
    public WeightTensor tensor(String name) {
        WeightTensor t = tensors.get(name);
        if (t == null) {
            throw new TandemException(source + " has no weight " + name + "; these files are not the network that was asked"
                    + " for, or are damaged: run `tandem models fetch --force`");
        }
        return t;
    }

    /**
     * The tensor {@code name}, which must have exactly {@code shape}.
     *
     * @throws TandemException naming the weight and the source when it is missing or shaped differently: the files do not
     *                         belong to the architecture that reads them
     */
    public WeightTensor get(String name, int... shape) {
        WeightTensor t = tensor(name);
        if (!Arrays.equals(t.shape(), shape)) {
            throw new TandemException(source + ": weight " + name + " has shape " + Arrays.toString(t.shape()) + " but the"
                    + " network needs " + Arrays.toString(shape) + "; these files are not the network that was asked for");
        }
        return t;
    }
}
