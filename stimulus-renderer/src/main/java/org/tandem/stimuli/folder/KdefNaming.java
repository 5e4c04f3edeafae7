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
 * The Karolinska Directed Emotional Faces (Lundqvist, Flykt and Öhman 1998): {@code AF01HAS.JPG} is session A, a female,
 * number 01 (01–35), happy, straight view. Expressions AF afraid, AN angry, DI disgusted, HA happy, NE neutral, SA sad,
 * SU surprised; views FL full left, HL half left, S straight, HR half right, FR full right.
 *
 * <p>The identity is sex and number ({@code F01}); session and view are kept as the attributes {@code session} and
 * {@code view}. KDEF photographed every person twice, in sessions A and B, so a set can use only one session per view or
 * it would have two images of each stimulus: {@link #standard()} uses session A and the straight view.
 *
 * @param sessions the sessions used ({@code A}, {@code B}); files of the others are skipped
 * @param views    the views used ({@code FL}, {@code HL}, {@code S}, {@code HR}, {@code FR}); files of the others are skipped
 */
public record KdefNaming(Set<String> sessions, Set<String> views) implements NamingScheme {

    private static final Pattern NAME = Pattern.compile(
            "([AB])([FM])(\\d{2})(AF|AN|DI|HA|NE|SA|SU)(FL|FR|HL|HR|S)\\.(jpe?g|png|bmp|gif)", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> EXPRESSIONS = Map.of(
            "AF", Expressions.FEARFUL,
            "AN", Expressions.ANGRY,
            "DI", Expressions.DISGUSTED,
            "HA", Expressions.HAPPY,
            "NE", Expressions.NEUTRAL,
            "SA", Expressions.SAD,
            "SU", Expressions.SURPRISED);
    private static final Set<String> SESSIONS = Set.of("A", "B");
    private static final Set<String> VIEWS = Set.of("FL", "HL", "S", "HR", "FR");

    public KdefNaming {
        sessions = choice(sessions, SESSIONS, "session");
        views = choice(views, VIEWS, "view");
    }

    /** Session A, straight view. */
    public static KdefNaming standard() {
        return new KdefNaming(Set.of("A"), Set.of("S"));
    }

    @Override
    public String name() {
        return "KDEF";
    }

    @Override
    public String example() {
        return "AF01HAS.JPG";
    }

    @Override
    public Optional<Match> match(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        int number = Integer.parseInt(m.group(3));
        if (number < 1 || number > 35) {
            return Optional.empty();
        }
        String session = m.group(1).toUpperCase(Locale.ROOT);
        String view = m.group(5).toUpperCase(Locale.ROOT);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("session", session);
        attributes.put("view", view);
        String skip = null;
        if (!views.contains(view)) {
            skip = "KDEF view " + view + " is not used (views used: " + String.join(", ", new TreeSet<>(views)) + ")";
        } else if (!sessions.contains(session)) {
            skip = "KDEF session " + session + " is not used (sessions used: "
                    + String.join(", ", new TreeSet<>(sessions)) + ")";
        }
        String identity = m.group(2).toUpperCase(Locale.ROOT) + m.group(3);
        return Optional.of(new Match(identity, EXPRESSIONS.get(m.group(4).toUpperCase(Locale.ROOT)), attributes, skip));
    }

    static Set<String> choice(Set<String> chosen, Set<String> allowed, String what) {
        if (chosen == null || chosen.isEmpty()) {
            throw new IllegalArgumentException("choose at least one " + what + " of " + new TreeSet<>(allowed));
        }
        Set<String> normalised = new TreeSet<>();
        for (String value : chosen) {
            String v = value.toUpperCase(Locale.ROOT);
            if (!allowed.contains(v)) {
                throw new IllegalArgumentException("unknown " + what + " '" + value + "'; use " + new TreeSet<>(allowed));
            }
            normalised.add(v);
        }
        return Set.copyOf(normalised);
    }
}
