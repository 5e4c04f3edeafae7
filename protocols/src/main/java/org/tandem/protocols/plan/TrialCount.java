package org.tandem.protocols.plan;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.ProtocolLimits;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Task;

/**
 * How many trials a block plans, worked out from the design without making them: the product of the levels of every factor
 * (for ABX, the pairs on the continuum times their arrangements) times the repetitions. Exact whatever the numbers, so a
 * design over {@link ProtocolLimits#MAX_TRIALS} is refused in microseconds instead of filling the heap; it mirrors
 * {@link ConditionExpander}, and a test holds the two to the same count.
 *
 * @param conditions  the trials of one repetition
 * @param repetitions how often each is shown
 */
public record TrialCount(BigInteger conditions, int repetitions) {
    private static final BigInteger LIMIT = BigInteger.valueOf(ProtocolLimits.MAX_TRIALS);

    public BigInteger trials() {
        return conditions.multiply(BigInteger.valueOf(repetitions));
    }

    public boolean overLimit() {
        return trials().compareTo(LIMIT) > 0;
    }

    /** The count of one block of a protocol with any variant already applied ({@link Variants#apply}). */
    public static TrialCount of(Protocol protocol, Protocol.Block block) {
        BigInteger conditions = BigInteger.ONE;
        Task.Abx abx = protocol.task() instanceof Task.Abx a ? a : null;
        for (Protocol.Factor factor : protocol.factors()) {
            if (abx != null && abx.continuum().factor().equals(factor.name())) {
                conditions = conditions.multiply(BigInteger.valueOf(abxArrangements(abx, factor.levels(),
                        block.levels().getOrDefault(factor.name(), factor.levels()))));
            } else {
                conditions = conditions.multiply(BigInteger.valueOf(
                        block.levels().getOrDefault(factor.name(), factor.levels()).size()));
            }
        }
        return new TrialCount(conditions, block.repetitions() != null ? block.repetitions() : protocol.repetitions());
    }

    /** Every block's trials together. */
    public static BigInteger total(Protocol protocol) {
        return protocol.blocks().stream().map(b -> of(protocol, b).trials()).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /**
     * Fails when the protocol (with any variant applied) plans more trials than a session may have; the reader reports
     * the same at its place in the file, so this only guards protocols made in code.
     */
    static void requireWithinLimit(Protocol protocol, String variant) {
        BigInteger total = total(protocol);
        if (total.compareTo(LIMIT) > 0) {
            throw new TandemException(String.format(Locale.ROOT, "protocol %s%s would plan %,d trials, more than the %,d"
                            + " a session may have; lower its repetitions or levels (check it with: tandem protocol validate)",
                    protocol.id(), variant == null ? "" : " (variant " + variant + ")", total, ProtocolLimits.MAX_TRIALS));
        }
    }

    /** The ABX trials of one condition of the other factors: pairs {@code step} apart inside the block, each arranged 2 or 4 ways. */
    private static long abxArrangements(Task.Abx abx, List<String> continuum, List<String> inBlock) {
        if (abx.step() < 1) {
            return 0;
        }
        Set<String> kept = new HashSet<>(inBlock);
        long pairs = 0;
        for (int i = 0; i + abx.step() < continuum.size(); i++) {
            if (kept.contains(continuum.get(i)) && kept.contains(continuum.get(i + abx.step()))) {
                pairs++;
            }
        }
        return pairs * (abx.counterbalanced() ? 4 : 2);
    }
}
