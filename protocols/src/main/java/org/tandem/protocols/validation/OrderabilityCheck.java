package org.tandem.protocols.validation;

import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.plan.Orderability;
import org.tandem.protocols.plan.PlanningException;
import org.tandem.protocols.plan.Variants;

/**
 * Run-length limits that no order of some block can meet, for the protocol as written and for each variant, reported at
 * the limit to change before a station plans the session (worked out from counts, nothing is planned).
 */
final class OrderabilityCheck {
    private OrderabilityCheck() {
    }

    static void check(Protocol protocol, BiConsumer<String, String> report) {
        Set<String> reported = new HashSet<>();
        session(protocol, null, report, reported);
        for (Protocol.Variant variant : protocol.variants()) {
            session(Variants.apply(protocol, variant.name()), variant.name(), report, reported);
        }
    }

    private static void session(Protocol effective, String variant, BiConsumer<String, String> report, Set<String> reported) {
        try {
            Orderability.require(effective);
        } catch (PlanningException e) {
            if (reported.add(e.pointer())) {
                report.accept(e.pointer(), (variant == null ? "" : "in variant '" + variant + "', ") + e.getMessage());
            }
        }
    }
}
