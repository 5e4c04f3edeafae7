package org.tandem.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.jdbc.JdbcSQLNonTransientException;
import org.junit.jupiter.api.Test;

/** H2's raw texts become plain reasons; damage and a full disk are recognised under H2's wrapping. */
class StoreErrorsTest {
    private static SQLException h2(String message, int code, Throwable cause) {
        return new JdbcSQLNonTransientException(message, null, "HY000", code, cause, null);
    }

    @Test
    void h2sCodesPrefixesAndQuotesAreLeftOut() {
        SQLException io = h2("IO Exception: \"java.io.IOException: Input/output error\" [90028-232]",
                ErrorCode.IO_EXCEPTION_1, null);
        assertThat(StoreErrors.reason(io)).isEqualTo("Input/output error");
        SQLException corrupted = h2("General error: \"org.h2.mvstore.MVStoreException: File corrupted in chunk 270,"
                + " expected page length 4..1024, got 0 [2.3.232/6]\"; SQL statement:\nSELECT 1 [50000-232]",
                ErrorCode.GENERAL_ERROR_1, null);
        assertThat(StoreErrors.reason(corrupted)).isEqualTo("File corrupted in chunk 270, expected page length 4..1024,"
                + " got 0");
    }

    @Test
    void aStackOverflowInsideH2IsNamedAsDamage() {
        SQLException overflow = h2("General error: \"java.lang.StackOverflowError\" [50000-232]",
                ErrorCode.GENERAL_ERROR_1, new StackOverflowError());
        assertThat(StoreErrors.reason(overflow)).isEqualTo("its page structure loops or is nested impossibly deep");
        assertThat(StoreErrors.damage(overflow)).isTrue();
        assertThat(StoreErrors.damage(h2("Syntax error [42000-232]", ErrorCode.SYNTAX_ERROR_1, null))).isFalse();
    }

    @Test
    void aFullDiskIsRecognisedUnderH2sWrapping() {
        SQLException full = h2("IO Exception: \"java.io.IOException: No space left on device\" [90028-232]",
                ErrorCode.IO_EXCEPTION_1, new IOException("No space left on device"));
        assertThat(StoreErrors.diskFull(full)).isTrue();
        assertThat(StoreErrors.writeFailure("record trial 3", full).getMessage())
                .startsWith("the disk is full (cannot record trial 3: No space left on device)");
    }
}
