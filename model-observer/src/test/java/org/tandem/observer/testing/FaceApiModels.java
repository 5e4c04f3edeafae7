package org.tandem.observer.testing;

import java.nio.file.Path;
import org.tandem.observer.store.ModelStore;

/** The real face-api weights for tests: the user's model cache (or $TANDEM_HOME), fetched from npm on first use. */
public final class FaceApiModels {
    private static Path folder;

    private FaceApiModels() {
    }

    public static synchronized Path folder() {
        if (folder == null) {
            folder = ModelStore.faceApi().resolve();
        }
        return folder;
    }
}
