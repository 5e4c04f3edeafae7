package org.tandem.stimuli.library;

import java.util.List;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.folder.ImageFolderSet;

/**
 * Whether an image folder holds every stimulus a protocol can show from it, checked when the library is made, so a
 * missing continuum level stops the command before a session starts rather than at the trial that shows it.
 */
final class FolderCoverage {
    private FolderCoverage() {
    }

    /** @throws TandemException naming the first missing stimulus (its level, for a morph) and the folder */
    static void require(ImageFolderSet folder, List<StimulusRef> shown) {
        List<StimulusRef> missing = shown.stream().filter(ref -> !folder.contains(ref)).toList();
        if (missing.isEmpty()) {
            return;
        }
        StimulusRef first = missing.get(0);
        String what = first.continuum() != null
                ? "level " + first.level() + " of continuum " + first.continuum() + " for identity " + first.identity()
                : "expression " + first.expression() + " for identity " + first.identity();
        throw new TandemException("the protocol plans " + what + (missing.size() > 1 ? " (and " + (missing.size() - 1)
                + " more stimuli)" : "") + ", but stimulus set '" + folder.name() + "' (" + folder.root() + ") has no"
                + " image for it; add the image to the folder's manifest, or leave it out of the protocol's levels");
    }
}
