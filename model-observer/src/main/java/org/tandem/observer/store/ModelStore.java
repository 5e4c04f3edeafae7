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

/**
 * The local cache of one npm package's {@code package/model/} folder. A folder is used only when every file matches the
 * {@code SHA256SUMS} written at install time; a missing, truncated or altered file makes the store fetch the package again
 * rather than load it. Installs go to a scratch folder first and are moved into place complete.
 */
public final class ModelStore {
    private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);
    private static final String MODEL_PREFIX = "package/model/";

    private final Path root;
    private final NpmPackage pkg;
    private final NpmRegistry registry;

    public ModelStore(Path root, NpmPackage pkg, URI registry) {
        this.root = root.toAbsolutePath().normalize();
        this.pkg = pkg;
        this.registry = new NpmRegistry(registry);
    }

    /** The face-api weights under {@link ModelHome#resolve()}, from the public npm registry. */
    public static ModelStore faceApi() {
        return new ModelStore(ModelHome.resolve(), NpmPackage.FACE_API, NpmRegistry.PUBLIC);
    }

    /** The face-api weights under {@code root}, from the public npm registry. */
    public static ModelStore faceApi(Path root) {
        return new ModelStore(root, NpmPackage.FACE_API, NpmRegistry.PUBLIC);
    }

    public NpmPackage pkg() {
        return pkg;
    }

    /** The folder the model files are (or will be) in. */
    public Path folder() {
        return root.resolve(pkg.cacheName());
    }

    /**
     * The verified model folder, downloading the package first when the cache is missing or fails its checksums.
     *
     * @throws TandemException when the cache is unusable and the package cannot be downloaded
     */
    public Path resolve() {
        List<String> problems = problems();
        if (problems.isEmpty()) {
            return folder();
        }
        if (Files.exists(folder())) {
            LOG.warn("model cache {} is not usable ({}); fetching {} {} again", folder(), String.join("; ", problems),
                    pkg.name(), pkg.version());
        }
        return install();
    }

    /** Downloads and installs the package unless a verified copy is already cached; returns the folder. */
    public Path fetch(boolean force) {
        if (!force && problems().isEmpty()) {
            return folder();
        }
        return install();
    }

    /** What is cached, with sizes and the checksum verdict. */
    public CachedModelSet status() {
        List<CachedModelSet.CachedFile> files = new ArrayList<>();
        if (Files.isDirectory(folder())) {
            try (Stream<Path> list = Files.list(folder())) {
                for (Path file : list.filter(Files::isRegularFile).sorted().toList()) {
                    files.add(new CachedModelSet.CachedFile(file.getFileName().toString(), Files.size(file)));
                }
            } catch (IOException e) {
                throw new TandemException("cannot list the model cache " + folder() + ": " + e.getMessage()
                        + "; check its permissions or delete it and run `tandem models fetch`", e);
            }
        }
        return new CachedModelSet(pkg.cacheName(), folder(), files, problems());
    }

    private List<String> problems() {
        if (!Files.isDirectory(folder())) {
            return List.of("not downloaded");
        }
        try {
            return ChecksumFile.problems(folder());
        } catch (IOException e) {
            return List.of("unreadable: " + e.getMessage());
        }
    }

    private Path install() {
        byte[] tarball;
        try {
            NpmRegistry.Dist dist = registry.dist(pkg);
            if (!dist.integrity().equals(pkg.integrity())) {
                throw new TandemException("the npm registry " + registry.registry() + " lists integrity " + dist.integrity()
                        + " for " + pkg.name() + " " + pkg.version() + ", not the pinned " + pkg.integrity()
                        + "; refusing to use it (check for a proxy or mirror that rewrites packages)");
            }
            tarball = registry.download(dist.tarball());
            TarballIntegrity.verify(tarball, pkg.integrity(), dist.tarball().toString());
        } catch (IOException e) {
            throw new TandemException("the face-api weights are not in " + folder() + " and cannot be downloaded ("
                    + e.getMessage() + "); run `tandem models fetch` while online, or set TANDEM_HOME to a folder"
                    + " that has them", e);
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
            List<String> files = TarballExtractor.extract(tarball, MODEL_PREFIX, scratch);
            if (files.isEmpty()) {
                throw new IOException("the tarball has no " + MODEL_PREFIX + " files");
            }
            ChecksumFile.write(scratch, files);
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
