package org.tandem.engine.explain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tandem.analysis.looks.LooksStudy;
import org.tandem.analysis.report.ReportFiles;
import org.tandem.protocols.TandemException;

/**
 * Maps every network over the images and writes what {@code tandem explain} promises: explain.html, explain.json,
 * region-shares.csv and each network's maps/ folder.
 */
public final class ExplainRun {
    public static final String SHARES = "region-shares.csv";

    /** The study and the wall time per map, everything included (maps, overlays, files). */
    public record Outcome(LooksStudy study, double msPerMap) {
    }

    private ExplainRun() {
    }

    /**
     * @param networks each network mapped to the network it is the untrained twin of (or null)
     * @param regionSource where the images' regions come from, or null where they have none
     * @param afterImage runs after every map
     */
    public static Outcome run(Map<String, String> networks, String setName, List<ExplainImage> images,
                              String regionSource, MapSurvey.Options options, Path out, Runnable afterImage) {
        List<MapSurvey.Result> results = new ArrayList<>();
        long started = System.nanoTime();
        for (Map.Entry<String, String> n : networks.entrySet()) {
            results.add(MapSurvey.run(n.getKey(), n.getValue(), images, options,
                    out.resolve("maps").resolve(MapSurvey.slug(n.getKey())), afterImage));
        }
        double msPerMap = (System.nanoTime() - started) / 1e6 / ((double) networks.size() * images.size());
        LooksStudy study = new LooksStudy(options.method().cliName(), setName, images.size(), ExplainImages.REGIONS,
                regionSource, options.bootstrap(), options.seed(), results.stream().map(MapSurvey.Result::looks).toList());
        writeShares(results, out);
        ReportFiles.writeLooks(study, out, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return new Outcome(study, msPerMap);
    }

    private static void writeShares(List<MapSurvey.Result> results, Path out) {
        StringBuilder csv = new StringBuilder("network,image,identity,expression,target,predicted,"
                + String.join(",", ExplainImages.REGIONS) + "\n");
        for (MapSurvey.Result r : results) {
            for (MapSurvey.ImageRow row : r.rows()) {
                csv.append(String.join(",", r.looks().network(), row.image().name(), row.image().identity(),
                        row.image().expression(), row.target(), row.predicted()));
                for (int k = 0; k < ExplainImages.REGIONS.size(); k++) {
                    double v = row.shares().length == 0 ? Double.NaN : row.shares()[k];
                    csv.append(',').append(Double.isNaN(v) ? "" : Double.toString(v));
                }
                csv.append('\n');
            }
        }
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve(SHARES), csv);
        } catch (IOException e) {
            throw new TandemException("cannot write into " + out + ": " + e.getMessage() + "; give an --out folder"
                    + " you can write to");
        }
    }
}
