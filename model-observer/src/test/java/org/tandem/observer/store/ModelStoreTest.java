package org.tandem.observer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.observer.faceapi.ModelSpec;
import org.tandem.observer.weights.NamedWeights;
import org.tandem.protocols.TandemException;

/** Downloads the real face-api package from the public npm registry once for the class. */
class ModelStoreTest {
    @TempDir
    static Path root;
    static ModelStore store;

    @BeforeAll
    static void fetchOnce() {
        store = ModelStore.faceApi(root);
        store.fetch(false);
    }

    @Test
    void fetchInstallsExactlyThePinnedFiles() throws IOException {
        CachedModelSet status = store.status();
        assertThat(status.verified()).as(status.problems().toString()).isTrue();
        assertThat(status.folder()).isEqualTo(root.toAbsolutePath().resolve("face-api-1.7.15"));
        assertThat(status.files()).extracting(CachedModelSet.CachedFile::name)
                .containsExactlyElementsOf(FaceApiRelease.PACKAGE.files().keySet());
        try (Stream<Path> files = Files.list(store.folder())) {
            // the SSD detector and the tiny landmark net are in the tarball but Tandem does not load them
            assertThat(files).hasSize(10);
        }
        for (Map.Entry<String, String> pin : FaceApiRelease.PACKAGE.files().entrySet()) {
            assertThat(PinnedFileCheck.sha256(store.folder().resolve(pin.getKey()))).isEqualTo(pin.getValue());
        }
    }

    @Test
    void aVerifiedCacheIsNotDownloadedAgain() throws IOException {
        Path bin = store.folder().resolve("face_expression_model.bin");
        Object before = Files.readAttributes(bin, BasicFileAttributes.class).fileKey();
        assertThat(store.resolve()).isEqualTo(store.folder());
        assertThat(store.fetch(false)).isEqualTo(store.folder());
        assertThat(Files.readAttributes(bin, BasicFileAttributes.class).fileKey()).isEqualTo(before);
    }

