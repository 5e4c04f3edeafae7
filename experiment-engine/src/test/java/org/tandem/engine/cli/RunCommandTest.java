package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.presenter.GlPlatform;
import org.tandem.protocols.TandemException;

/** What {@code tandem run} refuses before it opens the station, each with one line saying what to do. */
class RunCommandTest {

    @Test
    void demographicsOutOfRangeAreOneLineErrorsBeforeTheStationOpens(@TempDir Path dir) {
        CliRun run = CliRun.of("run", "expression-abx", "--participant", "P1", "--age", "200", "--db",
                dir.resolve("d").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("tandem: participant age 200 is out of range; give an age from 0 to 130"
                + " or leave it out");
    }

    @Test
    void viewingGeometryComesAsAPair() {
        CliRun run = CliRun.of("run", "expression-abx", "--participant", "P1", "--distance-cm", "57");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("tandem: give --distance-cm and --screen-width-cm together (or neither)\n");
    }

    @Test
    void resumeWithoutAnIdNeedsTheParticipantAndAnUnfinishedSession(@TempDir Path dir) {
        String db = dir.resolve("t").toString();
        CliRun noParticipant = CliRun.of("run", "expression-abx", "--resume", "--db", db);
        assertThat(noParticipant.exitCode()).isEqualTo(1);
        assertThat(noParticipant.err()).contains("--participant CODE").doesNotContain("Exception");

        CliRun nothingOpen = CliRun.of("run", "expression-abx", "--participant", "P1", "--resume", "--db", db);
        assertThat(nothingOpen.exitCode()).isEqualTo(1);
        assertThat(nothingOpen.err()).contains("participant P1 has no unfinished session of expression-abx");

        CliRun unknown = CliRun.of("run", "expression-abx", "--resume", "no-such-session", "--db", db);
        assertThat(unknown.err()).contains("no session 'no-such-session'");

        CliRun newSeed = CliRun.of("run", "expression-abx", "--resume", "x", "--seed", "3", "--db", db);
        assertThat(newSeed.err()).contains("keeps the seed and variant it was started with");
    }

    @Test
    void sizesInDegreesNeedTheViewingGeometry(@TempDir Path dir) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode p = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.readTree(org.tandem.protocols.BuiltinProtocols.resolve("expression-abx").json());
        p.set("display", json.readTree("{\"stimulusWidthDeg\": 6}"));
        Path file = dir.resolve("degrees.json");
        java.nio.file.Files.writeString(file, p.toString());
        CliRun run = CliRun.of("run", file.toString(), "--participant", "P1", "--db", dir.resolve("d").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("tandem: expression-abx gives sizes in degrees of visual angle (display); give"
                + " the viewing distance and the screen's width with --distance-cm and --screen-width-cm\n");
    }

    @Test
    void aStationProfileWithAMistakeIsOneLineNamingItsField(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("station.json");
        java.nio.file.Files.writeString(profile, "{\"screen\": 0, \"distanceCM\": 57}");
        CliRun run = CliRun.of("run", "expression-abx", "--participant", "P1", "--station", profile.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("tandem: " + profile + ": field 'distanceCM': ")
                .contains("Unrecognized field").doesNotContain("\tat ");
        java.nio.file.Files.writeString(profile, "{\"gamma\": {\"exponent\": 2.2, \"lut\": [0, 1], \"fit\": \"x\"}}");
        assertThat(CliRun.of("run", "expression-abx", "--station", profile.toString()).err())
                .contains("'gamma.lut' must hold 256 levels");
        CliRun badCsv = CliRun.of("calibrate", "gamma", "--measurements", profile.toString(), "--station",
                dir.resolve("new.json").toString());
        assertThat(badCsv.exitCode()).isEqualTo(1);
        assertThat(badCsv.err()).contains("level and luminance");
        assertThat(dir.resolve("new.json")).doesNotExist();
    }

    @Test
    void withoutADisplayTheStationRefusesToStart() {
        assertThatThrownBy(() -> RunCommand.requireDisplay(GlPlatform.HEADLESS_EGL)).isInstanceOf(TandemException.class)
                .hasMessageContaining("DISPLAY is not set");
        RunCommand.requireDisplay(GlPlatform.X11);
    }

    @Test
    void eachParticipantGetsTheirOwnSeedAndTheSameCodeTheSameOne() {
        assertThat(RunCommand.seedOf("P017")).isEqualTo(RunCommand.seedOf("P017"))
                .isNotEqualTo(RunCommand.seedOf("P018"));
    }

    @Test
    void theCommandThatContinuesASessionKeepsPushingToTheLabServer() {
        RunCommand run = new RunCommand();
        new picocli.CommandLine(run).parseArgs("expression-abx", "--windowed", "--db", "room2.mv.db", "--push-to",
                "postgresql://labserver/tandem");
        run.protocolName = "expression-abx";
        assertThat(run.resumeCommand("S1")).startsWith("tandem run expression-abx --resume S1 --db ")
                .contains("room2.mv.db --push-to postgresql://labserver/tandem").contains("--windowed");
    }
}
