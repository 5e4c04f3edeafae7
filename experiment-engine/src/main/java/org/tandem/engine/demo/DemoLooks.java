package org.tandem.engine.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.analysis.looks.LooksStudy;
import org.tandem.analysis.looks.NetworkLooks;
import org.tandem.analysis.report.ReportFiles;
import org.tandem.engine.explain.ExplainImages;
import org.tandem.engine.explain.ExplainRun;
import org.tandem.engine.explain.MapSurvey;
import org.tandem.observer.explain.CamMethod;
import org.tandem.protocols.TandemException;
import org.tandem.stimuli.synthetic.BuiltInFaceSets;

/**
 * Where the demo's expression network looks: Grad-CAM maps of its answer for the six expressions of every identity the
 * protocols show, and its untrained twin's, with their shares in the eyes, nose and mouth (what {@code tandem explain
 * --model faceapi:expression} writes). The report shows the first identity's six maps and the share chart. An earlier
 * demo's maps are reused when their design is the same.
 */
public final class DemoLooks {
    static final String NETWORK = "faceapi:expression";
    static final String TWIN = "faceapi:expression:untrained?seed=1";
    static final int IDENTITIES = 24;
    static final int BOOTSTRAP = 2000;

    /** The maps, and whether an earlier demo's were reused. */
    public record Outcome(LooksStudy study, double msPerMap, boolean storedEarlier) {
    }

    private DemoLooks() {
    }

    public static Outcome ensure(Path folder, long seed, Runnable afterImage) {
        Path file = folder.resolve(ReportFiles.LOOKS_FILES.get(1));
        if (Files.isRegularFile(file)) {
            try {
                LooksStudy stored = ReportFiles.readLooks(file);
                if (sameDesign(stored, seed)) {
                    return new Outcome(stored, Double.NaN, true);
                }
            } catch (TandemException e) {
                // not maps this demo can read: make them again
            }
        }
        Map<String, String> networks = new LinkedHashMap<>();
        networks.put(NETWORK, null);
        networks.put(TWIN, NETWORK);
        MapSurvey.Options options = new MapSurvey.Options(CamMethod.GRADCAM, null, "predicted", BOOTSTRAP, seed, 6,
                null);
        ExplainRun.Outcome run = ExplainRun.run(networks, BuiltInFaceSets.DEFAULT,
                ExplainImages.builtIn(BuiltInFaceSets.DEFAULT, ExplainImages.identities(IDENTITIES)),
                ExplainImages.BUILT_IN_REGIONS, options, folder, afterImage);
        return new Outcome(run.study(), run.msPerMap(), false);
    }

    /** How many maps the demo makes. */
    public static int maps() {
        return 2 * IDENTITIES * 6;
    }

    private static boolean sameDesign(LooksStudy s, long seed) {
        return s.seed() == seed && s.bootstrap() == BOOTSTRAP && ExplainImages.BUILT_IN_REGIONS.equals(s.regionSource()) && s.method().equals(CamMethod.GRADCAM.cliName())
                && s.images() == IDENTITIES * 6 && s.set().equals(BuiltInFaceSets.DEFAULT)
                && s.networks().stream().map(NetworkLooks::network).toList().equals(List.of(NETWORK, TWIN));
    }
}
