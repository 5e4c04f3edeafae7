package org.tandem.stimuli.folder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a published face set names its files, so that a folder of it needs no manifest: the file name alone gives the
 * identity, the expression (in {@link Expressions}' names) and further attributes. A scheme also chooses which of the
 * matching files a set uses by default (e.g. only frontal views); the others are skipped, with the reason.
 */
public sealed interface NamingScheme permits KdefNaming, RafdNaming {

    /** e.g. {@code KDEF}. */
    String name();

    /** A file name that follows the scheme, for messages. */
    String example();

    /** What the file name says, or empty when it does not follow the scheme. Only the name is looked at, not folders. */
    Optional<Match> match(String fileName);

    /** The schemes tried on a folder without a manifest, with their default choices. */
    static List<NamingScheme> standard() {
        return List.of(KdefNaming.standard(), RafdNaming.standard());
    }

    /**
     * @param skipReason why the set leaves the file out (e.g. a side view), or null when it is used
     */
    record Match(String identity, String expression, Map<String, String> attributes, String skipReason) {
        public Match {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        public boolean used() {
            return skipReason == null;
        }
    }
}
