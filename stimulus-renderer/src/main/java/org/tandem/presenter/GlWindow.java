package org.tandem.presenter;

import static org.lwjgl.glfw.GLFW.*;
import static org.lwjgl.opengl.GL11C.glFinish;

import org.lwjgl.PointerBuffer;
import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.glfw.GLFWVidMode;
import org.lwjgl.opengl.GL;
import org.lwjgl.system.MemoryStack;
import org.tandem.protocols.TandemException;

import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import org.lwjgl.glfw.Callbacks;
import org.lwjgl.system.MemoryUtil;

/**
 * A GLFW window with a current OpenGL 3.3 core context and vsync on. One per process at a time: it initialises GLFW on
 * open and terminates it on close. All calls must come from the thread that opened it.
 */
public final class GlWindow implements AutoCloseable {
    private final long handle;
    private final GlPlatform platform;
    private final int framebufferWidth;
    private final int framebufferHeight;
    private final double nominalRefreshHz;
    private final GLFWErrorCallback errorCallback;
    private InputQueue input;
    private final DoubleBuffer cursorX = MemoryUtil.memAllocDouble(1);
    private final DoubleBuffer cursorY = MemoryUtil.memAllocDouble(1);

    private GlWindow(long handle, GlPlatform platform, int framebufferWidth, int framebufferHeight,
                     double nominalRefreshHz, GLFWErrorCallback errorCallback) {
        this.handle = handle;
        this.platform = platform;
        this.framebufferWidth = framebufferWidth;
        this.framebufferHeight = framebufferHeight;
        this.nominalRefreshHz = nominalRefreshHz;
        this.errorCallback = errorCallback;
    }

    /** Opens a window on the platform this process's environment calls for ({@link GlPlatform#current()}). */
    public static GlWindow open(WindowSettings settings) {
        return open(settings, GlPlatform.current());
    }

    /**
     * @throws TandemException when GLFW cannot start, the screen does not exist, or no OpenGL 3.3 core context can be made
     */
    public static GlWindow open(WindowSettings settings, GlPlatform platform) {
        GlfwErrors errors = new GlfwErrors();
        GLFWErrorCallback callback = GLFWErrorCallback.create(errors);
        glfwSetErrorCallback(callback);
        glfwInitHint(GLFW_PLATFORM, platform.glfwPlatform());
        if (!glfwInit()) {
            callback.free();
            throw new TandemException("cannot start GLFW on the " + platform + " platform (" + errors.last()
                    + "); under X check DISPLAY, without a display check that Mesa's EGL (libegl-mesa0) is installed");
        }
        try {
            long monitor = settings.fullscreen() ? monitor(settings.screen()) : glfwGetPrimaryMonitor();
            GLFWVidMode mode = monitor == 0 ? null : glfwGetVideoMode(monitor);
            glfwDefaultWindowHints();
            glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
            glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
            glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
            glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
            glfwWindowHint(GLFW_DOUBLEBUFFER, GLFW_TRUE);
            glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
            if (platform == GlPlatform.HEADLESS_EGL) {
                glfwWindowHint(GLFW_CONTEXT_CREATION_API, GLFW_EGL_CONTEXT_API);
            }
            int width = settings.width();
            int height = settings.height();
            if (settings.fullscreen() && mode != null) {
                glfwWindowHint(GLFW_REFRESH_RATE, mode.refreshRate());
                width = mode.width();
                height = mode.height();
            }
            long window = glfwCreateWindow(width, height, settings.title(), settings.fullscreen() ? monitor : 0, 0);
            if (window == 0) {
                throw new TandemException("cannot open an OpenGL 3.3 core window on the " + platform + " platform ("
                        + errors.last() + "); the graphics driver must support OpenGL 3.3 (Mesa does)");
            }
            glfwMakeContextCurrent(window);
            GL.createCapabilities();
            glfwSwapInterval(1);
            int[] size = framebufferSize(window);
            return new GlWindow(window, platform, size[0], size[1], mode == null ? 0 : mode.refreshRate(), callback);
        } catch (RuntimeException e) {
            glfwTerminate();
            callback.free();
            throw e;
        }
    }

    private static long monitor(int screen) {
        PointerBuffer monitors = glfwGetMonitors();
        int count = monitors == null ? 0 : monitors.limit();
        if (screen >= count) {
            throw new TandemException("--screen " + screen + " does not exist: " + count
                    + " monitor(s) are connected, numbered from 0");
        }
        return monitors.get(screen);
    }

