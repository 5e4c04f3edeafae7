package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.plan.TrialPlan;
import picocli.CommandLine;

class ProtocolCommandsTest {

    @Test
    void planAsJsonIsTheSameBytesOnEveryRunAndParsesBack() {
        CliRun first = CliRun.of("protocol", "plan", "expression-2afc-happy-sad", "--seed", "7", "--json");
        CliRun second = CliRun.of("protocol", "plan", "expression-2afc-happy-sad", "--seed", "7", "--json");
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).isEqualTo(second.out()).doesNotContain("\r");
        TrialPlan plan = TrialPlan.fromJson(first.out());
        assertThat(plan.seed()).isEqualTo(7);
        assertThat(plan.size()).isEqualTo(216);
        assertThat(CliRun.of("protocol", "plan", "expression-2afc-happy-sad", "--seed", "8", "--json").out())
                .isNotEqualTo(first.out());
    }

    @Test
    void listShowsEveryBuiltInProtocolWithItsTrialCount() {
        CliRun run = CliRun.of("protocol", "list");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("expression-2afc-happy-sad", "expression-6way", "expression-abx")
                .containsPattern("expression-2afc-happy-sad\\s+two-afc\\s+216");
    }

    @Test
    void validateReportsEveryProblemWithItsLocationAndExitsWithOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, """
                {
                  "format": "tandem-protocol/1",
                  "id": "broken",
                  "title": "x",
                  "stimulusSets": [{"name": "synthetic-faces", "identity": "average"}],
                  "task": {"kind": "two-afc", "continuum": {"factor": "happiness", "from": "sad", "to": "happy"},
                           "labels": [{"label": "happy", "key": "A", "end": "to"}, {"label": "sad", "key": "A", "end": "from"}]},
                  "factors": [{"name": "happiness", "levels": [0, 50, 120]}],
                  "repetitions": 2,
                  "timing": {"stimulus": {"ms": -5}}
                }
                """);
        CliRun run = CliRun.of("protocol", "validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .contains("3 problems")
                .contains("line 7, column 85, $.task.labels[1].key: key A is used by two labels")
                .contains("line 8, column 55, $.factors[0].levels[2]: continuum level 120 is outside 0–100 %")
                .contains("line 10, column 27, $.timing.stimulus.ms:")
                .doesNotContain("Exception");
    }

    @Test
    void validBuiltInValidatesAndUnknownNamesSayWhatExists() {
        assertThat(CliRun.of("protocol", "validate", "expression-abx").out()).contains("valid", "80 trials");
        CliRun unknown = CliRun.of("protocol", "validate", "no-such-protocol");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err().strip().lines()).hasSize(1);
        assertThat(unknown.err()).contains("built-in protocols: expression-2afc-happy-sad");
    }

    @Test
    void anOversizedDesignIsALocatedErrorFromValidateAndPlanAtOnce(@TempDir Path dir) throws Exception {
        String builtin = BuiltinProtocols.resolve("expression-2afc-happy-sad").json();
        String[][] cases = {
                {"2147483648", "$.repetitions: 2147483648 is out of range: give a whole number from 1 to 1,000,000"},
                {"2147483647", "$.repetitions: 2147483647 is out of range: give a whole number from 1 to 1,000,000"},
                {"1000000", "$.repetitions: block 'main' would have 7,000,000 trials"}};
        for (String[] c : cases) {
            Path file = Files.writeString(dir.resolve("r" + c[0] + ".json"),
                    builtin.replace("\"repetitions\": 30,", "\"repetitions\": " + c[0] + ","));
            for (String[] args : new String[][] {{"protocol", "validate", file.toString()},
                    {"protocol", "plan", file.toString(), "--seed", "1"}}) {
                long start = System.nanoTime();
                CliRun run = CliRun.of(args);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as(String.join(" ", args))
                        .isLessThan(Duration.ofSeconds(2));
                assertThat(run.exitCode()).isEqualTo(1);
                assertThat(run.out()).isEmpty();
                assertThat(run.err().strip()).startsWith("tandem: " + file + ": line 24, column 3, " + c[1])
                        .doesNotContain("\n");
            }
        }
    }

    @Test
    void aFileThatIsNoProtocolIsOneLineThatSaysWhatToDo(@TempDir Path dir) throws Exception {
        String builtin = BuiltinProtocols.resolve("expression-abx").json();
        Path latin = Files.write(dir.resolve("latin.json"),
                builtin.replace("\"title\": \"ABX", "\"title\": \"\u00c9tude ABX").getBytes(StandardCharsets.ISO_8859_1));
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        Path truncated = Files.writeString(dir.resolve("truncated.json"), builtin.substring(0, 1000));
        Path duplicate = Files.writeString(dir.resolve("duplicate.json"), builtin.replace("\"step\": 2,", "\"step\": 2, \"step\": 3,"));
        Path deep = Files.writeString(dir.resolve("deep.json"), "[".repeat(100_000));
        String[][] expected = {
                {latin.toString(), "not UTF-8 text: byte 0xC9 at byte offset " + builtin.indexOf("ABX discrimination")
                        + " (line 4, column 13) is not valid UTF-8; save the file as UTF-8"},
                {dir.toString(), "is a folder, not a protocol file; give the protocol's JSON file"},
                {empty.toString(), "line 1, column 1, $: the protocol is empty: write one JSON object"},
                {truncated.toString(), "the text ends before the protocol does"},
                {duplicate.toString(), "$.task.step: member 'step' is given twice in the same object; keep one of them"},
                {deep.toString(), "line 1, column 66, $[0][0][0][0][0][0][0][0]…: objects and arrays are nested more"
                        + " than 64 deep"}};
        for (String[] e : expected) {
            CliRun run = CliRun.of("protocol", "validate", e[0]);
            assertThat(run.exitCode()).as(e[0]).isEqualTo(1);
            assertThat(run.err().strip()).as(e[0]).startsWith("tandem: " + e[0]).contains(e[1]).doesNotContain("\n");
        }
    }

    @Test
    void commandLineMistakesExitWithTwoAndPointToHelp() {
        CliRun run = CliRun.of("protocol", "plan", "expression-abx");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--seed").contains("tandem protocol plan --help");
    }

    @Test
    void everyCommandHasHelp() {
        List<List<String>> commands = new ArrayList<>();
        collect(TandemCli.commandLine(false), new ArrayList<>(), commands);
        assertThat(commands).hasSizeGreaterThan(20);
        for (List<String> path : commands) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).as(String.join(" ", args)).startsWith("Usage: tandem");
        }
    }

    /** Every command of the tree, by the words that call it (the picocli help command aside). */
    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help") && sub.getCommandName().equals(name)) {
                List<String> longer = new ArrayList<>(path);
                longer.add(name);
                collect(sub, longer, into);
            }
        });
    }
}
