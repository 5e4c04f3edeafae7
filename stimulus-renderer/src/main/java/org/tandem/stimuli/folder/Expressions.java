package org.tandem.stimuli.folder;

import java.util.List;

/**
 * Tandem's names of facial expressions, which protocols use as labels and stimulus sets as the {@code expression} of their
 * images: the six basic expressions and neutral, plus contempt (in RaFD).
 */
public final class Expressions {
    public static final String NEUTRAL = "neutral";
    public static final String ANGRY = "angry";
    public static final String DISGUSTED = "disgusted";
    public static final String FEARFUL = "fearful";
    public static final String HAPPY = "happy";
    public static final String SAD = "sad";
    public static final String SURPRISED = "surprised";
    public static final String CONTEMPTUOUS = "contemptuous";

    /** Neutral and the six basic expressions. */
    public static final List<String> BASIC = List.of(NEUTRAL, ANGRY, DISGUSTED, FEARFUL, HAPPY, SAD, SURPRISED);

    /** Every name: {@link #BASIC} and contemptuous. */
    public static final List<String> ALL = List.of(NEUTRAL, ANGRY, DISGUSTED, FEARFUL, HAPPY, SAD, SURPRISED, CONTEMPTUOUS);

    private Expressions() {
    }
}
