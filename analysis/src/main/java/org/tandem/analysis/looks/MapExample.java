package org.tandem.analysis.looks;

/**
 * One image's map laid over the network's input, for the report to show.
 *
 * @param label   what the image shows, e.g. {@code 01 happy}
 * @param target  the class the map explains
 * @param pngBase64 the overlay as a base64 PNG
 */
public record MapExample(String label, String target, String pngBase64) {
}
