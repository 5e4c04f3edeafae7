package org.tandem.stimuli.folder;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What checking a stimulus set found: its stimuli, the sizes of their images, the problems that stop it from being used,
 * warnings (files that are not part of the set) and files the naming scheme's defaults leave out.
 *
 * @param name     the set's name
 * @param root     the set's folder
 * @param manifest the manifest, or null when the names follow a scheme
 * @param source   where the stimuli came from: the manifest's file name or the scheme's name
 * @param entries  the stimuli, in manifest or file order (rows with problems left out)
 * @param sizes    the files of each image size, the most common size first
 * @param resizeTo the N×N every image is resized to on load, or null
 * @param problems errors; the set cannot be used while there are any
 * @param warnings files in the folder that are not part of the set
 * @param skipped  files that follow the scheme but are left out by its choices (e.g. side views), with the reason
 */
public record SetReport(String name, Path root, Path manifest, String source, List<StimulusEntry> entries,
                        Map<ImageSize, List<String>> sizes, Integer resizeTo, List<SetProblem> problems,
                        List<SetProblem> warnings, List<SetProblem> skipped) {

    public SetReport {
        entries = List.copyOf(entries);
        Map<ImageSize, List<String>> copy = new LinkedHashMap<>();
        sizes.forEach((size, files) -> copy.put(size, List.copyOf(files)));
        sizes = Collections.unmodifiableMap(copy);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        skipped = List.copyOf(skipped);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** The size every image of the set is shown at: the resize target, or the images' common size (null if none). */
    public ImageSize imageSize() {
        if (resizeTo != null) {
            return new ImageSize(resizeTo, resizeTo);
        }
        return sizes.size() == 1 ? sizes.keySet().iterator().next() : null;
    }

    /** @throws InvalidStimulusSetException listing every problem, when there are any */
    public SetReport orThrow() {
        if (!ok()) {
            throw new InvalidStimulusSetException(this);
        }
        return this;
    }

    /** A readable summary: counts, sizes, then every problem, warning and skipped file on its own line. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("stimulus set '").append(name).append("' at ").append(root).append(" (").append(source).append("): ")
                .append(entries.size()).append(entries.size() == 1 ? " image" : " images");
        if (!sizes.isEmpty()) {
            out.append(", ").append(sizes.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue().size() + ")").collect(Collectors.joining(", ")));
        }
        if (resizeTo != null) {
            out.append(", resized to ").append(resizeTo).append('x').append(resizeTo).append(" on load");
        }
        out.append('\n');
        section(out, "problem", problems);
        section(out, "warning", warnings);
        section(out, "skipped file", skipped);
        return out.toString();
    }

    private static void section(StringBuilder out, String what, List<SetProblem> items) {
        if (items.isEmpty()) {
            return;
        }
        out.append(items.size()).append(' ').append(what).append(items.size() == 1 ? "" : "s").append(":\n");
        for (SetProblem item : items) {
            out.append("  ").append(item.describe()).append('\n');
        }
    }
}
