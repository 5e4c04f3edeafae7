package org.tandem.observer.readout;

import java.util.Locale;
import org.tandem.protocols.TandemException;

/**
 * How a readout's training images are split for cross-validation: into folds that keep every identity whole (the readout
 * is always scored on people it never saw) or folds of single images, and how many folds (0: one per group up to
 * {@value GroupKFold#LEAVE_ONE_OUT_UP_TO} groups, {@value GroupKFold#DEFAULT_FOLDS} beyond). In observer specs
 * {@code cv=identity}, {@code cv=image} or {@code cv=K}: K folds of the readout's default grouping (identities for
 * expression readouts, images for identity readouts).
 */
public record CrossValidation(Grouping by, int folds) {

    /** What one fold keeps together. */
    public enum Grouping {
        IDENTITY, IMAGE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The group of a training image: {@code SET/IDENTITY}, or the image's stimulus id. */
        public String groupOf(TrainingImage image) {
            return this == IDENTITY ? image.identity() : image.stimulus().id();
        }
    }

    public CrossValidation {
        if (folds != 0 && folds < 2) {
            throw new TandemException("cross-validation needs at least 2 folds, got " + folds);
        }
    }

    /** Folds by identity for expression readouts, by image for identity readouts (whose classes are the identities). */
    public static CrossValidation defaultFor(ReadoutLabels labels) {
        return new CrossValidation(defaultGrouping(labels), 0);
    }

    private static Grouping defaultGrouping(ReadoutLabels labels) {
        return labels == ReadoutLabels.IDENTITY ? Grouping.IMAGE : Grouping.IDENTITY;
    }

    /** Reads {@code identity}, {@code image} or a number of folds K for a readout of the given labels. */
    public static CrossValidation parse(String text, ReadoutLabels labels) {
        CrossValidation cv;
        if (text.equals(Grouping.IDENTITY.label())) {
            cv = new CrossValidation(Grouping.IDENTITY, 0);
        } else if (text.equals(Grouping.IMAGE.label())) {
            cv = new CrossValidation(Grouping.IMAGE, 0);
        } else if (text.matches("[0-9]{1,4}") && Integer.parseInt(text) >= 2) {
            cv = new CrossValidation(defaultGrouping(labels), Integer.parseInt(text));
        } else {
            throw new TandemException("cv '" + text + "' is not known; use identity, image or a number of folds of 2"
                    + " or more");
        }
        if (labels == ReadoutLabels.IDENTITY && cv.by == Grouping.IDENTITY) {
            throw new TandemException("cv=identity cannot score an identity readout: each identity is one of its classes,"
                    + " so a held-out identity was never learnt; use cv=image (folds of images) or cv=K (K folds of"
                    + " images)");
        }
        return cv;
    }

    /** The spelling {@link #parse} reads back for a readout of the given labels. */
    public String specValue() {
        return folds > 0 ? Integer.toString(folds) : by.label();
    }
}
