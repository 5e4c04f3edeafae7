package org.tandem.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;
import org.tandem.protocols.TandemException;

/**
 * The seal file ({@code <base>.seal}) of a store: two fixed slots of {@value #SLOT} bytes, written in turn, each a line
 * with its own CRC. A write that tears one slot (power loss mid-write) leaves the other, one count behind, which the
 * reader then takes. Each write is overwritten in place and fsynced, so it needs no new disk blocks: it still works when
 * the disk is full.
 */
final class SealFile implements AutoCloseable {
    static final int SLOT = 256;

    /** What reading a seal found. */
    sealed interface Reading {
        record Absent() implements Reading {
        }

        record Valid(StoreSeal seal) implements Reading {
        }

        record Unreadable(String reason) implements Reading {
        }
    }

    private final Path file;
    private final FileChannel channel;

    private SealFile(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    static Reading read(StoreLocation location) {
        Path file = location.sealFile();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Reading.Absent();
        } catch (IOException e) {
            return new Reading.Unreadable("cannot read " + file + ": " + e.getMessage());
        }
        Optional<StoreSeal> best = Optional.empty();
        for (int slot = 0; slot * SLOT < bytes.length; slot++) {
            byte[] line = Arrays.copyOfRange(bytes, slot * SLOT, Math.min(bytes.length, (slot + 1) * SLOT));
            Optional<StoreSeal> seal = StoreSeal.parse(new String(line, StandardCharsets.US_ASCII));
            if (seal.isPresent() && (best.isEmpty() || seal.get().writes() > best.get().writes())) {
                best = seal;
            }
        }
        return best.<Reading>map(Reading.Valid::new)
                .orElseGet(() -> new Reading.Unreadable(file + " holds no valid seal"));
    }

    /** Opens (creating owner-only where absent) the seal file for writing. */
    static SealFile open(StoreLocation location) {
        Path file = location.sealFile();
        try {
            if (!Files.exists(file)) {
                if (OwnerOnlyFiles.posix(file.getParent())) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OwnerOnlyFiles.FILE));
                } else {
                    Files.createFile(file);
                }
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            return new SealFile(file, channel);
        } catch (IOException e) {
            throw new TandemException("cannot write the seal " + file + " beside the database (" + e.getMessage()
                    + "); check that you own the directory and that the disk has space", e);
        }
    }

    /** Writes the seal into its slot and fsyncs it. */
    void write(StoreSeal seal) {
        byte[] line = Arrays.copyOf((seal.toLine() + "\n").getBytes(StandardCharsets.US_ASCII), SLOT);
        Arrays.fill(line, seal.toLine().length() + 1, SLOT, (byte) ' ');
        line[SLOT - 1] = '\n';
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            long position = (seal.writes() % 2) * SLOT;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(false);
        } catch (IOException e) {
            throw StoreErrors.writeFailure("write the seal " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new TandemException("cannot close the seal " + file + " (" + e.getMessage() + ")", e);
        }
    }
}
