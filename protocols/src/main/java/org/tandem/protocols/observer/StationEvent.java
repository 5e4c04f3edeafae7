package org.tandem.protocols.observer;

/**
 * Something the station saw during a trial besides its answer, stored with the trial: a key pressed before the answer
 * window opened or that answers nothing, the pause screen, a trial shown again after the pause.
 *
 * @param kind   {@code early-key}, {@code other-key}, {@code pause}, {@code re-presented}
 * @param nanos  when it happened, on the flip clock ({@link System#nanoTime()})
 * @param detail what it was, e.g. the key's character; may be null
 */
public record StationEvent(String kind, long nanos, String detail) {
}
