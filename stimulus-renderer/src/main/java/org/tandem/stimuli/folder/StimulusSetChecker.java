package org.tandem.stimuli.folder;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.io.RasterFiles;

/**
 * Checks an image folder as a stimulus set before anything runs, and reports every problem at once:
 * <ul>
 *   <li>manifest rows with missing fields or bad levels (with their line), files it names that are missing;</li>
 *   <li>files outside the set's folder: named with {@code ..} or an absolute path, or reached through a symbolic link
 *       that leads out of it;</li>
 *   <li>files that cannot be read as images (every image is decoded), or that are over
 *       {@link org.tandem.stimuli.io.BoundedImageReader#MAX_SIDE} pixels a side;</li>
 *   <li>two files for one stimulus (the same identity and expression, or identity, continuum and level);</li>
 *   <li>images of different sizes, unless {@link FolderSetOptions#resizeTo()} is given;</li>
 *   <li>warnings, not errors, for files in the folder that are not part of the set.</li>
 * </ul>
 * The set comes from {@code manifest.csv} or {@code manifest.json} in the folder (or the manifest file given), else from
 * the file names by a {@link NamingScheme}.
 */
public final class StimulusSetChecker {

    private static final Logger LOG = LoggerFactory.getLogger(StimulusSetChecker.class);

    /** The contact sheet Tandem writes beside every set it makes: a preview, never a stimulus. */
    public static final String CONTACT_SHEET = "sheet.png";

    private StimulusSetChecker() {
    }

    public static SetReport check(Path folderOrManifest) {
        return check(folderOrManifest, FolderSetOptions.defaults());
    }

    /**
     * @param folderOrManifest the set's folder, or a manifest file ({@code .csv} or {@code .json}) in it
     * @throws TandemException only when the path does not exist; everything else is reported in the result
     */
    public static SetReport check(Path folderOrManifest, FolderSetOptions options) {
        if (!Files.exists(folderOrManifest)) {
            throw new TandemException("stimulus set " + folderOrManifest + " does not exist; give a folder of images or"
                    + " its manifest file (manifest.csv or manifest.json)");
        }
        Path given = folderOrManifest.toAbsolutePath().normalize();
        Path root = Files.isDirectory(given) ? given : given.getParent();
        String name = options.name() != null ? options.name()
                : root.getFileName() == null ? "images" : root.getFileName().toString();
        Run run = new Run(root, name);

        Path manifest = Files.isDirectory(given) ? findManifest(root, run) : given;
        if (run.problems.isEmpty()) {
            if (manifest != null) {
                fromManifest(manifest, run);
            } else {
                fromScheme(options.scheme(), run);
            }
        }
        duplicates(run, manifest != null);
        Map<ImageSize, List<String>> sizes = readImages(run);
        sizeProblems(sizes, options.resizeTo(), run);
        if (run.problems.isEmpty() && run.entries.isEmpty()) {
            run.problems.add(SetProblem.at(manifest != null ? manifest.getFileName().toString() : name,
                    manifest != null ? "names no images; add one row per image" : "has no usable images"
                            + (run.skipped.isEmpty() ? "" : ": the scheme's choices skip every file that follows its"
                            + " naming (see the skipped files); choose other views or sessions")));
        }
        SetReport report = new SetReport(name, root, manifest, run.source,
                run.entries.stream().map(Located::entry).toList(), sizes, options.resizeTo(), run.problems,
                run.warnings, run.skipped);
        LOG.debug("checked stimulus set {}: {} images, {} problems, {} warnings, {} skipped", name, report.entries().size(),
                report.problems().size(), report.warnings().size(), report.skipped().size());
        return report;
    }

    /** The state of one check. */
    private static final class Run {
        final Path root;
        final String name;
        String source = "no manifest";
        final List<Located> entries = new ArrayList<>();
        final List<SetProblem> problems = new ArrayList<>();
        final List<SetProblem> warnings = new ArrayList<>();
        final List<SetProblem> skipped = new ArrayList<>();
        /** The manifest's name, for problems found at its rows; null for a scheme. */
        String manifestName;

