package org.tandem.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.presenter.screen.ParticipantCodeScreen;
import org.tandem.presenter.screen.Screens;

/**
 * The frame loop must not allocate on the Java heap once warmed up, so garbage collection cannot pause a stimulus.
 * Counted with the JVM's per-thread allocation counter, which is exact, not timed.
 */
class SteadyStateAllocationTest {
    private static final int WARM_UP = 3000;
    private static final int FRAMES = 2000;

    @Test
    void noScreenAllocatesPerFrame() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (GlStage stage = new GlStage(640, 480);
             Texture texture = Texture.of(PixelExactTextureTest.noise(64, 64, 1))) {
            Screens screens = stage.screens;
            ParticipantCodeScreen code = screens.participantCode();
            code.type('A');
            Map<String, Screen> all = new LinkedHashMap<>();
            all.put("stimulus", screens.stimulus(texture, new StimulusSize.Native()));
            all.put("scaled stimulus", screens.stimulus(texture, new StimulusSize.Pixels(100)));
            all.put("fixation", screens.fixation());
            all.put("response", screens.response("Which emotion?", List.of("anger", "fear", "happiness")));
            all.put("instructions", screens.instructions("Instructions", "Look at the face and answer."));
            all.put("participant code", code);
            all.put("break", screens.rest(10, 40));
            FrameLoop loop = new FrameLoop(stage.window, stage.canvas, 16_666_667, WARM_UP);
            for (Map.Entry<String, Screen> entry : all.entrySet()) {
                loop.reset();
                loop.show(entry.getValue(), WARM_UP);
                loop.reset();
                long before = threads.getCurrentThreadAllocatedBytes();
                loop.show(entry.getValue(), FRAMES);
                long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                assertThat(allocated).as(entry.getKey() + ": bytes allocated in " + FRAMES + " frames")
                        .isLessThan(FRAMES);
            }
        }
    }
}
