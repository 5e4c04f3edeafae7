package org.tandem.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.observer.ObserverKind;

class EventTableTest {
    private static final SessionSummary SESSION = new SessionSummary("s1", "study", "protocol", "sha", null,
            ObserverKind.HUMAN, "station", "P01", 1, SessionStatus.COMPLETED, 2, 2, "plan", "host", Map.of(),
            Instant.parse("2026-12-04T08:00:00Z"), null);

    @Test
    void eventsAreInTimeOrderEvenWhereTheTextOfTheirInstantsSortsTheOtherWay() {
        // "…00.123Z" sorts after "…00.123400Z" as text, yet it is the earlier instant
        List<SessionEvent> events = List.of(
                new SessionEvent(7, "s1", Instant.parse("2026-12-04T08:00:00.123400Z"), "trigger",
                        "{\"trial\": 4, \"nanos\": 2000, \"detail\": \"1\"}"),
                new SessionEvent(5, "s1", Instant.parse("2026-12-04T08:00:00.123Z"), "trigger",
                        "{\"trial\": 3, \"nanos\": 1000, \"detail\": \"5\"}"),
                new SessionEvent(6, "s1", Instant.parse("2026-12-04T08:00:00.123Z"), "pause",
                        "{\"trial\": 3, \"nanos\": 1500}"));

        TidyTable table = EventTable.of(Map.of("s1", SESSION), Map.of("s1", events), List.of());

        assertThat(table.rows()).extracting(row -> row.get("event_id")).containsExactly(5L, 6L, 7L);
        assertThat(table.rows()).extracting(row -> row.get("trial")).containsExactly(3, 3, 4);
    }
}
