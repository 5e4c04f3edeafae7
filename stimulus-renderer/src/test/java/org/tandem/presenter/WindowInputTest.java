package org.tandem.presenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_A;
import static org.lwjgl.glfw.GLFW.GLFW_MOUSE_BUTTON_LEFT;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lwjgl.glfw.GLFWNativeX11;

/** Real X input (xdotool under Xvfb) reaches the queue through GLFW's callbacks with callback timestamps. */
class WindowInputTest {

    @Test
    void keysCharactersAndClicksArriveStampedOnTheFlipClock() throws Exception {
        assumeTrue(GlPlatform.current() == GlPlatform.X11, "input needs an X display (run under xvfb-run)");
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v xdotool").start().waitFor() == 0, "xdotool is needed");
        try (GlStage stage = new GlStage(320, 240)) {
            InputQueue queue = new InputQueue(64);
            stage.window.sendInputTo(queue);
            FrameLoop loop = new FrameLoop(stage.window, stage.canvas, 16_666_667, 100_000);
            loop.show(canvas -> { }, 5);
            long windowId = GLFWNativeX11.glfwGetX11Window(stage.window.handle());
            long before = System.nanoTime();
            Process robot = new ProcessBuilder("xdotool", "windowfocus", "--sync", Long.toString(windowId),
                    "mousemove", "--window", Long.toString(windowId), "100", "50", "click", "1", "key", "a")
                    .inheritIO().start();
            List<String> seen = new ArrayList<>();
            InputEvent event = new InputEvent();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (seen.size() < 3 && System.nanoTime() < deadline) {
                loop.reset();
                loop.show(canvas -> { }, 1);
                while (queue.poll(event)) {
                    assertThat(event.nanos()).isGreaterThan(before).isLessThanOrEqualTo(System.nanoTime());
                    switch (event.kind()) {
                        case CLICK -> {
                            assertThat(event.code()).isEqualTo(GLFW_MOUSE_BUTTON_LEFT);
                            assertThat(event.x()).isEqualTo(100);
                            assertThat(event.y()).isEqualTo(50);
                            seen.add("click");
                        }
                        case KEY -> {
                            assertThat(event.code()).isEqualTo(GLFW_KEY_A);
                            seen.add("key");
                        }
                        case CHARACTER -> {
                            assertThat(event.code()).isEqualTo('a');
                            seen.add("character");
                        }
                    }
                }
            }
            assertThat(robot.waitFor()).isZero();
            assertThat(seen).containsExactly("click", "key", "character");
        }
    }
}
