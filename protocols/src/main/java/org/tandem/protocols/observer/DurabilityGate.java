package org.tandem.protocols.observer;

/**
 * Whether the trials answered so far are stored. The session runner commits a trial in the background while the
 * observer starts the next one; an observer must not begin the timed part of a trial until the gate is open, so a
 * crash never loses more than the trial on screen.
 */
public interface DurabilityGate {
    /** A gate with nothing pending: every earlier trial is stored. */
    DurabilityGate STORED = new DurabilityGate() {
        @Override
        public boolean stored() {
            return true;
        }

        @Override
        public void await() {
        }
    };

    /**
     * True once every earlier trial's commit has returned; never blocks and allocates nothing, so a frame loop may
     * poll it. Throws the commit's failure, which must end the session.
     */
    boolean stored();

    /** Blocks until every earlier trial is stored; throws the commit's failure. */
    void await();
}
