package org.tandem.analysis.looks;

/**
 * The mean share of a map's mass that falls in one face region, over a group of images, with a percentile bootstrap
 * interval (images resampled).
 */
public record ShareEstimate(String region, double mean, double lower, double upper) {
}
