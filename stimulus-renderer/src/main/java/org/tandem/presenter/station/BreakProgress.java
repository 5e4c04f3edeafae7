package org.tandem.presenter.station;

import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;

/**
 * How far a session has come, as its break screens say it: main trials only, since practice trials are not part of
 * what a participant is counting down (and breaks only ever fall between main trials).
 */
record BreakProgress(int[] mainBefore, int mainTrials) {
    static BreakProgress of(TrialPlan plan) {
        int[] before = new int[plan.size()];
        int main = 0;
        for (Trial t : plan.trials()) {
            before[t.index()] = main;
            main += t.practice() ? 0 : 1;
        }
        return new BreakProgress(before, main);
    }

    /** The main trials that come before plan index {@code index}. */
    int mainTrialsBefore(int index) {
        return mainBefore[index];
    }
}
