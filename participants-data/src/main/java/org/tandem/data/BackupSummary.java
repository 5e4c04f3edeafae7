package org.tandem.data;

import java.nio.file.Path;

/**
 * A backup (or a restored database) after it was checked: the file, its size and what it holds.
 *
 * @param file     the backup zip, or the restored database file
 * @param bytes    its size
 * @param sessions sessions it holds
 * @param trials   trials it holds
 */
public record BackupSummary(Path file, long bytes, long sessions, long trials) {
}
