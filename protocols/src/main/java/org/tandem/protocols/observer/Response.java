package org.tandem.protocols.observer;

/**
 * An observer's answer to a trial: the same type for people and networks.
 *
 * @param answer the chosen label, or null when there was no (valid) response in the response window
 * @param rtMs   response time in milliseconds from the opening of the answer window (stimulus onset; in ABX X's
 *               onset), or null where it does not apply (models)
 * @param timing the presenter's frame timing, or null for observers that show nothing
 * @param output a network's output vector, or null for people
 * @param presentation how the station showed the trial, or null for networks and imported trials
 */
public record Response(String answer, Double rtMs, FrameTiming timing, ModelOutput output, Presentation presentation) {

    public Response(String answer, Double rtMs, FrameTiming timing, ModelOutput output) {
        this(answer, rtMs, timing, output, null);
    }

    public static Response ofModel(String answer, ModelOutput output) {
        return new Response(answer, null, null, output);
    }

    public static Response ofHuman(String answer, double rtMs, FrameTiming timing) {
        return new Response(answer, rtMs, timing, null);
    }

    /** A person's answer (null when none came in the window) with how the station showed the trial. */
    public static Response ofStation(String answer, Double rtMs, FrameTiming timing, Presentation presentation) {
        return new Response(answer, rtMs, timing, null, presentation);
    }
}
