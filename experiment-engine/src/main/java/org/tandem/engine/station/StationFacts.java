package org.tandem.engine.station;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tandem.presenter.FrameConversion;
import org.tandem.presenter.RefreshCheck;
import org.tandem.presenter.Station;
import org.tandem.presenter.VisualAngle;
import org.tandem.presenter.station.KeyboardLayout;

/**
 * What a human session stores about its station (the session's station facts, shown in the export's
 * {@code station_info}): display, refresh check, each duration's frame conversion and the viewing geometry. A resumed
 * session stores the facts of its new run as a {@code station} event, since the refresh may differ.
 */
public final class StationFacts {
    private StationFacts() {
    }

    /**
     * @param viewing the viewing distance and screen width, or null when not given
     */
    public static Map<String, String> of(Station station, String screen, List<FrameConversion> conversions,
                                         boolean allowUnstableTiming, Viewing viewing) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("station", "human");
        facts.put("display.platform", station.window().platform().name());
        facts.put("display.renderer", station.window().renderer());
        facts.put("display.screen", screen);
        facts.put("display.size_px", station.window().width() + "x" + station.window().height());
        facts.put("keyboard", KeyboardLayout.active().describe());
        RefreshCheck check = station.refreshCheck();
        facts.put("refresh.measured_hz", number(check.measuredHz()));
        facts.put("refresh.nominal_hz", number(check.nominalHz()));
        facts.put("refresh.mean_ms", number(check.meanMs()));
        facts.put("refresh.sd_ms", number(check.sdMs()));
        facts.put("refresh.min_ms", number(check.minMs()));
        facts.put("refresh.max_ms", number(check.maxMs()));
        facts.put("refresh.intervals", Integer.toString(check.intervals()));
        facts.put("refresh.stable", Boolean.toString(check.stable()));
        if (!check.stable()) {
            facts.put("refresh.problem", check.problem());
        }
        facts.put("timing.allow_unstable", Boolean.toString(allowUnstableTiming));
        for (FrameConversion c : conversions) {
            facts.put("frames." + c.screen(), c.describe());
        }
        if (viewing != null) {
            VisualAngle angle = new VisualAngle(viewing.distanceCm(), viewing.screenWidthCm(), station.window().width());
            facts.put("viewing.distance_cm", number(viewing.distanceCm()));
            facts.put("viewing.screen_width_cm", number(viewing.screenWidthCm()));
            facts.put("viewing.px_per_deg", number(angle.pixels(1)));
        }
        return facts;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** Viewing distance and the visible screen width, both in centimetres. */
    public record Viewing(double distanceCm, double screenWidthCm) {
    }
}
