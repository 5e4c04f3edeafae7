package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.BuiltinProtocols;

/**
 * Seeded mutations of the built-in protocols, each written to a file and run through {@code tandem protocol validate} and
 * {@code tandem protocol plan} in-process: reading, validation (schema, limits, stimuli, run lengths) and planning. Each
 * must end in a valid plan or in an error that names its place (line and column), within 2 s per command, and never in
 * any other exception (exit status 3) or an error thrown past the command line.
 */
class ProtocolFuzzTest {
    private static final long SEED = 0x5EED_F022L;
    private static final int MUTATIONS = 600;
    private static final Duration PER_COMMAND = Duration.ofSeconds(2);
    /** Every line of an error names a place: a JSON path at a line and column, or a byte offset at a line and column. */
    private static final Pattern LOCATED = Pattern.compile(
            "(tandem: )?\\S+: (line \\d+, column \\d+, \\$.*|\\d+ problems \\(.*|not UTF-8 text: byte 0x[0-9A-F]{2} at byte"
                    + " offset \\d+ \\(line \\d+, column \\d+\\).*)");

    @Test
    void everyMutationEndsInAPlanOrALocatedError(@TempDir Path dir) throws Exception {
        ProtocolMutations mutations = new ProtocolMutations(SEED);
        List<String> names = BuiltinProtocols.NAMES;
        int valid = 0;
        int errors = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < MUTATIONS; i++) {
            String name = names.get(i % names.size());
            ProtocolMutations.Mutant mutant = mutations.mutate(name, BuiltinProtocols.resolve(name).json());
            Path file = Files.write(dir.resolve("mutant-" + i + ".json"), mutant.bytes());
            CliRun validate = timed(failures, mutant, "protocol", "validate", file.toString());
            CliRun plan = timed(failures, mutant, "protocol", "plan", file.toString(), "--seed", "1");
            check(failures, mutant, "validate", validate);
            check(failures, mutant, "plan", plan);
            if (validate.exitCode() == 0) {
                valid++;
                if (plan.exitCode() != 0) {
                    failures.add(mutant.description() + ": validate passed, plan failed: " + plan.err().strip());
                }
            } else {
                errors++;
            }
            Files.delete(file);
        }
        System.out.printf("protocol fuzz, seed %#x: %d mutations, %d valid plans, %d located errors%n", SEED, MUTATIONS,
                valid, errors);
        assertThat(failures).isEmpty();
        assertThat(valid + errors).isEqualTo(MUTATIONS);
        // the mutations reach both outcomes, so neither half of the claim is vacuous
        assertThat(valid).isGreaterThan(MUTATIONS / 20);
        assertThat(errors).isGreaterThan(MUTATIONS / 2);
    }

    private static CliRun timed(List<String> failures, ProtocolMutations.Mutant mutant, String... args) {
        long start = System.nanoTime();
        CliRun run = CliRun.of(args);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (took.compareTo(PER_COMMAND) > 0) {
            failures.add(mutant.description() + ": " + args[1] + " took " + took.toMillis() + " ms");
        }
        return run;
    }

    private static void check(List<String> failures, ProtocolMutations.Mutant mutant, String command, CliRun run) {
        if (run.exitCode() == 0) {
            return;
        }
        String err = run.err().strip();
        if (run.exitCode() != 1) {
            failures.add(mutant.description() + ": " + command + " exited " + run.exitCode() + ": " + err);
            return;
        }
        for (String line : err.lines().toList()) {
            if (!LOCATED.matcher(line.strip()).matches()) {
                failures.add(mutant.description() + ": " + command + " error without a place: " + line);
            }
        }
    }
}
