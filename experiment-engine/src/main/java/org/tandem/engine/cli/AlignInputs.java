package org.tandem.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.tandem.protocols.TandemException;

/** The photographs named on the command line: image files as given, and the image files directly inside folders. */
final class AlignInputs {
    static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "bmp", "gif");

    private AlignInputs() {
    }

    /** @throws TandemException naming the first path that is missing or a folder without images */
    static List<Path> expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> images = imagesIn(input);
                if (images.isEmpty()) {
                    throw new TandemException(input + ": no images (" + String.join(", ", EXTENSIONS)
                            + ") in this folder; give image files or a folder that holds some");
                }
                files.addAll(images);
            } else if (Files.exists(input)) {
                files.add(input);
            } else {
                throw new TandemException(input + ": no such file or folder; give image files or folders of them");
            }
        }
        return files;
    }

    private static List<Path> imagesIn(Path folder) {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(Files::isRegularFile).filter(AlignInputs::isImageName).sorted().toList();
        } catch (IOException e) {
            throw new TandemException(folder + ": cannot list the folder (" + e.getMessage() + ")", e);
        }
    }

    private static boolean isImageName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".") && dot > 0
                && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The file name without its extension. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
