package org.tandem.presenter;

import static org.lwjgl.glfw.GLFW.GLFW_PLATFORM_NULL;
import static org.lwjgl.glfw.GLFW.GLFW_PLATFORM_X11;

/**
 * Where the OpenGL context comes from. With an X display (a desk, or Xvfb in CI) GLFW opens a real X11 window; with no
 * display it uses its null platform with an EGL context (Mesa), which renders off screen and is enough for drawing and
 * read-back tests but has no input and no monitor.
 */
public enum GlPlatform {
    X11(GLFW_PLATFORM_X11),
    HEADLESS_EGL(GLFW_PLATFORM_NULL);

    private final int glfwPlatform;

    GlPlatform(int glfwPlatform) {
        this.glfwPlatform = glfwPlatform;
    }

    int glfwPlatform() {
        return glfwPlatform;
    }

    /** X11 when {@code display} (the value of {@code DISPLAY}) names a display, headless EGL otherwise. */
    public static GlPlatform forDisplay(String display) {
        return display == null || display.isBlank() ? HEADLESS_EGL : X11;
    }

    /** The platform for this process's environment. */
    public static GlPlatform current() {
        return forDisplay(System.getenv("DISPLAY"));
    }
}
