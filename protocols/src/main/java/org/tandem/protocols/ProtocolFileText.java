package org.tandem.protocols;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The text of a protocol file: at most {@link ProtocolLimits#MAX_FILE_BYTES} of strict UTF-8 (a leading byte-order mark is
 * dropped). A file that is too large is refused before it is read, so a wrong path cannot exhaust the heap; a byte that is
 * not UTF-8 is reported by its offset, line and column, not replaced by a question mark that would fail later elsewhere.
 */
final class ProtocolFileText {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private ProtocolFileText() {
    }

    /** @param name how the user named the file, for messages */
    static String read(Path path, String name) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            // one byte over the limit is enough to know the file is too large, whatever its size claims
            bytes = in.readNBytes(ProtocolLimits.MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new TandemException(name + ": no such protocol file");
        } catch (IOException e) {
            throw new TandemException(name + ": cannot read the protocol file (" + e.getMessage()
                    + "); check that it exists and is readable", e);
        }
        if (bytes.length > ProtocolLimits.MAX_FILE_BYTES) {
            throw new TandemException(String.format(Locale.ROOT, "%s: the file is larger than %d MiB, far more than any"
                    + " protocol needs; check that it is the protocol file", name, ProtocolLimits.MAX_FILE_BYTES >> 20));
        }
        String text = decode(bytes, name);
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    static String decode(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw notUtf8(bytes, in.position(), out.flip(), name);
        }
        return out.flip().toString();
    }

    /** Names the first bad byte by offset, and by line and column counted in the text before it. */
    private static TandemException notUtf8(byte[] bytes, int offset, CharBuffer before, String name) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.limit(); i++) {
            if (before.get(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // the decoder stops at the first byte of a bad sequence, so a truncated last character is named too
        return new TandemException(String.format(Locale.ROOT, "%s: not UTF-8 text: byte 0x%02X at byte offset %d (line %d,"
                        + " column %d) is not valid UTF-8; save the file as UTF-8", name, bytes[offset] & 0xFF, offset, line,
                before.limit() - lineStart + 1));
    }
}
