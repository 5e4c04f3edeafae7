package org.tandem.stimuli.library;

import java.util.Collection;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.folder.ImageFolderSet;

/**
 * How the face parts of an image folder's photographs are found, for a protocol that masks them: the renderer knows no
 * geometry for photographs, so the engine supplies one (face-api's 68 landmarks in each image's face box).
 */
@FunctionalInterface
public interface PhotoRegions {
    /** None: a folder set with a mask is refused. */
    PhotoRegions NONE = (folder, shown) -> {
        throw new TandemException("stimulus set '" + folder.name() + "' (" + folder.root() + ") asks for a mask, and"
                + " this library has no way to find the face parts of photographs; run the protocol with tandem");
    };

    /**
     * The regions for the images of a folder; {@code shown} are the stimuli the protocol can show, which may be
     * prepared at once, so a face whose parts cannot be found stops the session before it starts.
     */
    PartRegions forFolder(ImageFolderSet folder, Collection<StimulusRef> shown);
}
