package org.tandem.data;

/** Keeps the seal of a store opened for writing in step with its count of writes. */
final class Sealer implements AutoCloseable {
    private final SealFile file;
    private StoreSeal seal;

    Sealer(SealFile file, StoreSeal seal) {
        this.file = file;
        this.seal = seal;
    }

    /** Records that {@code writes} write transactions are durable in the database. */
    void seal(long writes) {
        seal = seal.withWrites(writes);
        file.write(seal);
    }

    @Override
    public void close() {
        file.close();
    }
}
