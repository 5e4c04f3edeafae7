package org.tandem.analysis.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.analysis.compare.MannWhitney;
import org.tandem.analysis.identification.CurveShapes;
import org.tandem.analysis.identification.Shape;
import org.tandem.analysis.report.IdentificationSection.IdentificationObserver;

/**
 * Zhou et al.'s test of identification-curve shape for one observer: over the continua it identified, the logistic
 * fits' R² against the linear fits' R² (and against the quadratic's) by a two-sided Mann–Whitney U test. A logistic
 * that fits better across continua is the signature of categorical perception.
 *
 * @param continua            identification sections (continua) the observer took part in
 * @param logistic            logistic R² per continuum where every shape could be fitted
 * @param linear              linear R², same continua
 * @param quadratic           quadratic R², same continua
 * @param logisticVsLinear    null when {@code flag} is set
 * @param logisticVsQuadratic null when {@code flag} is set
 * @param flag                why there is no test (too few continua), or null
 */
public record ShapeComparison(String observer, String kind, int continua, List<Double> logistic, List<Double> linear,
                              List<Double> quadratic, MannWhitney logisticVsLinear, MannWhitney logisticVsQuadratic,
                              Flag flag) {
    /**
     * With three values per group the smallest two-sided exact p is 2/C(6,3) = 0.1, so no difference could be
     * significant at 0.05; four per group allow 2/C(8,4) = 0.029.
     */
    public static final int MIN_CONTINUA = 4;
    static final String STATISTIC = "curve-shape test";

    /** One comparison per observer (people's mean curves as {@link ReportText#HUMAN_MEAN}), in order of appearance. */
    static List<ShapeComparison> across(List<IdentificationSection> sections) {
        Map<String, String> kinds = new LinkedHashMap<>();
        Map<String, List<CurveShapes>> shapes = new LinkedHashMap<>();
        Map<String, Integer> continua = new LinkedHashMap<>();
        for (IdentificationSection s : sections) {
            if (s.humanMean() != null) {
                add(kinds, shapes, continua, ReportText.HUMAN_MEAN, ReportText.HUMAN, s.humanMean().shapes());
            }
            for (IdentificationObserver o : s.observers()) {
                add(kinds, shapes, continua, o.name(), o.kind(), o.shapes());
            }
        }
        List<ShapeComparison> out = new ArrayList<>();
        shapes.forEach((observer, list) -> out.add(of(observer, kinds.get(observer), continua.get(observer), list)));
        return out;
    }

    private static void add(Map<String, String> kinds, Map<String, List<CurveShapes>> shapes,
                            Map<String, Integer> continua, String observer, String kind, CurveShapes s) {
        kinds.putIfAbsent(observer, kind);
        continua.merge(observer, 1, Integer::sum);
        List<CurveShapes> fitted = shapes.computeIfAbsent(observer, k -> new ArrayList<>());
        if (s.fits().stream().allMatch(f -> f.rSquared() != null)) {
            fitted.add(s);
        }
    }

    static ShapeComparison of(String observer, String kind, int continua, List<CurveShapes> fitted) {
        List<Double> logistic = rSquared(fitted, Shape.LOGISTIC);
        List<Double> linear = rSquared(fitted, Shape.LINEAR);
        List<Double> quadratic = rSquared(fitted, Shape.QUADRATIC);
        if (fitted.size() < MIN_CONTINUA) {
            Flag flag = new Flag(observer, STATISTIC, Flag.Kind.TOO_FEW, "R² of all three shapes on " + fitted.size()
                    + " of " + continua + " continu" + (continua == 1 ? "um" : "a") + "; the Mann–Whitney test needs"
                    + " at least " + MIN_CONTINUA + " (with 3 the smallest possible two-sided p is 0.1); add"
                    + " two-AFC protocols on more continua");
            return new ShapeComparison(observer, kind, continua, logistic, linear, quadratic, null, null, flag);
        }
        return new ShapeComparison(observer, kind, continua, logistic, linear, quadratic,
                MannWhitney.test(array(logistic), array(linear)), MannWhitney.test(array(logistic), array(quadratic)),
                null);
    }

    private static List<Double> rSquared(List<CurveShapes> fitted, Shape shape) {
        return fitted.stream().map(s -> s.fit(shape).rSquared()).toList();
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
