package org.tandem.engine.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tandem.protocols.TandemException;

/**
 * Runs a main class in a fresh JVM: the same java and class path as this one, plus chosen system properties. Some settings
 * (PyTorch's thread counts) are fixed once per process, so measuring another value of them needs another process.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * Starts {@code main} with {@code properties} and {@code args}, hands each line it prints on standard output to
     * {@code onLine}, and waits for it.
     *
     * @param what names the run in error messages, e.g. "the 2-thread benchmark"
     * @throws TandemException if it cannot start or exits non-zero (the message carries its last line of error output)
     */
    static void run(String what, Class<?> main, Map<String, String> properties, List<String> args,
                    Consumer<String> onLine) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        Path errors = null;
        Process process = null;
        try {
            errors = Files.createTempFile("tandem-child-", ".err");
            process = new ProcessBuilder(command).redirectError(errors.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close();
            try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    onLine.accept(line);
                }
            }
            int exit = process.waitFor();
            if (exit != 0) {
                throw new TandemException(what + " (a separate JVM) failed with exit status " + exit + ": "
                        + lastLine(errors));
            }
        } catch (IOException e) {
            throw new TandemException("cannot run " + what + " in a separate JVM (" + e.getMessage() + "); check that "
                    + command.get(0) + " can be started and the temporary folder is writable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException(what + " was interrupted", e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            deleteQuietly(errors);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String lastLine(Path errors) throws IOException {
        List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            return "it printed no error message";
        }
        String last = lines.get(lines.size() - 1);
        return last.startsWith("tandem: ") ? last.substring("tandem: ".length()) : last;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temporary file is harmless
            }
        }
    }
}
