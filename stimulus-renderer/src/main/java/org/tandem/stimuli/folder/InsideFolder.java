package org.tandem.stimuli.folder;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Whether a file of a set really lies inside the set's folder once symbolic links are followed. A manifest row with
 * {@code ..} is refused when it is read; a symbolic link (the file itself or a folder on its way) that leads out of the
 * folder would get round that, so it is refused too: a set must be movable and shareable as one folder, and must not
 * turn into a way of reading files elsewhere.
 */
final class InsideFolder {
    private InsideFolder() {
    }

    /**
     * @param root the set's folder
     * @param file a file in it, relative to {@code root} or absolute
     * @return why the file is not inside the folder (to follow the file's name in a message), or null when it is or when
     *         it cannot be resolved at all: then it cannot be read either, and reading it says why
     */
    static String problem(Path root, Path file) {
        Path real;
        Path realRoot;
        try {
            realRoot = root.toRealPath();
            real = root.resolve(file).toRealPath();
        } catch (IOException e) {
            return null;
        }
        if (real.startsWith(realRoot)) {
            return null;
        }
        return "leads outside the set's folder through a symbolic link (to " + real + "); copy the image into "
                + root + " instead of linking to it";
    }
}
