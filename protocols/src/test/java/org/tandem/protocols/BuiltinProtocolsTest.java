package org.tandem.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.validation.InvalidProtocolException;

/** Finding and reading a protocol file: what is refused before the text is parsed, each in one line. */
class BuiltinProtocolsTest {
    private static final String ABX = BuiltinProtocols.resolve("expression-abx").json();

    @Test
    void aFileThatIsNotUtf8NamesTheOffsetOfTheFirstBadByte(@TempDir Path dir) throws IOException {
        byte[] text = ABX.getBytes(StandardCharsets.UTF_8);
        int offset = ABX.indexOf("\"step\"");
        byte[] bad = new byte[text.length + 1];
        System.arraycopy(text, 0, bad, 0, offset);
        bad[offset] = (byte) 0xFF;
        System.arraycopy(text, offset, bad, offset + 1, text.length - offset);
        Path file = Files.write(dir.resolve("latin.json"), bad);
        String[] before = ABX.substring(0, offset).split("\n", -1);
        assertThatThrownBy(() -> BuiltinProtocols.resolve(file.toString())).isInstanceOf(TandemException.class)
                .hasMessage(file + ": not UTF-8 text: byte 0xFF at byte offset " + offset + " (line " + before.length
                        + ", column " + (before[before.length - 1].length() + 1) + ") is not valid UTF-8; save the file as UTF-8");
    }

    @Test
    void aCharacterCutOffAtTheEndIsNamedToo(@TempDir Path dir) throws IOException {
        byte[] euro = "{\"title\": \"€".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("cut.json"), java.util.Arrays.copyOf(euro, euro.length - 1));
        assertThatThrownBy(() -> BuiltinProtocols.resolve(file.toString()))
                .hasMessageContaining("byte 0xE2 at byte offset 11 (line 1, column 12)");
    }

    @Test
    void aFolderIsNamedAsSuch(@TempDir Path dir) {
        assertThatThrownBy(() -> BuiltinProtocols.resolve(dir.toString())).isInstanceOf(TandemException.class)
                .hasMessage(dir + " is a folder, not a protocol file; give the protocol's JSON file (e.g. "
                        + dir.resolve("protocol.json") + ") or a built-in name (see: tandem protocol list)");
    }

    @Test
    void anEmptyFileIsALocatedProblem(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("empty.json"), "");
        InvalidProtocolException e = catchThrowableOfType(InvalidProtocolException.class,
                () -> BuiltinProtocols.resolve(file.toString()).read());
        assertThat(e.getMessage()).startsWith(file + ": line 1, column 1, $: the protocol is empty").doesNotContain("\n");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheText(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bom.json"), "\uFEFF" + ABX);
        assertThat(BuiltinProtocols.resolve(file.toString()).read().id()).isEqualTo("expression-abx");
    }

    @Test
    void aFileFarLargerThanAnyProtocolIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.json");
        try (var out = Files.newOutputStream(file)) {
            out.write(new byte[ProtocolLimits.MAX_FILE_BYTES + 1]);
        }
        assertThatThrownBy(() -> BuiltinProtocols.resolve(file.toString())).isInstanceOf(TandemException.class)
                .hasMessage(file + ": the file is larger than 8 MiB, far more than any protocol needs; check that it is"
                        + " the protocol file");
    }

    @Test
    void aNameNoFileCanHaveIsNotFound() {
        assertThatThrownBy(() -> BuiltinProtocols.resolve("bad\0name")).isInstanceOf(TandemException.class)
                .hasMessageStartingWith("no protocol file or built-in protocol named 'bad\0name'");
    }
}
