package org.tandem.engine.serve;

import java.nio.file.Path;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;

/** A second process holding the database open, as a station does: prints OPEN, then waits until killed. */
public final class HeldStoreMain {
    private HeldStoreMain() {
    }

    public static void main(String[] args) throws Exception {
        try (TandemStore store = TandemStore.open(StoreOptions.at(Path.of(args[0])))) {
            store.studies();
            System.out.println("OPEN");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
