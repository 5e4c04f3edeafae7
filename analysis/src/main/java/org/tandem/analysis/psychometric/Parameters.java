package org.tandem.analysis.psychometric;

/**
 * A point in the model's parameter space. Location and scale are on the sigmoid's axis (ln x for the Weibull);
 * eta is the beta-binomial overdispersion (0: binomial).
 */
record Parameters(double location, double scale, double guess, double lapse, double eta) {

    /** ψ at a point u of the sigmoid's axis. */
    double psi(Sigmoid sigmoid, double u) {
        return guess + (1 - guess - lapse) * sigmoid.cdf((u - location) / scale);
    }

    Parameters withEta(double newEta) {
        return new Parameters(location, scale, guess, lapse, newEta);
    }
}
