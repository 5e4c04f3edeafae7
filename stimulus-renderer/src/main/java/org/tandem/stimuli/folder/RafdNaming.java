package org.tandem.stimuli.folder;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Radboud Faces Database (Langner et al. 2010): {@code Rafd090_01_Caucasian_female_happy_frontal.jpg} is camera angle
 * 090 (frontal camera; 000, 045, 135, 180 are the others), model 01, Caucasian, female, happy, looking straight ahead
 * (gaze frontal, left or right). Expressions: angry, contemptuous, disgusted, fearful, happy, neutral, sad, surprised,
 * which are Tandem's names already.
 *
 * <p>The identity is the model number as written ({@code 01}); angle, ethnicity, sex and gaze are kept as attributes.
 * {@link #standard()} uses the frontal camera (090) and frontal gaze.
 *
 * @param angles the camera angles used, as three digits; files of the others are skipped
 * @param gazes  the gaze directions used ({@code frontal}, {@code left}, {@code right}); files of the others are skipped
 */
public record RafdNaming(Set<String> angles, Set<String> gazes) implements NamingScheme {

    private static final Pattern NAME = Pattern.compile(
            "Rafd(\\d{3})_(\\d+)_([A-Za-z]+)_(female|male)_([A-Za-z]+)_(frontal|left|right)\\.(jpe?g|png|bmp|gif)",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> EXPRESSIONS = Set.of(Expressions.ANGRY, Expressions.CONTEMPTUOUS,
            Expressions.DISGUSTED, Expressions.FEARFUL, Expressions.HAPPY, Expressions.NEUTRAL, Expressions.SAD,
            Expressions.SURPRISED);
    private static final Set<String> GAZES = Set.of("frontal", "left", "right");

    public RafdNaming {
        if (angles == null || angles.isEmpty() || angles.stream().anyMatch(a -> !a.matches("\\d{3}"))) {
            throw new IllegalArgumentException("RaFD angles are three digits such as 090, got " + angles);
        }
        angles = Set.copyOf(angles);
        if (gazes == null || gazes.isEmpty()) {
            throw new IllegalArgumentException("choose at least one gaze of " + new TreeSet<>(GAZES));
        }
        Set<String> normalised = new TreeSet<>();
        for (String gaze : gazes) {
            String g = gaze.toLowerCase(Locale.ROOT);
            if (!GAZES.contains(g)) {
                throw new IllegalArgumentException("unknown gaze '" + gaze + "'; use " + new TreeSet<>(GAZES));
            }
            normalised.add(g);
        }
        gazes = Set.copyOf(normalised);
    }

    /** Frontal camera (090), frontal gaze. */
    public static RafdNaming standard() {
        return new RafdNaming(Set.of("090"), Set.of("frontal"));
    }

    @Override
    public String name() {
        return "RaFD";
    }

    @Override
    public String example() {
        return "Rafd090_01_Caucasian_female_happy_frontal.jpg";
    }

    @Override
    public Optional<Match> match(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        String expression = m.group(5).toLowerCase(Locale.ROOT);
        if (!EXPRESSIONS.contains(expression)) {
            return Optional.empty();
        }
        String angle = m.group(1);
        String gaze = m.group(6).toLowerCase(Locale.ROOT);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("angle", angle);
        attributes.put("ethnicity", m.group(3));
        attributes.put("sex", m.group(4).toLowerCase(Locale.ROOT));
        attributes.put("gaze", gaze);
        String skip = null;
        if (!angles.contains(angle)) {
            skip = "RaFD camera angle " + angle + " is not used (angles used: " + String.join(", ", new TreeSet<>(angles))
                    + ")";
        } else if (!gazes.contains(gaze)) {
            skip = "RaFD gaze " + gaze + " is not used (gazes used: " + String.join(", ", new TreeSet<>(gazes)) + ")";
        }
        return Optional.of(new Match(m.group(2), expression, attributes, skip));
    }
}
