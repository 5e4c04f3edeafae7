package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
