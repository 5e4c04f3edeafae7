package org.tandem.observer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void fetchInstallsTheVerifiedModelFolder() {
        CachedModelSet status = store.status();
        assertThat(status.verified()).as(status.problems().toString()).isTrue();
        assertThat(status.folder()).isEqualTo(root.toAbsolutePath().resolve("face-api-1.7.15"));
        assertThat(status.files()).extracting(CachedModelSet.CachedFile::name).contains(
                "face_expression_model.bin", "face_expression_model-weights_manifest.json",
                "face_recognition_model.bin", "age_gender_model.bin", "face_landmark_68_model.bin", ChecksumFile.NAME);
        assertThat(status.files()).hasSize(15);   // 14 model files and the checksum file
    }

    @Test
    void aVerifiedCacheIsNotDownloadedAgain() throws IOException {
        Path sums = store.folder().resolve(ChecksumFile.NAME);
        FileTime before = Files.getLastModifiedTime(sums);
        assertThat(store.resolve()).isEqualTo(store.folder());
        assertThat(store.fetch(false)).isEqualTo(store.folder());
        assertThat(Files.getLastModifiedTime(sums)).isEqualTo(before);
    }

    @Test
    void aTruncatedCachedFileIsDetectedAndFetchedAgain() throws IOException {
        Path bin = store.folder().resolve("face_expression_model.bin");
        long size = Files.size(bin);
        byte[] bytes = Files.readAllBytes(bin);
        Files.write(bin, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(store.status().verified()).isFalse();
        assertThat(store.status().problems()).containsExactly("face_expression_model.bin does not match its SHA-256");

        store.resolve();

        assertThat(Files.size(bin)).isEqualTo(size);
        assertThat(store.status().verified()).isTrue();
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
        assertThatThrownBy(() -> TarballIntegrity.verify(tgz, NpmPackage.FACE_API.integrity(), "test"))
                .isInstanceOf(TandemException.class);
    }

    @Test
    void offlineWithoutACacheSaysToFetchWhileOnline(@TempDir Path empty) {
        // Port 9 (discard) on the loopback: nothing listens, so the connection is refused at once, like being offline.
        ModelStore offline = new ModelStore(empty, NpmPackage.FACE_API, URI.create("http://127.0.0.1:9/"));
        assertThatThrownBy(offline::resolve)
                .isInstanceOf(TandemException.class)
                .hasMessageContaining("run `tandem models fetch` while online")
                .hasMessageContaining(empty.toAbsolutePath().toString());
        assertThat(offline.status().verified()).isFalse();
        assertThat(offline.status().problems()).containsExactly("not downloaded");
    }

    @Test
    void extractionRefusesEntriesThatLeaveTheModelFolder(@TempDir Path target) throws IOException {
        byte[] tgz = tarball(Map.of("package/model/../../evil.txt", "x"));
        assertThatThrownBy(() -> TarballExtractor.extract(tgz, "package/model/", target))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("points outside");
        assertThat(target.getParent().resolve("evil.txt")).doesNotExist();
    }

    @Test
    void extractionKeepsOnlyTheModelFolder(@TempDir Path target) throws IOException {
        byte[] tgz = tarball(Map.of("package/model/a.bin", "A", "package/dist/face-api.js", "js"));
        assertThat(TarballExtractor.extract(tgz, "package/model/", target)).containsExactly("a.bin");
        assertThat(Files.readString(target.resolve("a.bin"))).isEqualTo("A");
    }

    @Test
    void tandemHomeMovesTheModelRoot() {
        assertThat(ModelHome.resolve(Map.of("TANDEM_HOME", "/data/t"), "/home/u")).isEqualTo(Path.of("/data/t/models"));
        assertThat(ModelHome.resolve(Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.cache/tandem/models"));
    }

    @Test
    void scopedPackageNamesAreEncodedForTheRegistry() {
        assertThat(NpmPackage.FACE_API.metadataUri(URI.create("https://registry.npmjs.org/")))
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