        Run(Path root, String name) {
            this.root = root;
            this.name = name;
        }
    }

    /** An entry and the manifest line it came from (0 for a scheme). */
    private record Located(StimulusEntry entry, int line) {
        String where() {
            return line > 0 ? entry.file() + " (line " + line + ")" : entry.file();
        }
    }

    private static Path findManifest(Path root, Run run) {
        Path csv = root.resolve(ManifestFormat.CSV.fileName());
        Path json = root.resolve(ManifestFormat.JSON.fileName());
        boolean hasCsv = Files.isRegularFile(csv);
        boolean hasJson = Files.isRegularFile(json);
        if (hasCsv && hasJson) {
            run.source = "manifest.csv and manifest.json";
            run.problems.add(SetProblem.at(root.getFileName() == null ? root.toString() : root.getFileName().toString(),
                    "has both manifest.csv and manifest.json; keep one of them"));
            return null;
        }
        return hasCsv ? csv : hasJson ? json : null;
    }

    private static void fromManifest(Path manifest, Run run) {
        run.manifestName = manifest.getFileName().toString();
        run.source = run.manifestName;
        ManifestReader.Content content = ManifestReader.read(manifest);
        run.problems.addAll(content.problems());
        Set<Path> excluded = new HashSet<>(List.of(manifest, run.root.resolve(ManifestFormat.CSV.fileName()),
                run.root.resolve(ManifestFormat.JSON.fileName()), run.root.resolve(CONTACT_SHEET)));
        List<String> present = FolderFiles.list(run.root, excluded);
        Map<String, String> byLowerCase = new HashMap<>();
        present.forEach(f -> byLowerCase.putIfAbsent(f.toLowerCase(Locale.ROOT), f));

        Set<String> named = new HashSet<>();
        for (String file : content.named()) {
            try {
                named.add(FolderFiles.slashed(run.root.relativize(run.root.resolve(file).normalize())));
            } catch (InvalidPathException e) {
                // reported as a problem of its row already
            }
        }
        for (ManifestRow row : content.rows()) {
            Path file = run.root.resolve(row.file()).normalize();
            if (!Files.isRegularFile(file)) {
                String other = byLowerCase.get(row.file().toLowerCase(Locale.ROOT));
                run.problems.add(new SetProblem(run.manifestName, row.line(), "names '" + row.file()
                        + "', which is not in " + run.root
                        + (other != null ? " (there is '" + other + "': names are case-sensitive)" : "")
                        + "; fix the name or add the file"));
                continue;
            }
            String outside = InsideFolder.problem(run.root, file);
            if (outside != null) {
                run.problems.add(new SetProblem(run.manifestName, row.line(), "file '" + row.file() + "' " + outside));
                continue;
            }
            run.entries.add(new Located(row.toEntry(run.name), row.line()));
        }
        for (String file : present) {
            if (!named.contains(file)) {
                run.warnings.add(SetProblem.at(file, "is not named by " + run.manifestName + ", so it is not part of the"
                        + " set"));
            }
        }
    }

    private static void fromScheme(NamingScheme chosen, Run run) {
        List<String> files = FolderFiles.list(run.root, Set.of());
        NamingScheme scheme = chosen != null ? chosen : mostMatching(files);
        if (scheme == null) {
            run.problems.add(SetProblem.at(run.name, "has no manifest.csv or manifest.json, and no file names follow "
                    + NamingScheme.standard().stream().map(s -> s.name() + " (" + s.example() + ")")
                    .collect(Collectors.joining(" or ")) + " naming; write a manifest.csv with the columns file,"
                    + " identity, expression, continuum, level"));
            return;
        }
        run.source = scheme.name() + " file names";
        for (String file : files) {
            String fileName = file.substring(file.lastIndexOf('/') + 1);
            Optional<NamingScheme.Match> match = scheme.match(fileName);
            if (match.isEmpty()) {
                run.warnings.add(SetProblem.at(file, "does not follow " + scheme.name() + " naming (e.g. "
                        + scheme.example() + "), so it is not part of the set"));
            } else if (!match.get().used()) {
                run.skipped.add(SetProblem.at(file, match.get().skipReason()));
            } else {
                String outside = InsideFolder.problem(run.root, Path.of(file));
                if (outside != null) {
                    run.problems.add(SetProblem.at(file, outside));
                    continue;
                }
                NamingScheme.Match m = match.get();
                StimulusRef ref = StimulusRef.prototype(run.name, m.identity(), m.expression());
                run.entries.add(new Located(new StimulusEntry(file, ref, m.attributes()), 0));
            }
        }
    }

