package org.tandem.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the store lives and how it is opened.
 *
 * @param path     the database file ({@code tandem.mv.db}) or its base path without the {@code .mv.db} ending;
 *                 see {@link TandemStore#defaultPath()}. Null for a server.
 * @param password null for an unencrypted database; otherwise the password of an AES-encrypted one (the CLI takes it from
 *                 {@code --db-password} or {@code TANDEM_DB_PASSWORD}). For a server, its user's password, where not
 *                 taken from the environment or a pass file. An empty password counts as none.
 * @param server   a lab server's database instead of a file; null for a file
 */
public record StoreOptions(Path path, String password, ServerAddress server) {
    public StoreOptions {
        if ((path == null) == (server == null)) {
            throw new IllegalArgumentException("a store is either a file or a server");
        }
        if (password != null && password.isEmpty()) {
            password = null;
        }
    }

    /** A store file. */
    public StoreOptions(Path path, String password) {
        this(Objects.requireNonNull(path, "path"), password, null);
    }

    /**
     * The store a {@code --db} value names: {@code postgresql://host:port/database} for a lab server, anything else a
     * file path.
     */
    public static StoreOptions of(String db, String password) {
        Objects.requireNonNull(db, "db");
        return ServerAddress.isServer(db) ? new StoreOptions(null, password, ServerAddress.parse(db))
                : new StoreOptions(Path.of(db), password);
    }

    /** Whether this store is a lab server's database. */
    public boolean onServer() {
        return server != null;
    }

    /** How messages name the store: its file or its server address. */
    public String name() {
        return server != null ? server.toString() : path.toString();
    }

    /** An unencrypted store at {@code path}. */
    public static StoreOptions at(Path path) {
        return new StoreOptions(path, null);
    }

    /** An unencrypted store at {@link TandemStore#defaultPath()}. */
    public static StoreOptions defaults() {
        return new StoreOptions(TandemStore.defaultPath(), null);
    }

    /** Whether a file is (to be) encrypted; a server's password is not encryption. */
    public boolean encrypted() {
        return server == null && password != null;
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "StoreOptions[" + (server != null ? "server=" + server : "path=" + path) + ", encrypted=" + encrypted()
                + "]";
    }
}
