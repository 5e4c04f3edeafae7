package org.tandem.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tandem.engine.station.StationProfile;
import org.tandem.presenter.gamma.GammaFit;
import org.tandem.presenter.gamma.GammaMeasurements;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "gamma", mixinStandardHelpOptions = true,
        description = {"Fit the display's gamma from photometer readings and save the linearisation in the station"
                + " profile: tandem run --station FILE then draws every grey level at the luminance it stands for.",
                "Measure full-screen grey levels (at least 0, 255 and three between; every 16th level is better) with"
                        + " a photometer in a dark room, and write them as a CSV with the columns level and luminance"
                        + " (cd/m²). See docs/PRESENTER.md."})
final class CalibrateGammaCommand implements Runnable {
    @Option(names = "--measurements", required = true, paramLabel = "FILE.csv",
            description = "Grey level (0-255) and measured luminance (cd/m²) per row, columns level,luminance.")
    Path measurements;

    @Option(names = "--station", required = true, paramLabel = "FILE",
            description = "The station profile to write the calibration into (created if missing; its other"
                    + " settings are kept).")
    Path station;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        GammaMeasurements m = GammaMeasurements.read(measurements);
        GammaFit fit = GammaFit.fit(m);
        StationProfile profile = Files.exists(station) ? StationProfile.read(station) : StationProfile.EMPTY;
        String described = fit.describe() + ", from " + m.size() + " readings in " + measurements.getFileName();
        profile.withGamma(new StationProfile.Gamma(fit.gamma(), fit.lut(), described)).write(station);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Fitted " + described);
        out.println("Linearisation table (grey level for each luminance step, every 32nd): " + sampled(fit.lut()));
        out.println("Saved in " + station + "; use it with tandem run --station " + station);
        out.flush();
    }

    private static String sampled(double[] lut) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < 256; k += 32) {
            text.append(k).append("→").append(Math.round(lut[k] * 255)).append(' ');
        }
        return text.append("255→").append(Math.round(lut[255] * 255)).toString();
    }
}
