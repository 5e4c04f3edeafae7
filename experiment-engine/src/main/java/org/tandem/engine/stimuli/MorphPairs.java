package org.tandem.engine.stimuli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.protocols.TandemException;
import org.tandem.stimuli.folder.SetReport;
import org.tandem.stimuli.folder.StimulusEntry;

/**
 * The photograph pairs a morph continuum runs between: one identity's two expressions in a stimulus set. An identity
 * without exactly one photograph of each is listed with the reason, never guessed.
 */
public final class MorphPairs {
    /** A continuum to make: from photograph {@code from} (level 0 %) to {@code to} (100 %). */
    public record Pair(String identity, String continuum, Path from, Path to) {
    }

    /** The pairs, in the set's identity order, and the identities left out with why. */
    public record Planned(List<Pair> pairs, List<String> leftOut) {
    }

    private MorphPairs() {
    }

    public static Planned of(SetReport set, String fromExpression, String toExpression) {
        if (fromExpression.equals(toExpression)) {
            throw new TandemException("--from-expression and --to-expression are both " + fromExpression
                    + "; a continuum runs between two different expressions");
        }
        Map<String, List<StimulusEntry>> byIdentity = new LinkedHashMap<>();
        for (StimulusEntry entry : set.entries()) {
            if (entry.ref().expression() != null) {
                byIdentity.computeIfAbsent(entry.ref().identity(), k -> new ArrayList<>()).add(entry);
            }
        }
        List<Pair> pairs = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (Map.Entry<String, List<StimulusEntry>> identity : byIdentity.entrySet()) {
            List<StimulusEntry> from = withExpression(identity.getValue(), fromExpression);
            List<StimulusEntry> to = withExpression(identity.getValue(), toExpression);
            if (from.size() == 1 && to.size() == 1) {
                pairs.add(new Pair(identity.getKey(), fromExpression + "-" + toExpression,
                        set.root().resolve(from.get(0).file()), set.root().resolve(to.get(0).file())));
            } else {
                leftOut.add(identity.getKey() + ": " + count(from, fromExpression) + ", " + count(to, toExpression));
            }
        }
        if (pairs.isEmpty()) {
            throw new TandemException(where(set) + ": no identity has one photograph " + fromExpression + " and one "
                    + toExpression + " (" + byIdentity.size() + " identities, expressions "
                    + set.entries().stream().map(e -> e.ref().expression()).filter(e -> e != null).distinct().sorted()
                            .toList() + "); check --from-expression and --to-expression");
        }
        return new Planned(pairs, leftOut);
    }

    private static List<StimulusEntry> withExpression(List<StimulusEntry> entries, String expression) {
        return entries.stream().filter(e -> expression.equals(e.ref().expression())).toList();
    }

    private static String count(List<StimulusEntry> entries, String expression) {
        return switch (entries.size()) {
            case 0 -> "no " + expression;
            case 1 -> "one " + expression;
            default -> entries.size() + " " + expression + " (" + String.join(", ",
                    entries.stream().map(StimulusEntry::file).toList()) + ")";
        };
    }

    private static String where(SetReport set) {
        return String.valueOf(set.manifest() != null ? set.manifest() : set.root());
    }
}
