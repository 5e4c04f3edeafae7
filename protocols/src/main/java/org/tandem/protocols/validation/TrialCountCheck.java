package org.tandem.protocols.validation;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.ProtocolLimits;
import org.tandem.protocols.plan.TrialCount;
import org.tandem.protocols.plan.Variants;

/**
 * A session has at most {@link ProtocolLimits#MAX_TRIALS} trials, for the protocol as written and for each variant. The
 * counts are worked out from the design, before anything is planned, and an excess is reported at the number that sets
 * it (a variant's repetitions, a block's, or the protocol's), once per number.
 */
final class TrialCountCheck {
    private final Protocol written;
    private final BiConsumer<String, String> report;
    private final Set<String> reported = new HashSet<>();

    private TrialCountCheck(Protocol written, BiConsumer<String, String> report) {
        this.written = written;
        this.report = report;
    }

    static void check(Protocol protocol, BiConsumer<String, String> report) {
        TrialCountCheck check = new TrialCountCheck(protocol, report);
        check.session(protocol, null, -1);
        for (int v = 0; v < protocol.variants().size(); v++) {
            Protocol.Variant variant = protocol.variants().get(v);
            check.session(Variants.apply(protocol, variant.name()), variant, v);
        }
    }

    /** The trials of one session: the protocol as written ({@code variant} null) or with a variant applied. */
    private void session(Protocol effective, Protocol.Variant variant, int variantIndex) {
        String of = variant == null ? "" : " in variant '" + variant.name() + "'";
        BigInteger total = BigInteger.ZERO;
        for (Protocol.Block block : effective.blocks()) {
            TrialCount count = TrialCount.of(effective, block);
            if (count.overLimit()) {
                once(repetitionsPointer(block, variant, variantIndex), String.format(Locale.ROOT, "block '%s'%s would"
                                + " have %,d trials (%,d per repetition × %,d repetitions), more than the %,d a session may"
                                + " have; lower the repetitions or the levels", block.name(), of, count.trials(),
                        count.conditions(), count.repetitions(), ProtocolLimits.MAX_TRIALS));
                return;
            }
            total = total.add(count.trials());
        }
        if (total.compareTo(BigInteger.valueOf(ProtocolLimits.MAX_TRIALS)) > 0) {
            String at = variant == null ? "/repetitions"
                    : "/variants/" + variantIndex + (variant.repetitions() != null ? "/repetitions" : "");
            once(at, String.format(Locale.ROOT, "the %d blocks%s would have %,d trials together, more than the %,d a"
                            + " session may have; lower the repetitions or the levels, or split the protocol",
                    effective.blocks().size(), of, total, ProtocolLimits.MAX_TRIALS));
        }
    }

    /** Where a block's repetitions are set: by the variant (main blocks only), the block itself, or the protocol. */
    private String repetitionsPointer(Protocol.Block block, Protocol.Variant variant, int variantIndex) {
        if (variant != null && variant.repetitions() != null && !block.practice()) {
            return "/variants/" + variantIndex + "/repetitions";
        }
        List<Protocol.Block> blocks = written.blocks();
        for (int b = 0; b < blocks.size(); b++) {
            if (blocks.get(b).name().equals(block.name()) && blocks.get(b).repetitions() != null) {
                return "/blocks/" + b + "/repetitions";
            }
        }
        return "/repetitions";
    }

    /** One report per number: a variant that shares the protocol's repetitions shares its excess. */
    private void once(String pointer, String message) {
        if (reported.add(pointer)) {
            report.accept(pointer, message);
        }
    }
}
