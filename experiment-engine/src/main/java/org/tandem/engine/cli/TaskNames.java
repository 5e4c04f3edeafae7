package org.tandem.engine.cli;

import org.tandem.protocols.Task;

/** The protocol-file name of a task kind, for display. */
final class TaskNames {
    private TaskNames() {
    }

    static String of(Task task) {
        if (task instanceof Task.Classification c) {
            return c.labels().size() + "-way";
        }
        return task instanceof Task.TwoAfc ? "two-afc" : "abx";
    }
}
