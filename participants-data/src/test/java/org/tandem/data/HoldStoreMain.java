package org.tandem.data;

import java.nio.file.Path;

/** Child process for the lock test: opens the store given as argument, says OPEN, and keeps it open until killed. */
public final class HoldStoreMain {
    private HoldStoreMain() {
    }

    public static void main(String[] args) throws Exception {
        TandemStore store = TandemStore.open(StoreOptions.at(Path.of(args[0])));
        store.ensureStudy("held");
        System.out.println("OPEN");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
        store.close();
    }
}
