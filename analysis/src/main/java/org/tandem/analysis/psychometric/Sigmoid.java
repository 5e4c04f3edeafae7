package org.tandem.analysis.psychometric;

import java.util.Arrays;
import java.util.Locale;
import org.tandem.protocols.TandemException;

/**
 * The unscaled sigmoid F of ψ(x) = γ + (1 − γ − λ)·F((u − location)/scale), each standardised so that F(0) = 0.5:
 * the location is the unscaled sigmoid's 50 % point (psignifit's "threshold" with its default 0.5) in every family.
 * {@link #WEIBULL} is the Gumbel on u = ln x (the usual 1 − exp(−(x/α)^β) with β = 1/scale), so it needs positive
 * levels and its scale is in natural-log units; every other family has u = x.
 */
public enum Sigmoid {
    /** Φ, the cumulative Gaussian (probit); scale is the Gaussian's standard deviation. */
    CUMULATIVE_NORMAL("cumnormal", new Normal(), false),
    /** 1/(1 + e^−z); scale is the logistic distribution's scale (SD = scale·π/√3). */
    LOGISTIC("logistic", new Logistic(), false),
    /** Complementary log-log 1 − exp(−exp(z + ln ln 2)): psignifit's "gumbel", left-skewed, shifted to F(0) = 0.5. */
    GUMBEL("gumbel", new ExtremeValue(), false),
    /** Weibull 1 − exp(−(x/α)^β), fitted as the Gumbel on ln x: location = α·(ln 2)^(1/β), scale = 1/β. */
    WEIBULL("weibull", new ExtremeValue(), true),
    /** Student's t with one degree of freedom (the Cauchy): psignifit's heavy-tailed "tdist", 0.5 + atan(z)/π. */
    STUDENT_T("tdist", new Cauchy(), false),
    /** The maximum-extreme-value exp(−exp(−z + ln ln 2)): psignifit's "rgumbel", right-skewed, the Gumbel mirrored. */
    REVERSE_GUMBEL("rgumbel", new ReverseExtremeValue(), false);

    private final String cliName;
    private final Shape shape;
    private final boolean logAxis;

    Sigmoid(String cliName, Shape shape, boolean logAxis) {
        this.cliName = cliName;
        this.shape = shape;
        this.logAxis = logAxis;
    }

    /** F(z), with F(0) = 0.5. */
    public double cdf(double z) {
        return shape.cdf(z);
    }

    /** dF/dz. */
    public double density(double z) {
        return shape.density(z);
    }

    /** F⁻¹(p) for 0 < p < 1. */
    public double quantile(double p) {
        return shape.quantile(p);
    }

    /** d²F/dz², for the observed information of Newton steps. */
    public double densitySlope(double z) {
        return shape.densitySlope(z);
    }

    /** Whether the sigmoid runs on u = ln x rather than on x. */
    public boolean logAxis() {
        return logAxis;
    }

    /** The stimulus level on the sigmoid's axis. */
    public double toAxis(double x) {
        return logAxis() ? Math.log(x) : x;
    }

    /** The stimulus level for a point on the sigmoid's axis. */
    public double fromAxis(double u) {
        return logAxis() ? Math.exp(u) : u;
    }

    /** The name used on the command line and in JSON. */
    public String cliName() {
        return cliName;
    }

    public static Sigmoid parse(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.cliName.equals(wanted)).findFirst().orElseThrow(() ->
                new TandemException("unknown sigmoid '" + name + "': use one of "
                        + String.join(", ", Arrays.stream(values()).map(Sigmoid::cliName).toList())));
    }

    /** A distribution function standardised to F(0) = 0.5, with its density and inverse. */
    private interface Shape {
        double cdf(double z);

        double density(double z);

        double quantile(double p);

        double densitySlope(double z);
    }

    private static final class Normal implements Shape {
        @Override
        public double cdf(double z) {
            return StandardNormal.cdf(z);
        }

        @Override
        public double density(double z) {
            return StandardNormal.density(z);
        }

        @Override
        public double quantile(double p) {
            return StandardNormal.quantile(p);
        }

        @Override
        public double densitySlope(double z) {
            return -z * StandardNormal.density(z);
        }
    }

    private static final class Logistic implements Shape {
        @Override
        public double cdf(double z) {
            return 1 / (1 + Math.exp(-z));
        }

        @Override
        public double density(double z) {
            double e = Math.exp(-Math.abs(z));
            return e / ((1 + e) * (1 + e));
        }

        @Override
        public double quantile(double p) {
            return Math.log(p / (1 - p));
        }

        @Override
        public double densitySlope(double z) {
            return density(z) * -Math.tanh(z / 2); // f·(1 − 2F), without cancellation
        }
    }

    /** The minimum-extreme-value distribution shifted so that its median is at 0. */
    private static final class ExtremeValue implements Shape {
        private static final double SHIFT = Math.log(Math.log(2));

        @Override
        public double cdf(double z) {
            return -Math.expm1(-Math.exp(z + SHIFT));
        }

        @Override
        public double density(double z) {
            double t = Math.exp(z + SHIFT);
            return t * Math.exp(-t);
        }

        @Override
        public double quantile(double p) {
            return Math.log(-Math.log1p(-p)) - SHIFT;
        }

        @Override
        public double densitySlope(double z) {
            double t = Math.exp(z + SHIFT);
            return t * Math.exp(-t) * (1 - t);
        }
    }

    /** Student's t with one degree of freedom: F(z) = 1/2 + atan(z)/π, median 0. */
    private static final class Cauchy implements Shape {
        @Override
        public double cdf(double z) {
            return 0.5 + Math.atan(z) / Math.PI;
        }

        @Override
        public double density(double z) {
            return 1 / (Math.PI * (1 + z * z));
        }

        @Override
        public double quantile(double p) {
            return Math.tan(Math.PI * (p - 0.5));
        }

        @Override
        public double densitySlope(double z) {
            double d = 1 + z * z;
            return -2 * z / (Math.PI * d * d);
        }
    }

    /** The maximum-extreme-value distribution with median 0: F(z) = 1 − G(−z) for the minimum one G above. */
    private static final class ReverseExtremeValue implements Shape {
        private final ExtremeValue mirrored = new ExtremeValue();

        @Override
        public double cdf(double z) {
            return Math.exp(-Math.exp(-z + Math.log(Math.log(2))));
        }

        @Override
        public double density(double z) {
            return mirrored.density(-z);
        }

        @Override
        public double quantile(double p) {
            return -mirrored.quantile(1 - p);
        }

        @Override
        public double densitySlope(double z) {
            return -mirrored.densitySlope(-z);
        }
    }
}
