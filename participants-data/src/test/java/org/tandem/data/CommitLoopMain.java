package org.tandem.data;

import java.nio.file.Path;
import org.tandem.protocols.plan.Trial;

/**
 * Child process for the crash test: resumes the session, commits its missing trials one by one and prints
 * {@code COMMITTED <index>} after each commit has returned, slowly enough for the parent to kill it in the middle.
 */
public final class CommitLoopMain {
    private CommitLoopMain() {
    }

    public static void main(String[] args) throws Exception {
        TandemStore store = TandemStore.open(StoreOptions.at(Path.of(args[0])));
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
