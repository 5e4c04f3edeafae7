package org.tandem.observer.readout;

/**
 * What a readout is trained on and how it is scored: the training set ({@code train=}, null for the default, the
 * readout identities of the protocol's built-in set), what it learns to tell apart ({@code labels=}) and how it is
 * cross-validated ({@code cv=}).
 */
public record ReadoutSetup(String train, ReadoutLabels labels, CrossValidation cv) {
    /** The protocol's built-in readout set, expression labels, folds by identity: what readouts were before the options. */
    public static final ReadoutSetup DEFAULT = new ReadoutSetup(null, ReadoutLabels.EXPRESSION,
            CrossValidation.defaultFor(ReadoutLabels.EXPRESSION));

    public ReadoutSetup {
        labels = labels == null ? ReadoutLabels.EXPRESSION : labels;
        cv = cv == null ? CrossValidation.defaultFor(labels) : cv;
    }

    public ReadoutSetup withTrain(String set) {
        return new ReadoutSetup(set, labels, cv);
    }
}
