package org.tandem.analysis.psychometric;

/** Every number a fit reports, each with an estimate and a bootstrap interval. */
enum Quantity {
    LOCATION, SCALE, WIDTH, GUESS, LAPSE, OVERDISPERSION, PSE, THRESHOLD, JND, SLOPE
}
