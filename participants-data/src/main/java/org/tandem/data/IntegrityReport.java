package org.tandem.data;

import java.util.List;
import java.util.Map;

/**
 * What a check of a store found ({@link TandemStore#check}).
 *
 * @param schemaVersion the schema version in the file's history; 0 when it has none
 * @param writes        the write transactions the file holds; null before schema version 2 or when unreadable
 * @param rows          rows per table, in the order they were read
 * @param problems      each problem in one sentence; empty when the store is healthy
 * @param notes         what the check could not confirm, without being a problem
 */
public record IntegrityReport(int schemaVersion, Long writes, Map<String, Long> rows, List<String> problems,
                              List<String> notes) {
    public boolean clean() {
        return problems.isEmpty();
    }

    /** The schema is newer than this Tandem knows: nothing more could be checked. */
    public boolean newerSchema() {
        return schemaVersion > StoreVerifier.LATEST_SCHEMA;
    }
}
