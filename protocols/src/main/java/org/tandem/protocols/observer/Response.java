package org.tandem.protocols.observer;

/**
 * An observer's answer to a trial: the same type for people and networks.
 *
 * @param answer the chosen label, or null when there was no (valid) response in the response window
 * @param rtMs   response time from stimulus onset in milliseconds, or null where it does not apply (models)
 * @param timing the presenter's frame timing, or null for observers that show nothing
 * @param output a network's output vector, or null for people
 */
public record Response(String answer, Double rtMs, FrameTiming timing, ModelOutput output) {

    public static Response ofModel(String answer, ModelOutput output) {
        return new Response(answer, null, null, output);
    }

    public static Response ofHuman(String answer, double rtMs, FrameTiming timing) {
        return new Response(answer, rtMs, timing, null);
    }
}
