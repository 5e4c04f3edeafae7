package org.tandem.presenter.gamma;

import java.util.Locale;
import org.apache.commons.math3.analysis.ParametricUnivariateFunction;
import org.apache.commons.math3.fitting.SimpleCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoints;

/**
 * The display's gamma: L(v) = Lmin + (Lmax - Lmin) (v / 255)^γ fitted to the measurements by least squares
 * (Levenberg-Marquardt, Commons Math's {@link SimpleCurveFitter}), and the lookup table that linearises it: for each
 * wanted luminance step k / 255 between the darkest and brightest measured, the grey level that gives it, interpolated
 * between the measurements (piecewise linear, so it follows the measured curve where the power law does not).
 *
 * @param rSquared     of the fit over the measured luminances
 * @param maxResidual  the largest |measured - fitted| luminance, cd/m²
 * @param lut          256 output levels (0-1) for input levels 0-255
 */
public record GammaFit(double lmin, double lmax, double gamma, double rSquared, double maxResidual, double[] lut) {

    public static GammaFit fit(GammaMeasurements m) {
        WeightedObservedPoints points = new WeightedObservedPoints();
        for (int i = 0; i < m.size(); i++) {
            points.add(m.levels()[i] / 255, m.luminances()[i]);
        }
        double[] start = {m.luminances()[0], m.luminances()[m.size() - 1], 2.2};
        double[] p = SimpleCurveFitter.create(new PowerLaw(), start).withMaxIterations(1000).fit(points.toList());
        double mean = java.util.Arrays.stream(m.luminances()).average().orElse(0);
        double ssRes = 0;
        double ssTot = 0;
        double maxResidual = 0;
        for (int i = 0; i < m.size(); i++) {
            double fitted = new PowerLaw().value(m.levels()[i] / 255, p);
            double residual = m.luminances()[i] - fitted;
            ssRes += residual * residual;
            ssTot += (m.luminances()[i] - mean) * (m.luminances()[i] - mean);
            maxResidual = Math.max(maxResidual, Math.abs(residual));
        }
        return new GammaFit(p[0], p[1], p[2], 1 - ssRes / ssTot, maxResidual, lut(m));
    }

    /** The table of a pure power law with this exponent: output = input^(1/γ). */
    public static double[] powerLawLut(double gamma) {
        double[] lut = new double[256];
        for (int k = 0; k < 256; k++) {
            lut[k] = Math.pow(k / 255.0, 1 / gamma);
        }
        return lut;
    }

    private static double[] lut(GammaMeasurements m) {
        double low = m.luminances()[0];
        double high = m.luminances()[m.size() - 1];
        double[] lut = new double[256];
        int segment = 0;
        for (int k = 0; k < 256; k++) {
            double wanted = low + (high - low) * k / 255.0;
            while (segment < m.size() - 2 && m.luminances()[segment + 1] < wanted) {
                segment++;
            }
            double l0 = m.luminances()[segment];
            double l1 = m.luminances()[segment + 1];
            double v0 = m.levels()[segment];
            double v1 = m.levels()[segment + 1];
            double level = v0 + (v1 - v0) * (wanted - l0) / (l1 - l0);
            lut[k] = Math.min(1, Math.max(0, level / 255));
        }
        return lut;
    }

    /** E.g. {@code gamma 2.21 (R² 0.9998, largest residual 0.41 cd/m²), 0.52-121.3 cd/m²}. */
    public String describe() {
        return String.format(Locale.ROOT, "gamma %.3f (R² %.5f, largest residual %.3f cd/m²), luminance %.3f-%.3f"
                + " cd/m²", gamma, rSquared, maxResidual, lmin, lmax);
    }

    /** L = Lmin + (Lmax - Lmin) x^γ, with its gradient in (Lmin, Lmax, γ). */
    private static final class PowerLaw implements ParametricUnivariateFunction {
        @Override
        public double value(double x, double... p) {
            return p[0] + (p[1] - p[0]) * Math.pow(x, p[2]);
        }

        @Override
        public double[] gradient(double x, double... p) {
            double power = Math.pow(x, p[2]);
            double log = x > 0 ? Math.log(x) : 0;
            return new double[] {1 - power, power, (p[1] - p[0]) * power * log};
        }
    }
}