    @Test
    void aTruncatedCachedFileIsDetectedAndFetchedAgain() throws IOException {
        Path bin = store.folder().resolve("face_expression_model.bin");
        long size = Files.size(bin);
        byte[] bytes = Files.readAllBytes(bin);
        Files.write(bin, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(store.status().verified()).isFalse();
        assertThat(store.status().problems()).containsExactly("face_expression_model.bin does not match its pinned SHA-256");

        store.resolve();

        assertThat(Files.size(bin)).isEqualTo(size);
        assertThat(store.status().verified()).isTrue();
    }

    @Test
    void aTamperedWeightFileIsNotUsedEvenWhenTheCachesChecksumFileAgrees() throws IOException {
        Path bin = store.folder().resolve("face_expression_model.bin");
        byte[] original = Files.readAllBytes(bin);
        float firstWeight = ModelSpec.parse("faceapi:expression").weights(store).all().get(0).values()[0];
        byte[] tampered = original.clone();
        tampered[0] ^= 0x40;   // same size, one weight changed
        Files.write(bin, tampered);
        // what older Tandem versions trusted: a checksum file in the cache, rewritten here to match the tampered bytes
        StringBuilder sums = new StringBuilder();
        for (String file : FaceApiRelease.PACKAGE.files().keySet()) {
            sums.append(PinnedFileCheck.sha256(store.folder().resolve(file))).append("  ").append(file).append('\n');
        }
        Files.writeString(store.folder().resolve("SHA256SUMS"), sums);

        ModelStore offline = new ModelStore(root, FaceApiRelease.PACKAGE, URI.create("http://127.0.0.1:9/"));
        assertThatThrownBy(() -> ModelSpec.parse("faceapi:expression").weights(offline))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining("the cached face-api weights in " + store.folder() + " are refused"
                        + " (face_expression_model.bin does not match its pinned SHA-256)")
                .hasMessageContaining("cannot reach 127.0.0.1")
                .hasMessageNotContaining("\n");
        assertThat(Files.readAllBytes(bin)).isEqualTo(tampered);

        NamedWeights weights = ModelSpec.parse("faceapi:expression").weights(store);

        assertThat(Files.readAllBytes(bin)).isEqualTo(original);
        assertThat(weights.all().get(0).values()[0]).isEqualTo(firstWeight);
    }

    @Test
    void aTamperedTarballFailsTheIntegrityCheck() throws IOException {
        byte[] tgz = tarball(Map.of("package/model/a.bin", "weights"));
        String published = TarballIntegrity.of(tgz);
        TarballIntegrity.verify(tgz, published, "test");
        tgz[tgz.length / 2] ^= 1;
        assertThatThrownBy(() -> TarballIntegrity.verify(tgz, published, "https://example/x.tgz"))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining("fails its integrity check")
                .hasMessageContaining("https://example/x.tgz");
        assertThatThrownBy(() -> TarballIntegrity.verify(tgz, FaceApiRelease.PACKAGE.integrity(), "test"))
                .isInstanceOf(TandemException.class);
    }

    @Test
    void offlineWithoutACacheSaysWhyAndToFetchWhileOnline(@TempDir Path empty) {
        // Port 9 (discard) on the loopback: nothing listens, so the connection is refused at once, like being offline.
        ModelStore offline = new ModelStore(empty, FaceApiRelease.PACKAGE, URI.create("http://127.0.0.1:9/"));
        assertThatThrownBy(offline::resolve)
                .isInstanceOf(TandemException.class)
                .hasMessageContaining("the face-api weights are not in " + offline.folder() + " and cannot be downloaded:"
                        + " cannot reach 127.0.0.1 (ConnectException: Connection refused)")
                .hasMessageContaining("run `tandem models fetch` while online")
                .hasMessageNotContaining("null");
        assertThat(offline.status().verified()).isFalse();
        assertThat(offline.status().problems()).containsExactly("not downloaded");
    }

    @Test
    void aRegistryWhoseNameDoesNotResolveIsNamedWithTheResolversReason(@TempDir Path empty) {
        // .invalid is reserved (RFC 2606): it never resolves, as when there is no network or no DNS
        ModelStore offline = new ModelStore(empty, FaceApiRelease.PACKAGE, URI.create("https://registry.invalid/"));
        assertThatThrownBy(() -> offline.fetch(false))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining("cannot be downloaded: cannot reach registry.invalid (UnknownHostException:"
                        + " registry.invalid")
                .hasMessageNotContaining("null");
        assertThat(empty).isEmptyDirectory();
    }

    @Test
    void theRegistryCanBeChosenByPropertyOrEnvironment() {
        assertThat(NpmRegistry.configured(null, Map.of())).isEqualTo(NpmRegistry.PUBLIC);
        assertThat(NpmRegistry.configured(null, Map.of("TANDEM_NPM_REGISTRY", "https://npm.example.org/")))
                .isEqualTo(URI.create("https://npm.example.org/"));
        assertThat(NpmRegistry.configured("http://127.0.0.1:4873/", Map.of("TANDEM_NPM_REGISTRY", "https://npm.example.org/")))
                .isEqualTo(URI.create("http://127.0.0.1:4873/"));
        assertThatThrownBy(() -> NpmRegistry.configured(null, Map.of("TANDEM_NPM_REGISTRY", "registry.npmjs.org")))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining("'registry.npmjs.org' given by TANDEM_NPM_REGISTRY is not an http(s) URL");
    }

    @Test
    void extractionRefusesEntriesThatLeaveTheModelFolder(@TempDir Path target) throws IOException {
        byte[] tgz = tarball(Map.of("package/model/../../evil.txt", "x"));
        assertThatThrownBy(() -> TarballExtractor.extract(tgz, "package/model/", Set.of("../../evil.txt"), target))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("points outside");
        assertThat(target.getParent().resolve("evil.txt")).doesNotExist();
    }

    @Test
    void extractionKeepsOnlyTheChosenFilesOfTheModelFolder(@TempDir Path target) throws IOException {
        byte[] tgz = tarball(Map.of("package/model/a.bin", "A", "package/model/b.bin", "B", "package/dist/a.bin", "js"));
        assertThat(TarballExtractor.extract(tgz, "package/model/", Set.of("a.bin"), target)).containsExactly("a.bin");
        assertThat(Files.readString(target.resolve("a.bin"))).isEqualTo("A");
    }

    @Test
    void scopedPackageNamesAreEncodedForTheRegistry() {
        assertThat(FaceApiRelease.PACKAGE.metadataUri(URI.create("https://registry.npmjs.org/")))
                .hasToString("https://registry.npmjs.org/@vladmandic%2fface-api/1.7.15");
    }

    static byte[] tarball(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey(), true);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
