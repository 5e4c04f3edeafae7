package org.tandem.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.plan.SplitMix64;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;

/**
 * Seeded fault injection on a real database: copies damaged by bit flips at random offsets, truncation at random
 * lengths and zeroed 4 KiB pages, each opened for reading or for writing. Every copy must either open with every session,
 * trial and event exactly as in the original, or be refused as damaged with its bytes unchanged. None may open empty or
 * with trials missing.
 */
class DamagedDatabaseTest {
    private static final Logger LOG = LoggerFactory.getLogger(DamagedDatabaseTest.class);
    private static final int COPIES = Integer.getInteger("tandem.faultCopies", 240);
    private static final long SEED = 20261203L;

    @TempDir
    static Path dir;
    private static byte[] original;
    private static byte[] seal;
    private static String originalContent;

    /** Four sessions of people and networks: completed, aborted, resumed and still running, with their events. */
    @BeforeAll
    static void buildARealDatabase() throws IOException {
        Path file = dir.resolve("original").resolve("tandem.mv.db");
        try (TandemStore store = Fixtures.open(file)) {
            store.ensureParticipant("P001", new Demographics(31, "female", "right"));
            commit(store, store.startSession(Fixtures.human("lab", "P001", 1)), 1, Integer.MAX_VALUE, true);
            commit(store, store.startSession(Fixtures.model("lab", 2)), 2, Integer.MAX_VALUE, false);
            String aborted = store.startSession(Fixtures.human("lab", "P002", 3));
            commit(store, aborted, 3, 30, true);
            store.recordEvent(aborted, "break", "{\"after\":30}");
            store.finishSession(aborted, SessionStatus.ABORTED);
            store.resume(aborted);
            commit(store, store.startSession(Fixtures.model("pilot", 4)), 4, 17, false);
            originalContent = content(store);
        }
        original = Files.readAllBytes(file);
        seal = Files.readAllBytes(dir.resolve("original").resolve("tandem.seal"));
        LOG.info("original database: {} bytes, {} characters of content", original.length, originalContent.length());
    }

    private static void commit(TandemStore store, String sessionId, long seed, int limit, boolean human) {
        TrialPlan plan = Fixtures.plan(seed);
        int n = Math.min(limit, plan.size());
        for (int i = 0; i < n; i++) {
            Trial trial = plan.trial(i);
            store.commitTrial(sessionId, trial, human ? Fixtures.humanResponse(trial) : Fixtures.modelResponse(trial));
        }
        if (n == plan.size()) {
            store.finishSession(sessionId, SessionStatus.COMPLETED);
        }
    }

    /** Everything the store gives back: sessions, each one's trials and events, participants' demographics. */
    private static String content(TandemStore store) {
        StringBuilder text = new StringBuilder();
        for (SessionSummary s : store.sessions()) {
            text.append(s).append('\n');
            store.trials(s.sessionId()).forEach(t -> text.append(t).append('\n'));
            store.events(s.sessionId()).forEach(e -> text.append(e).append('\n'));
        }
        text.append(store.demographics("P001")).append(store.studies());
        return text.toString();
    }

    @Test
    void everyDamagedCopyOpensIntactOrIsRefusedUnchanged() throws IOException {
        SplitMix64 random = new SplitMix64(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> reasons = new TreeMap<>();
        for (int i = 0; i < COPIES; i++) {
            String kind = switch (i % 3) {
                case 0 -> "bit flips";
                case 1 -> "truncation";
                default -> "zeroed page";
            };
            byte[] damaged = damage(kind, random);
            boolean forWriting = i % 2 == 1;
            Path copy = dir.resolve("copy-" + i);
            Files.createDirectories(copy);
            Path file = copy.resolve("tandem.mv.db");
            Files.write(file, damaged);
            Files.write(copy.resolve("tandem.seal"), seal);
            Files.write(dir.resolve("current-damage.bin"), damaged);
            String outcome;
            try (TandemStore store = forWriting ? Fixtures.open(file)
                    : TandemStore.openForReading(StoreOptions.at(file))) {
                String content = content(store);
                if (!content.equals(originalContent)) {
                    fail("copy " + i + " (" + kind + ") opened with other content: " + firstDifference(content));
                }
                outcome = "opened intact";
            } catch (TandemException e) {
                keepIfNotRefused(copy, e);
                assertThat(e.getMessage()).as("copy %d (%s)", i, kind)
                        .containsAnyOf(" is damaged: ", " is not a Tandem database, or its first block is damaged");
                assertThat(Arrays.equals(Files.readAllBytes(file), damaged))
                        .as("copy %d (%s) was refused but changed: %s", i, kind, e.getMessage()).isTrue();
                outcome = "refused";
                reasons.merge(reasonOf(e.getMessage()), 1, Integer::sum);
            } catch (RuntimeException | AssertionError e) {
                keepForInspection(copy);
                fail("copy " + i + " (" + kind + ", " + (forWriting ? "writing" : "reading") + ") ended in " + e, e);
                return;
            }
            outcomes.merge(kind + ": " + outcome, 1, Integer::sum);
            deleteRecursively(copy);
        }
        LOG.info("{} damaged copies: {}", COPIES, outcomes);
        LOG.info("reasons for refusing: {}", reasons);
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(COPIES);
        assertThat(outcomes).containsKeys("truncation: refused", "zeroed page: refused", "bit flips: opened intact");
    }

    /** The kind of problem a refusal names, without the numbers that differ from copy to copy. */
    private static String reasonOf(String message) {
        int at = message.indexOf(" is damaged: ");
        String reason = at < 0 ? "not an H2 file" : message.substring(at + " is damaged: ".length());
        return reason.replaceAll("\\(.*", "").replaceAll("[0-9a-f-]{8,}|\\d+", "#").strip();
    }

    /** A copy that was not handled leaves its files in target/damaged-copies, to be opened by hand. */
    private static void keepIfNotRefused(Path copy, TandemException e) throws IOException {
        if (!e.getMessage().contains(" is damaged: ") && !e.getMessage().contains("its first block is damaged")) {
            keepForInspection(copy);
        }
    }

    private static void keepForInspection(Path copy) throws IOException {
        Path kept = Path.of("target", "damaged-copies", copy.getFileName().toString());
        Files.createDirectories(kept);
        try (var files = Files.list(copy)) {
            for (Path f : files.toList()) {
                Files.copy(f, kept.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.write(kept.resolve("original.mv.db"), original);
        Files.copy(dir.resolve("current-damage.bin"), kept.resolve("damaged.mv.db"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String firstDifference(String content) {
        String[] expected = originalContent.split("\n");
        String[] actual = content.split("\n");
        for (int line = 0; line < Math.min(expected.length, actual.length); line++) {
            if (!expected[line].equals(actual[line])) {
                return "line " + line + " is\n  " + actual[line] + "\ninstead of\n  " + expected[line];
            }
        }
        return actual.length + " lines instead of " + expected.length;
    }

    private static byte[] damage(String kind, SplitMix64 random) {
        byte[] bytes = original.clone();
        switch (kind) {
            case "bit flips" -> {
                int flips = 1 + random.nextInt(8);
                for (int f = 0; f < flips; f++) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case "truncation" -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            default -> {
                int page = random.nextInt(bytes.length / 4096);
                Arrays.fill(bytes, page * 4096, Math.min(bytes.length, (page + 1) * 4096), (byte) 0);
            }
        }
        return bytes;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(folder);
    }
}
