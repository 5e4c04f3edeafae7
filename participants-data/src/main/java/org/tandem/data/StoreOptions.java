package org.tandem.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the store lives and how it is opened.
 *
 * @param path     the database file ({@code tandem.mv.db}) or its base path without the {@code .mv.db} ending;
 *                 see {@link TandemStore#defaultPath()}
 * @param password null for an unencrypted database; otherwise the password of an AES-encrypted one (the CLI takes it from
 *                 {@code --db-password} or {@code TANDEM_DB_PASSWORD}). An empty password counts as none.
 */
public record StoreOptions(Path path, String password) {
    public StoreOptions {
        Objects.requireNonNull(path, "path");
        if (password != null && password.isEmpty()) {
            password = null;
        }
    }

    /** An unencrypted store at {@code path}. */
    public static StoreOptions at(Path path) {
        return new StoreOptions(path, null);
    }

    /** An unencrypted store at {@link TandemStore#defaultPath()}. */
    public static StoreOptions defaults() {
        return new StoreOptions(TandemStore.defaultPath(), null);
    }

    public boolean encrypted() {
        return password != null;
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "StoreOptions[path=" + path + ", encrypted=" + encrypted() + "]";
    }
}
