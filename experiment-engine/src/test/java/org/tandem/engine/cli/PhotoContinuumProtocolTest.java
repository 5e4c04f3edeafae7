package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.engine.simulate.NetworkCrops;
import org.tandem.engine.simulate.SyntheticFaceCrops;
import org.tandem.engine.stimuli.ProtocolStimuli;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.crop.FaceBoxCrop;
import org.tandem.stimuli.folder.ImageFolderSet;
import org.tandem.stimuli.folder.StimulusEntry;
import org.tandem.stimuli.io.RasterFiles;
import org.tandem.stimuli.library.StimulusLibrary;

/**
 * A protocol that names a photo continuum folder instead of the built-in faces ({@link PhotoContinua}: the folder is
 * made by {@code tandem stimuli continuum}, a stand-in for a photo continuum with the same manifest columns) is planned
 * from the folder's identity and level columns, run on the face-api expression network, which sees each image's face
 * box from the manifest, and fitted by {@code tandem analyze}; a level the protocol plans that the folder lacks is one
 * line naming the level and the folder.
 */
class PhotoContinuumProtocolTest {
    private static final String ID = "expression-2afc-happy-sad-photos";

    @Test
    void aPhotoContinuumProtocolIsPlannedRunOnTheNetworkAndFitted(@TempDir Path dir) throws Exception {
        Path folder = PhotoContinua.continuum(dir);
        Path file = PhotoContinua.protocol(dir, ID, "continua/manifest.csv", null);

        CliRun plan = CliRun.ok("protocol", "plan", file.toString(), "--seed", "3");
        assertThat(plan.out()).contains("kdef-continua/average/sad-happy@0", "kdef-continua/average/sad-happy@70");

        Path db = dir.resolve("photos.mv.db");
        CliRun simulate = CliRun.ok("simulate", file.toString(), "--observer", "faceapi:expression", "--db",
                db.toString());
        assertThat(simulate.out()).contains("630 trials", "Simulated 1 session(s) of " + ID + " (networks)");

        // what the session gave the network: the folder's own pixels, cut at the manifest's face box
        BuiltinProtocols.Source source = BuiltinProtocols.resolve(file.toString());
        Protocol protocol = source.read();
        StimulusLibrary library = ProtocolStimuli.library(source, protocol);
        List<StimulusEntry> entries = ImageFolderSet.open(folder).entries();
        assertThat(entries).hasSize(21);
        try (NetworkCrops crops = NetworkCrops.declared(protocol, library, SyntheticFaceCrops.defaults())) {
            for (StimulusEntry entry : entries) {
                StimulusRef shown = StimulusRef.morph(PhotoContinua.SET, "average", "sad-happy", entry.ref().level());
                Raster photo = RasterFiles.read(folder.resolve(entry.file()));
                assertThat(library.image(shown)).as("%s at the station and for networks", shown).isEqualTo(photo);
                Raster crop = crops.crop(shown, library.image(shown));
                assertThat(crop).as("the network's crop of %s", shown)
                        .isEqualTo(FaceBoxCrop.cut(photo, PhotoContinua.faceBox(entry)));
                assertThat(crop.width()).isLessThan(photo.width());
            }
        }

        Path report = dir.resolve("report");
        CliRun.ok("analyze", "--db", db.toString(), "--out", report.toString(), "--bootstrap", "50");
        JsonNode results = new ObjectMapper().readTree(report.resolve("results.json").toFile());
        JsonNode network = ReportResults.observer(ReportResults.section(results, ID, "identification")
                .get("observers"), "faceapi:expression");
        assertThat(network.get("counts")).hasSize(21);
        JsonNode fit = network.get("fit");
        assertThat(fit.get("fitted").asBoolean()).as(fit.toString()).isTrue();
        assertThat(fit.get("pse").get("value").asDouble()).isBetween(0.0, 100.0);
        assertThat(Files.readString(report.resolve("fits.csv"))).contains("faceapi:expression," + ID + ",pse,");
    }

    @Test
    void aPlannedLevelMissingFromTheFolderIsOneLineNamingTheLevelAndTheFolder(@TempDir Path dir) throws Exception {
        Path folder = PhotoContinua.continuum(dir);
        // the folder without its 35 % image
        Path manifest = folder.resolve("manifest.csv");
        Files.write(manifest, Files.readAllLines(manifest).stream().filter(line -> !line.contains(",sad-happy,35,"))
                .toList());
        Path file = PhotoContinua.protocol(dir, ID, "continua/manifest.csv", null);
        for (String command : List.of("simulate", "run")) {
            CliRun run = command.equals("simulate")
                    ? CliRun.of("simulate", file.toString(), "--observer", "faceapi:expression", "--db",
                    dir.resolve("d").toString())
                    : CliRun.of("run", file.toString(), "--participant", "P1", "--db", dir.resolve("d").toString());
            if (command.equals("run") && run.err().contains("needs a display")) {
                continue; // the station checks its display first; under xvfb it reaches the folder
            }
            assertThat(run.exitCode()).as(command).isNotZero();
            assertThat(run.err()).as(command).isEqualTo("tandem: the protocol plans level 35 of continuum sad-happy for"
                    + " identity average, but stimulus set 'kdef-continua' (" + folder + ") has no image for it; add the"
                    + " image to the folder's manifest, or leave it out of the protocol's levels\n");
        }
        assertThat(Files.exists(dir.resolve("d.mv.db"))).as("no partial output").isFalse();
    }
}
