package org.tandem.protocols.plan;

/**
 * What the run-length limits see of a trial: the level of the task's main factor (for ABX the A–B pair) and the correct
 * answer (null where none exists, e.g. a continuum's midpoint).
 */
record RunKey(String level, String answer) {
}
