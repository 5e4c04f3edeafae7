package org.tandem.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.tandem.protocols.observer.Presentation;
import org.tandem.protocols.observer.ScreenTiming;

/**
 * A trial's {@link Presentation} in the {@code trial.presentation} column. The trial's station events are stored as
 * rows of the event table instead (with the trial's index), so they are read back from there.
 */
final class PresentationJson {
    private PresentationJson() {
    }

    static String write(Presentation p) {
        ObjectNode node = StoreJson.mapper().createObjectNode();
        node.put("run_segment", p.runSegment());
        node.put("period_ns", p.periodNs());
        node.put("answer_opens_ns", p.answerOpensNanos());
        node.put("timing_ok", p.timingOk());
        ArrayNode screens = node.putArray("screens");
        for (ScreenTiming s : p.screens()) {
            ObjectNode screen = screens.addObject();
            screen.put("screen", s.screen());
            screen.put("onset_ns", s.onsetNanos());
            screen.put("offset_ns", s.offsetNanos());
            screen.put("frames_requested", s.framesRequested());
            screen.put("frames_shown", s.framesShown());
            screen.put("requested_ms", s.requestedMs());
            screen.put("shown_ms", s.shownMs());
            if (s.fault() != null) {
                screen.put("fault", s.fault());
            }
        }
        return StoreJson.write(node);
    }

    static Presentation read(String json) {
        JsonNode node = StoreJson.tree(json);
        List<ScreenTiming> screens = new ArrayList<>();
        for (JsonNode s : node.path("screens")) {
            screens.add(new ScreenTiming(s.path("screen").asText(), s.path("onset_ns").asLong(),
                    s.path("offset_ns").asLong(), s.path("frames_requested").asInt(), s.path("frames_shown").asInt(),
                    s.path("requested_ms").asDouble(), s.path("shown_ms").asDouble(),
                    s.hasNonNull("fault") ? s.get("fault").asText() : null));
        }
        return new Presentation(screens, node.path("answer_opens_ns").asLong(), node.path("run_segment").asInt(),
                node.path("period_ns").asDouble(), List.of());
    }
}
