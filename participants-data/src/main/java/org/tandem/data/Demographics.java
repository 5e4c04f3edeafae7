package org.tandem.data;

import org.tandem.protocols.TandemException;

/**
 * Optional facts about a participant, kept apart from the pseudonymous code and left out of exports unless asked for.
 *
 * @param age        years, or null
 * @param sex        free text as the participant gave it (e.g. {@code female}), or null
 * @param handedness free text (e.g. {@code right}), or null
 */
public record Demographics(Integer age, String sex, String handedness) {
    static final int MAX_TEXT = 32;

    public Demographics {
        if (age != null && (age < 0 || age > 130)) {
            throw new TandemException("participant age " + age + " is out of range; give an age from 0 to 130 or leave it out");
        }
        sex = checkText("sex", sex);
        handedness = checkText("handedness", handedness);
    }

    public static Demographics none() {
        return new Demographics(null, null, null);
    }

    private static String checkText(String field, String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() > MAX_TEXT || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new TandemException("participant " + field + " '" + trimmed + "' is not valid; use at most " + MAX_TEXT
                    + " characters on one line");
        }
        return trimmed;
    }
}
