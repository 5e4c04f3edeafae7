package org.tandem.presenter.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.tandem.presenter.Station;
import org.tandem.presenter.WindowSettings;
import org.tandem.presenter.screen.ResponseScreen;
import org.tandem.protocols.BuiltinProtocols;

/**
 * Waiting for an answer must not allocate per frame either: the response screen shown by {@link Hold} with the
 * {@link AnswerReader} polling the input queue every frame (exact per-thread allocation counter, not timed).
 */
class ResponseWaitAllocationTest {
    private static final int WARM_UP = 3000;
    private static final int FRAMES = 2000;

    @Test
    void theResponseWaitAllocatesNothingPerFrame() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ResponseRules rules = ResponseRules.of(BuiltinProtocols.resolve("expression-6way").read());
        try (Station station = Station.open(WindowSettings.windowed(640, 480), true)) {
            ResponseScreen screen = station.screens().response("Which expression?", rules.boxTexts());
            AnswerReader reader = new AnswerReader(station.input(), rules, screen.boxes());
            Hold hold = new Hold(station, ScreenWatcher.NONE);
            int[] frames = {0, WARM_UP};
            org.tandem.presenter.FrameLoop.Condition answeredOrDone = flip -> reader.read() || ++frames[0] >= frames[1];
            reader.start(0);
            hold.until("response", 0, screen, 0, answeredOrDone);
            frames[0] = 0;
            frames[1] = FRAMES;
            long before = threads.getCurrentThreadAllocatedBytes();
            hold.until("response", 0, screen, 0, answeredOrDone);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(frames[0]).isEqualTo(FRAMES);
            assertThat(allocated).as("bytes allocated in " + FRAMES + " frames of waiting").isLessThan(FRAMES);
        }
    }
}
