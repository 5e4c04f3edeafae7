package org.tandem.data;

import java.nio.file.Path;
import org.tandem.protocols.TandemException;

/**
 * Turns H2's and the file system's failures into messages a user can act on: a damaged file, a full disk, or the
 * reason in one plain line ({@code IO Exception: "…" [90028-232]} becomes the underlying cause).
 */
final class StoreErrors {
    private StoreErrors() {
    }

    /** The message for a file that is not a healthy Tandem database; the caller must not have changed the file. */
    static TandemException damaged(Path file, String reason, Throwable cause) {
        return new TandemException(file + " is damaged: " + reason + "; the file was not changed. Run `tandem db check"
                + " --db " + file + "` to see what is wrong, and restore it from a backup (`tandem db restore --help`)",
                cause);
    }

    /** A write that failed: a full disk says so; anything else names the operation and the cause. */
    static TandemException writeFailure(String what, Throwable e) {
        if (diskFull(e)) {
            return new TandemException("the disk is full (cannot " + what + ": No space left on device); everything"
                    + " committed before is kept. Free some space, then continue the session with --resume", e);
        }
        return new TandemException("cannot " + what + " (" + reason(e) + "); check the file system and its free space", e);
    }

    /** H2 found its file damaged while reading or writing (not a mistake in the query). */
    static boolean damage(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof StackOverflowError || t instanceof org.h2.mvstore.MVStoreException
                    || String.valueOf(t.getMessage()).contains("java.lang.StackOverflowError")
                    || (t instanceof java.sql.SQLException sql
                    && sql.getErrorCode() == org.h2.api.ErrorCode.FILE_CORRUPTED_1)) {
                return true;
            }
        }
        return false;
    }

    static boolean accessDenied(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.nio.file.AccessDeniedException
                    || String.valueOf(t.getMessage()).contains("Permission denied")) {
                return true;
            }
        }
        return false;
    }

    static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("No space left on device") || message.contains("There is not enough space on the disk")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * The innermost useful reason in one line, without H2's error code: a stack overflow inside H2 (a damaged page that
     * points back at itself) is named as such, an I/O error by its operating-system cause.
     */
    static String reason(Throwable e) {
        Throwable innermost = e;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof StackOverflowError || String.valueOf(t.getMessage()).contains("java.lang.StackOverflowError")) {
                return "its page structure loops or is nested impossibly deep";
            }
            if (t instanceof java.io.IOException && t.getMessage() != null) {
                innermost = t;
            }
        }
        String line = H2Connector.firstLine(innermost)
                .replaceFirst(";? ?SQL statement:$", "")
                .replaceAll(" ?\\[\\d{5}-\\d+]", "")                 // H2's error code: [90028-232]
                .replaceAll(" ?\\[\\d+\\.\\d+\\.\\d+/\\d+]", "")          // MVStore's: [2.3.232/6]
                .replaceFirst("^General error: ", "").replaceFirst("^IO Exception: ", "")
                .replaceAll("\"?(org\\.h2\\.mvstore\\.MVStoreException|java\\.io\\.IOException): ", "")
                .replaceAll("^\"|\"$", "").strip();
        return line.isBlank() || line.equals("null") ? e.getClass().getSimpleName() : line;
    }
}
