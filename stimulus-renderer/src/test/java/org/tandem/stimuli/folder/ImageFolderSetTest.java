package org.tandem.stimuli.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.transform.Resize;

/** Images come back by StimulusRef, pixel for pixel, or resized when asked. */
class ImageFolderSetTest {

    @TempDir
    Path dir;

    @Test
    void imagesByStimulus() {
        Raster happy = TestImages.png(dir.resolve("h.png"), 5, 4, 10);
        Raster morph = TestImages.png(dir.resolve("m.png"), 5, 4, 20);
        TestImages.text(dir.resolve("manifest.csv"), "file,identity,expression,continuum,level\n"
                + "h.png,F01,happy,,\nm.png,avg,,sad-happy,30.0\n");

        ImageFolderSet set = ImageFolderSet.open(dir, FolderSetOptions.defaults().withName("lab"));
        assertThat(set.name()).isEqualTo("lab");
        assertThat(set.refs()).containsExactly(StimulusRef.prototype("lab", "F01", "happy"),
                StimulusRef.morph("lab", "avg", "sad-happy", "30"));
        assertThat(set.image(StimulusRef.prototype("lab", "F01", "happy"))).isEqualTo(happy);
        assertThat(set.image(StimulusRef.morph("lab", "avg", "sad-happy", "30"))).isEqualTo(morph);
        assertThat(set.imageSize()).isEqualTo(new ImageSize(5, 4));
    }

    @Test
    void resizedOnLoad() {
        Raster big = TestImages.png(dir.resolve("a.png"), 8, 8, 1);
        TestImages.png(dir.resolve("b.png"), 3, 5, 2);
        TestImages.text(dir.resolve("manifest.csv"), "file,identity,expression\na.png,x,happy\nb.png,x,sad\n");

        ImageFolderSet set = ImageFolderSet.open(dir, FolderSetOptions.defaults().withName("s").withResizeTo(4));
        Raster a = set.image(StimulusRef.prototype("s", "x", "happy"));
        assertThat(a).isEqualTo(Resize.to(big, 4));
        assertThat(set.image(StimulusRef.prototype("s", "x", "sad")).width()).isEqualTo(4);
        assertThat(set.image(StimulusRef.prototype("s", "x", "sad")).height()).isEqualTo(4);
    }

    @Test
    void unknownStimuliAreNamed() {
        TestImages.png(dir.resolve("a.png"), 2, 2, 1);
        TestImages.text(dir.resolve("manifest.csv"), "file,identity,expression\na.png,x,happy\n");
        ImageFolderSet set = ImageFolderSet.open(dir, FolderSetOptions.defaults().withName("s"));

        assertThatThrownBy(() -> set.image(StimulusRef.prototype("s", "x", "sad")))
                .isInstanceOf(TandemException.class).hasMessageContaining("has no image for s/x/sad");
        assertThatThrownBy(() -> set.image(StimulusRef.prototype("other", "x", "happy")))
                .isInstanceOf(TandemException.class).hasMessageContaining("belongs to set 'other', not to 's'");
    }

    @Test
    void anImageReplacedAfterTheCheckIsCaught() {
        TestImages.png(dir.resolve("a.png"), 2, 2, 1);
        TestImages.text(dir.resolve("manifest.csv"), "file,identity,expression\na.png,x,happy\n");
        ImageFolderSet set = ImageFolderSet.open(dir, FolderSetOptions.defaults().withName("s"));
        TestImages.png(dir.resolve("a.png"), 3, 2, 1);

        assertThatThrownBy(() -> set.image(StimulusRef.prototype("s", "x", "happy")))
                .isInstanceOf(TandemException.class).hasMessageContaining("is now 3x2 but was 2x2");
    }

    @Test
    void aLinkOutOfTheFolderPutInPlaceAfterTheCheckIsRefused() throws IOException {
        TestImages.png(dir.resolve("set/a.png"), 2, 2, 1);
        TestImages.png(dir.resolve("elsewhere/a.png"), 2, 2, 9);
        TestImages.text(dir.resolve("set/manifest.csv"), "file,identity,expression\na.png,x,happy\n");
        ImageFolderSet set = ImageFolderSet.open(dir.resolve("set"), FolderSetOptions.defaults().withName("s"));
        Files.delete(dir.resolve("set/a.png"));
        Files.createSymbolicLink(dir.resolve("set/a.png"), dir.resolve("elsewhere/a.png"));

        assertThatThrownBy(() -> set.image(StimulusRef.prototype("s", "x", "happy")))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining("set/a.png leads outside the set's folder through a symbolic link");
    }
}
