package org.tandem.engine.simulate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.tandem.protocols.observer.Raster;

/**
 * The face crops cut most recently, so a sweep's many sessions of the same protocol cut (and hash) each image's crop
 * once rather than once per session. Kept by the shown image itself, compared by identity: a stimulus library hands out
 * one raster per image, and comparing pixels would cost what cutting does. At most {@code capacity} crops are kept, the
 * least recently used dropped first.
 */
final class KeptCrops {
    private final Map<Key, Raster> kept;

    KeptCrops(int capacity) {
        kept = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Raster> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The crop of {@code stimulusId} cut from {@code shown}, cut by {@code cut} if not kept. */
    Raster crop(String stimulusId, Raster shown, Supplier<Raster> cut) {
        Key key = new Key(shown, stimulusId);
        synchronized (kept) {
            Raster crop = kept.get(key);
            if (crop != null) {
                return crop;
            }
        }
        Raster crop = cut.get();
        synchronized (kept) {
            kept.put(key, crop);
        }
        return crop;
    }

    /** A shown raster (by identity) and the stimulus it shows. */
    private static final class Key {
        private final Raster shown;
        private final String stimulusId;

        Key(Raster shown, String stimulusId) {
            this.shown = shown;
            this.stimulusId = stimulusId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && other.shown == shown && other.stimulusId.equals(stimulusId);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(shown) + stimulusId.hashCode();
        }
    }
}
