package org.tandem.protocols;

import java.util.Set;

/**
 * What the built-in stimulus sets can show, so that a protocol's references to them are checked when it is read, without
 * making an image. The sets live in stimulus-renderer, which protocols cannot see, so whoever sees both hands this to
 * {@link ProtocolReader} (the engine does). Image-folder sets are not covered: they are checked in full when opened.
 */
public interface StimulusVocabulary {
    /** The built-in set names: a protocol uses these without a {@code path}. */
    Set<String> builtinSets();

    /** Why the built-in set cannot show this identity, or null when it can. */
    String identityProblem(String set, String identity);

    /** Why the built-in set cannot show this expression (as a prototype or a continuum end), or null when it can. */
    String expressionProblem(String set, String expression);
}