    private static NamingScheme mostMatching(List<String> files) {
        NamingScheme best = null;
        long bestCount = 0;
        for (NamingScheme scheme : NamingScheme.standard()) {
            long count = files.stream()
                    .filter(f -> scheme.match(f.substring(f.lastIndexOf('/') + 1)).isPresent())
                    .count();
            if (count > bestCount) {
                best = scheme;
                bestCount = count;
            }
        }
        return best;
    }

    private static void duplicates(Run run, boolean fromManifest) {
        Map<String, List<Located>> byKey = new LinkedHashMap<>();
        for (Located located : run.entries) {
            byKey.computeIfAbsent(key(located.entry().ref()), k -> new ArrayList<>()).add(located);
        }
        for (Map.Entry<String, List<Located>> group : byKey.entrySet()) {
            List<Located> all = group.getValue();
            if (all.size() < 2) {
                continue;
            }
            String list = all.stream().map(Located::where).collect(Collectors.joining(", "));
            String message = all.size() + " images for the one stimulus " + group.getKey() + ": " + list
                    + (fromManifest ? "; keep one row per stimulus" : "; keep one of the files");
            Located second = all.get(1);
            run.problems.add(fromManifest
                    ? new SetProblem(run.manifestName, second.line(), message)
                    : SetProblem.at(second.entry().file(), message));
        }
    }

    /** identity/expression or identity/continuum@level: the stimulus without the set's name. */
    private static String key(StimulusRef ref) {
        return ref.expression() != null
                ? ref.identity() + "/" + ref.expression()
                : ref.identity() + "/" + ref.continuum() + "@" + ref.level();
    }

    /** Decodes every distinct file (in parallel; results in file order) and groups the files by size. */
    private static Map<ImageSize, List<String>> readImages(Run run) {
        List<String> files = run.entries.stream().map(l -> l.entry().file()).distinct().toList();
        ImageSize[] sizes = new ImageSize[files.size()];
        String[] failures = new String[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            try {
                Raster image = RasterFiles.read(run.root.resolve(files.get(i)));
                sizes[i] = new ImageSize(image.width(), image.height());
            } catch (TandemException e) {
                failures[i] = e.getMessage();
            }
        });
        Map<ImageSize, List<String>> bySize = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            if (failures[i] != null) {
                run.problems.add(SetProblem.at(files.get(i), failures[i]));
            } else {
                bySize.computeIfAbsent(sizes[i], s -> new ArrayList<>()).add(files.get(i));
            }
        }
        return bySize.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<ImageSize, List<String>> e) -> -e.getValue().size()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static void sizeProblems(Map<ImageSize, List<String>> sizes, Integer resizeTo, Run run) {
        if (sizes.size() < 2 || resizeTo != null) {
            return;
        }
        Map.Entry<ImageSize, List<String>> common = sizes.entrySet().iterator().next();
        for (Map.Entry<ImageSize, List<String>> other : sizes.entrySet()) {
            if (other.getKey().equals(common.getKey())) {
                continue;
            }
            for (String file : other.getValue()) {
                run.problems.add(SetProblem.at(file, "is " + other.getKey() + " but most images of the set are "
                        + common.getKey() + " (" + common.getValue().size() + " files); make every image one size, or"
                        + " give resizeTo N to resize each to N×N on load"));
            }
        }
    }
}
