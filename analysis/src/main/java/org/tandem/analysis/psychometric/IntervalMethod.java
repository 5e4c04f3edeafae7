package org.tandem.analysis.psychometric;

/** How a bootstrap distribution becomes a confidence interval. */
public enum IntervalMethod {
    /** The equal-tailed percentiles of the bootstrap estimates. */
    PERCENTILE,
    /** Efron's bias-corrected and accelerated percentiles; the acceleration comes from a jackknife over trials. */
    BCA
}
