package org.tandem.presenter.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.TandemException;

/** Trigger bytes through jSerialComm on a real pseudo-terminal pair (socat), read back at the other end in order. */
class SerialTriggerPortTest {
    @TempDir
    Path dir;

    @Test
    void everyCodeArrivesInOrderAndItsSendTimeIsNoted() throws Exception {
        assumeTrue(PseudoTerminalPair.available(), "socat is needed (apt-get install socat)");
        try (PseudoTerminalPair pair = PseudoTerminalPair.open(dir);
             SerialTriggerPort port = SerialTriggerPort.open(pair.station().toString(), 115200);
             InputStream box = Files.newInputStream(pair.box())) {
            Triggers triggers = new Triggers(port, TriggerCodes.DEFAULT);
            long before = System.nanoTime();
            for (int code : new int[] {1, 2, 3, 4, 5, 255, 0, 128}) {
                triggers.send(code);
            }
            assertThat(box.readNBytes(7)).containsExactly(1, 2, 3, 4, 5, (byte) 255, (byte) 128);
            assertThat(triggers.sent()).as("0 sends nothing").isEqualTo(7);
            assertThat(triggers.code(5)).isEqualTo(255);
            assertThat(triggers.nanos(0)).isGreaterThan(before);
            for (int i = 1; i < triggers.sent(); i++) {
                assertThat(triggers.nanos(i)).isGreaterThanOrEqualTo(triggers.nanos(i - 1));
            }
            assertThat(port.describe()).endsWith("station-tty at 115200 baud");
        }
    }

    @Test
    void aPortThatCannotBeOpenedIsOneClearError() {
        assertThatThrownBy(() -> SerialTriggerPort.open(dir.resolve("no-such-tty").toString(), 115200))
                .isInstanceOf(TandemException.class).hasMessageContaining("no-such-tty");
        assertThatThrownBy(() -> new TriggerCodes(1, 2, 3, 4, 256)).isInstanceOf(TandemException.class)
                .hasMessageContaining("trialEnd is 256");
    }
}
