package org.tandem.analysis.report;

import java.util.List;
import java.util.Locale;
import org.tandem.protocols.observer.ObserverKind;

/** Names and number formats shared by the report's HTML and CSV. */
public final class ReportText {
    /** The observer kinds as the report's records spell them. */
    public static final String HUMAN = "human";
    public static final String NETWORK = "network";
    static final String HUMAN_MEAN = "humans (mean)";
    public static final String HUMAN_POOLED = "humans (pooled)";

    private ReportText() {
    }

    static String kind(ObserverKind kind) {
        return kind == ObserverKind.HUMAN ? HUMAN : NETWORK;
    }

    /** A number for tables: 3 significant decimals, or "–" when undefined. */
    static String number(Double v) {
        if (v == null || v.isNaN()) {
            return "–";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : Math.abs(v) >= 10 ? "%.2f" : "%.3f", v);
    }

    /** A stimulus level: whole numbers without decimals (20, not 20.00). */
    static String level(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : number(v);
    }

    /** A p value: "< 0.001" below that, else 3 decimals. */
    static String p(Double p) {
        if (p == null || p.isNaN()) {
            return "–";
        }
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** "[low, high]", or "–" without an interval. */
    static String interval(Double low, Double high) {
        return low == null || high == null ? "–" : "[" + number(low) + ", " + number(high) + "]";
    }

    static String html(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** An HTML table; the cells are HTML already. */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("<table><thead><tr>");
        header.forEach(h -> out.append("<th>").append(h).append("</th>"));
        out.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td>").append(cell).append("</td>"));
            out.append("</tr>\n");
        }
        return out.append("</tbody></table>\n").toString();
    }
}
