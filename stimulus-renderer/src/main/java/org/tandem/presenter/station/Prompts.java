package org.tandem.presenter.station;

import org.tandem.protocols.Task;

/** The question on the response screen for each task kind. */
final class Prompts {
    private Prompts() {
    }

    static String of(Task task) {
        if (task instanceof Task.Abx) {
            return "Was X the same picture as A or as B?";
        }
        return task instanceof Task.TwoAfc ? "Which did the face look more like?" : "Which expression did the face show?";
    }
}
