package org.tandem.engine.station;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;

/**
 * TEST-ONLY: a participant played by xdotool. It reads the {@code --announce-screens} lines of a {@code tandem run}
 * child process and answers each screen: Space on instruction, block and break screens, the rule's key or label click
 * on response screens, the participant code where asked for, a scripted key (Esc, R, Q) where the script says so. It notes, per trial, the monotonic clock
 * just before and just after each answer was injected (the same clock the child stamps events and flips with).
 */
final class RobotParticipant {
    /** An answer: an xdotool key name, or the index of the label whose box is clicked (-1: none). */
    record Answer(String key, int clickLabel) {
        static Answer key(String key) {
            return new Answer(key, -1);
        }

        static Answer click(int labelIndex) {
            return new Answer(null, labelIndex);
        }
    }

    /** When an answer was injected: before the xdotool call and after it returned. */
    record Injection(long sentNanos, long doneNanos) {
    }

    /** Far beyond what a shortened protocol takes; only a robot that failed to answer gets near it. */
    private static final long RUN_LIMIT_SECONDS = 180;

    private final String code;
    private final TrialPlan plan;
    private final Function<Trial, Answer> rule;
    final Map<Integer, Injection> injections = new HashMap<>();
    final Set<Integer> committed = new HashSet<>();
    final List<String> output = new ArrayList<>();
    private final Map<Integer, int[]> boxes = new HashMap<>();
    /** Extra keys for a trial's response screens, used before the rule's answer (e.g. Esc, then R on the pause). */
    private final Map<Integer, List<String>> script = new HashMap<>();
    private String window;
    /** A key pressed as soon as the previous trial is committed, before the trial's answer window opens; or null. */
    private Function<Trial, String> earlyKey;

    /** @param code the participant code it types when the station asks for one */
    RobotParticipant(String code, TrialPlan plan, Function<Trial, Answer> rule) {
        this.code = code;
        this.plan = plan;
        this.rule = rule;
    }

    /** On the first response screen of trial {@code index}: press Esc, then {@code pauseKey} on the pause screen. */
    RobotParticipant pauseAt(int index, String pauseKey) {
        script.computeIfAbsent(index, i -> new ArrayList<>()).addAll(List.of("Escape", pauseKey));
        return this;
    }

    /**
     * After each commit, press {@code key}'s key for the next trial at once: during its ITI, fixation or first images,
     * before its answer window opens (so the station must ignore it and note it as an early key).
     */
    RobotParticipant pressEarly(Function<Trial, String> key) {
        earlyKey = key;
        return this;
    }

    /**
     * Answers the child's screens until it exits, or kills it (SIGKILL) once {@code killAfter} commits of this run
     * have been reported (0: never).
     *
     * @return the exit status, or -1 when killed
     */
    int drive(Process child, int killAfter) throws IOException, InterruptedException {
        window = null;
        int commitsThisRun = 0;
        boolean finished = false;
        Thread watchdog = new Thread(() -> {
            try {
                if (!child.waitFor(RUN_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                    child.destroyForcibly(); // a station nobody answers would wait for ever
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.add(line);
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "BOX" -> boxes.put(Integer.parseInt(f[1]), new int[] {Integer.parseInt(f[2]),
                            Integer.parseInt(f[3]),
                            Integer.parseInt(f[4]), Integer.parseInt(f[5])});
                    case "COMMITTED" -> {
                        int index = Integer.parseInt(f[1]);
                        committed.add(index);
                        if (earlyKey != null && window != null && index + 1 < plan.size()) {
                            xdotool("key", earlyKey.apply(plan.trial(index + 1)));
                        }
                        if (++commitsThisRun == killAfter) {
                            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
                            child.waitFor(60, TimeUnit.SECONDS);
                            finished = true;
                            return -1;
                        }
                    }
                    case "SCREEN" -> answer(child, f[1], Integer.parseInt(f[2]));
                    default -> {
                    }
                }
            }
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("tandem run did not exit: " + output);
            }
            finished = true;
            return child.exitValue();
        } finally {
            if (!finished) {
                child.destroyForcibly(); // a failed check must not leave a station waiting for answers
            }
        }
    }

    private void answer(Process child, String screen, int trialIndex) throws IOException, InterruptedException {
        if (window == null) {
            window = xdotoolOutput("search", "--sync", "--pid", Long.toString(child.pid())).split("\\s+")[0];
            xdotool("windowfocus", "--sync", window);
        }
        switch (screen) {
            case "feedback" -> {
            }
            case "participant-code" -> {
                xdotool("type", "--delay", "20", code);
                xdotool("key", "Return");
            }
            case "response" -> {
                List<String> keys = script.getOrDefault(trialIndex, List.of());
                if (!keys.isEmpty()) {
                    xdotool("key", keys.remove(0));
                    return;
                }
                Answer answer = rule.apply(plan.trial(trialIndex));
                long sent = System.nanoTime();
                if (answer.key() != null) {
                    xdotool("key", answer.key());
                } else {
                    int[] box = boxes.get(answer.clickLabel());
                    xdotool("mousemove", "--window", window, Integer.toString(box[0] + box[2] / 2),
                            Integer.toString(box[1] + box[3] / 2), "click", "1");
                }
                injections.put(trialIndex, new Injection(sent, System.nanoTime()));
            }
            case "pause" -> {
                List<String> keys = script.getOrDefault(trialIndex, List.of());
                xdotool("key", keys.isEmpty() ? "r" : keys.remove(0));
            }
            default -> xdotool("key", "space");
        }
    }

    private static void xdotool(String... args) throws IOException, InterruptedException {
        xdotoolOutput(args);
    }

    private static String xdotoolOutput(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("xdotool " + String.join(" ", args) + " failed: " + text);
        }
        return text;
    }
}