    private static int[] framebufferSize(long window) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer w = stack.mallocInt(1);
            IntBuffer h = stack.mallocInt(1);
            glfwGetFramebufferSize(window, w, h);
            return new int[] {w.get(0), h.get(0)};
        }
    }

    /**
     * Swaps buffers, waits until the GPU has finished, and returns {@link System#nanoTime()} taken right after: the
     * flip timestamp of the frame just shown. With vsync the swap blocks until the next refresh.
     */
    public long flip() {
        glfwSwapBuffers(handle);
        glFinish();
        return System.nanoTime();
    }

    /**
     * Sends this window's key presses, typed characters and mouse clicks to {@code queue}, each stamped with
     * {@link System#nanoTime()} as the callback runs. Callbacks run inside {@link #pollEvents()}, which the frame loop
     * calls once per frame, so a timestamp is late by at most the time since the last poll (under one frame); GLFW gives
     * no earlier event time.
     */
    public void sendInputTo(InputQueue queue) {
        input = queue;
        glfwSetKeyCallback(handle, (window, key, scancode, action, mods) -> {
            long now = System.nanoTime();
            if (action == GLFW_PRESS) {
                queue.key(key, now);
            }
        });
        glfwSetCharCallback(handle, (window, codePoint) -> queue.character(codePoint, System.nanoTime()));
        glfwSetMouseButtonCallback(handle, (window, button, action, mods) -> {
            long now = System.nanoTime();
            if (action == GLFW_PRESS) {
                glfwGetCursorPos(window, cursorX, cursorY);
                queue.click(button, cursorX.get(0) * pixelsPerScreenUnit(), cursorY.get(0) * pixelsPerScreenUnit(), now);
            }
        });
    }

    /** Framebuffer pixels per window coordinate unit (1 except on scaled high-density displays). */
    private double pixelsPerScreenUnit() {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer w = stack.mallocInt(1);
            glfwGetWindowSize(handle, w, null);
            return w.get(0) == 0 ? 1 : (double) framebufferWidth / w.get(0);
        }
    }

    /** Delivers pending window and input events to their callbacks. */
    public void pollEvents() {
        glfwPollEvents();
        if (input != null) {
            input.releaseDue(System.nanoTime()); // a pilot's scheduled answer arrives like a key press
        }
    }

    /** Shows the mouse pointer over the window, or hides it (it still moves and clicks). */
    public void showCursor(boolean shown) {
        glfwSetInputMode(handle, GLFW_CURSOR, shown ? GLFW_CURSOR_NORMAL : GLFW_CURSOR_HIDDEN);
    }

    /** Whether the pointer is shown over the window. */
    public boolean cursorShown() {
        return glfwGetInputMode(handle, GLFW_CURSOR) == GLFW_CURSOR_NORMAL;
    }

    public boolean closeRequested() {
        return glfwWindowShouldClose(handle);
    }

    public long handle() {
        return handle;
    }

    public GlPlatform platform() {
        return platform;
    }

    public int width() {
        return framebufferWidth;
    }

    public int height() {
        return framebufferHeight;
    }

    /** The monitor's refresh rate as its video mode states it, or 0 when the platform does not say. */
    public double nominalRefreshHz() {
        return nominalRefreshHz;
    }

    /** The OpenGL renderer and version strings, e.g. {@code llvmpipe (LLVM 15.0.6, 256 bits), 3.3 (Core Profile) Mesa 22.3.6}. */
    public String renderer() {
        return org.lwjgl.opengl.GL11C.glGetString(org.lwjgl.opengl.GL11C.GL_RENDERER) + ", OpenGL "
                + org.lwjgl.opengl.GL11C.glGetString(org.lwjgl.opengl.GL11C.GL_VERSION);
    }

    @Override
    public void close() {
        GL.setCapabilities(null);
        Callbacks.glfwFreeCallbacks(handle);
        glfwDestroyWindow(handle);
        MemoryUtil.memFree(cursorX);
        MemoryUtil.memFree(cursorY);
        glfwTerminate();
        glfwSetErrorCallback(null);
        errorCallback.free();
    }

    /** Keeps GLFW's last error description so failures can say why. */
    private static final class GlfwErrors implements org.lwjgl.glfw.GLFWErrorCallbackI {
        private String last = "no error reported";

        @Override
        public void invoke(int error, long description) {
            last = GLFWErrorCallback.getDescription(description) + " (GLFW error 0x" + Integer.toHexString(error) + ")";
        }

        String last() {
            return last;
        }
    }
}
