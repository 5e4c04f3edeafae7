package org.tandem.observer.usermodel;

import java.nio.file.Path;
import org.tandem.protocols.TandemException;

/** The one-line form of every model-card problem: which card, which field, what is wrong and what to do. */
final class CardError {
    private CardError() {
    }

    static TandemException of(Path card, String field, String problem) {
        return new TandemException("model card " + card + ", field '" + field + "': " + problem);
    }
}
