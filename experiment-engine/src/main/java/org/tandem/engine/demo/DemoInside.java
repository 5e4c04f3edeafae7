package org.tandem.engine.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.analysis.report.ReportFiles;
import org.tandem.analysis.rsa.LayerRdms;
import org.tandem.analysis.rsa.RsaStudy;
import org.tandem.analysis.units.LayerUnits;
import org.tandem.analysis.units.UnitsStudy;
import org.tandem.engine.layers.LayerPooling;
import org.tandem.engine.rsa.RsaSurvey;
import org.tandem.engine.simulate.ReadoutTrainingSets;
import org.tandem.engine.units.LayerSelectivity;
import org.tandem.engine.units.UnitSurvey;
import org.tandem.observer.readout.ReadoutLabels;
import org.tandem.observer.readout.ReadoutSetup;
import org.tandem.observer.readout.TrainingImages;
import org.tandem.protocols.TandemException;

/**
 * The demo's look inside the networks: the expression-selective units of every block of the expression network, the
 * identity network and the untrained twin (Zhou et al.'s rule on the built-in readout faces, every unit), and each
 * layer's RDMs. Decoding is left to {@code tandem units}, to keep the demo short. Like the layer comparison, an earlier
 * demo's results are reused when their design is the same.
 */
public final class DemoInside {
    /** The networks looked into, each mapped to the network it is a control of. */
    public static final Map<String, String> NETWORKS = networks();
    static final double ALPHA = 0.01;
    /** Relabellings per model test: p is resolved to 1/201, enough for the demo. */
    static final int PERMUTATIONS = 200;

    private DemoInside() {
    }

    /** What the demo found, and whether an earlier demo's results were reused. */
    public record Outcome(UnitsStudy units, RsaStudy rsa, boolean storedEarlier) {
    }

    /** Reports progress: images read by a network. */
    public interface Progress {
        void imagesRead(String network, int done, int total);
    }

    public static Outcome ensure(Path folder, long seed, Progress progress) {
        Path unitsFile = folder.resolve(ReportFiles.UNIT_FILES.get(1));
        Path rsaFile = folder.resolve(ReportFiles.RSA_FILES.get(1));
        if (Files.isRegularFile(unitsFile) && Files.isRegularFile(rsaFile)) {
            try {
                UnitsStudy units = ReportFiles.readUnits(unitsFile);
                RsaStudy rsa = ReportFiles.readRsa(rsaFile);
                if (sameDesign(units, rsa, seed)) {
                    return new Outcome(units, rsa, true);
                }
            } catch (TandemException e) {
                // not results this demo can read: compute them again
            }
        }
        TrainingImages images = images();
        List<String> specs = List.copyOf(NETWORKS.keySet());
        List<LayerSelectivity> found = UnitSurvey.run(specs, null, images, LayerPooling.NONE, ALPHA, ALPHA, null,
                progress::imagesRead);
        UnitsStudy units = new UnitsStudy(images.name(), images.images().size(), found.get(0).anova().identities(),
                "every unit (channel × position)", ALPHA, ALPHA,
                found.stream().map(l -> l.toReport(NETWORKS.get(l.network()), ALPHA, ALPHA)).toList());
        List<LayerRdms> rdms = RsaSurvey.run(NETWORKS, null, images, LayerPooling.NONE, RsaSurvey.Distance.CORRELATION,
                PERMUTATIONS, seed, progress::imagesRead);
        RsaStudy rsa = new RsaStudy(images.name(), images.images().size(), RsaSurvey.Distance.CORRELATION.label(),
                "every unit (channel × position)", PERMUTATIONS, seed, rdms);
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        ReportFiles.writeUnits(units, folder, now);
        ReportFiles.writeRsa(rsa, folder, now);
        return new Outcome(units, rsa, false);
    }

    private static TrainingImages images() {
        return ReadoutTrainingSets.allImages(new ReadoutSetup(null, ReadoutLabels.EXPRESSION, null));
    }

    private static boolean sameDesign(UnitsStudy units, RsaStudy rsa, long seed) {
        List<String> networks = List.copyOf(NETWORKS.keySet());
        return rsa.seed() == seed && rsa.permutations() == PERMUTATIONS && units.alphaExpression() == ALPHA
                && units.set().equals(images().name())
                && units.layers().stream().map(LayerUnits::network).distinct().toList().equals(networks)
                && rsa.layers().stream().map(LayerRdms::network).distinct().toList().equals(networks);
    }

    private static Map<String, String> networks() {
        Map<String, String> n = new LinkedHashMap<>();
        n.put("faceapi:expression", null);
        n.put("faceapi:recognition", null);
        n.put("faceapi:expression:untrained?seed=1", "faceapi:expression");
        return java.util.Collections.unmodifiableMap(n);
    }
}
