package org.tandem.observer.readout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A named set of labelled face images a readout is trained on, e.g. the built-in synthetic faces of identities no
 * protocol shows, or an image folder. The name is stored with the observer's description so a session says what its
 * readout learnt from.
 */
public record TrainingImages(String name, List<TrainingImage> images) {
    public TrainingImages {
        images = List.copyOf(images);
    }

    /**
     * SHA-256 over every image's stimulus, expression and crop pixels, in order: equal exactly when a readout would be
     * trained on the same images, so a resumed session can tell that its training set has not changed.
     */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (TrainingImage image : images) {
                digest.update((image.stimulus().id() + "\t" + image.expression() + "\t" + image.crop().contentHash()
                        + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
