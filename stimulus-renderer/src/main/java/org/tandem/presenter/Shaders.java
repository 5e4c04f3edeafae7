package org.tandem.presenter;

import static org.lwjgl.opengl.GL20C.*;

/** Compiles and links GLSL programs; a failure is a driver problem, reported with the driver's log. */
final class Shaders {
    private Shaders() {
    }

    static int link(String vertexSource, String fragmentSource) {
        int vertex = compile(GL_VERTEX_SHADER, vertexSource);
        int fragment = compile(GL_FRAGMENT_SHADER, fragmentSource);
        int program = glCreateProgram();
        glAttachShader(program, vertex);
        glAttachShader(program, fragment);
        glLinkProgram(program);
        glDeleteShader(vertex);
        glDeleteShader(fragment);
        if (glGetProgrami(program, GL_LINK_STATUS) == 0) {
            throw new IllegalStateException("the OpenGL driver cannot link the presenter's shaders: "
                    + glGetProgramInfoLog(program));
        }
        return program;
    }

    private static int compile(int type, String source) {
        int shader = glCreateShader(type);
        glShaderSource(shader, source);
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) == 0) {
            throw new IllegalStateException("the OpenGL driver cannot compile the presenter's shaders: "
                    + glGetShaderInfoLog(shader));
        }
        return shader;
    }
}
