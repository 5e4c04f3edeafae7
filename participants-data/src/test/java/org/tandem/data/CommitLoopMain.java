package org.tandem.data;

import org.tandem.protocols.plan.Trial;

/**
 * Child process for the crash test: resumes the session, commits its missing trials one by one and prints
 * {@code COMMITTED <index>} after each commit has returned, slowly enough for the parent to kill it in the middle.
 */
public final class CommitLoopMain {
    private CommitLoopMain() {
    }

    public static void main(String[] args) throws Exception {
        // args: the --db (a file or a server address), the session, and the server's password if any
        TandemStore store = TandemStore.open(StoreOptions.of(args[0], args.length > 2 ? args[2] : null));
        ResumePoint resume = store.resume(args[1]);
        System.out.println("RESUMED " + resume.missing().size());
        System.out.flush();
        for (int index : resume.missing()) {
            Trial trial = resume.plan().trial(index);
            store.commitTrial(resume.sessionId(), trial, Fixtures.humanResponse(trial));
            System.out.println("COMMITTED " + index);
            System.out.flush();
            Thread.sleep(3);
        }
        System.out.println("DONE");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
