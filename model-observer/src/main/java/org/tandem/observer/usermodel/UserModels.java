package org.tandem.observer.usermodel;

import java.nio.file.Path;
import org.tandem.observer.features.FeatureNetwork;
import org.tandem.protocols.TandemException;

/** Opens a user model from its spec, {@code card:PATH/TO/card.json} (the path relative to the working directory). */
public final class UserModels {
    public static final String PREFIX = "card:";

    private UserModels() {
    }

    public static FeatureNetwork open(String spec) {
        return openModel(spec);
    }

    /** As {@link #open}, typed as a {@link UserModel} for callers that also want {@link UserModel#predict}. */
    public static UserModel openModel(String spec) {
        if (!spec.startsWith(PREFIX) || spec.length() == PREFIX.length()) {
            throw new TandemException("model spec '" + spec + "' is not a user model; write card:PATH/TO/card.json");
        }
        return UserModel.open(spec, Path.of(spec.substring(PREFIX.length())));
    }
}
