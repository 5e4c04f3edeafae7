package org.tandem.presenter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Greedy word wrapping that keeps the text's own layout: paragraphs split at newlines (blank lines stay blank), spaces
 * inside a line and at its start (indentation) kept as written, tabs as four spaces; a line is broken between words to
 * fit a width, the spaces at the break dropped.
 */
public final class TextLayout {
    /** The spaces before a word (kept unless the line breaks there), and the word. */
    private static final Pattern SPACE_AND_WORD = Pattern.compile("( *)([^ ]+)");
    private TextLayout() {
    }

    /**
     * @param width measures a text in pixels
     * @return the lines; a word wider than {@code maxWidth} gets a line of its own
     */
    public static List<String> wrap(String text, double maxWidth, ToDoubleFunction<String> width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.replace("\r", "").replace("\t", "    ").split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            Matcher token = SPACE_AND_WORD.matcher(paragraph);
            while (token.find()) {
                String candidate = line + token.group(1) + token.group(2);
                if (!line.isEmpty() && width.applyAsDouble(candidate) > maxWidth) {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(token.group(2));
                } else {
                    line.setLength(0);
                    line.append(candidate);
                }
            }
            lines.add(line.toString());
        }
        return List.copyOf(lines);
    }
}
