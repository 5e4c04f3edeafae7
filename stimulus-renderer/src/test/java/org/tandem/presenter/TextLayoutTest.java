package org.tandem.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLayoutTest {

    @Test
    void wordsWrapToFitAndNewlinesStartParagraphs() {
        // each character 1 unit wide
        assertThat(TextLayout.wrap("one two three four\nfive", 9, String::length))
                .containsExactly("one two", "three", "four", "five");
    }

    @Test
    void aWordWiderThanTheLineGetsItsOwnLine() {
        assertThat(TextLayout.wrap("a incomprehensibly b", 5, String::length))
                .containsExactly("a", "incomprehensibly", "b");
    }

    @Test
    void spacesIndentationAndBlankLinesAreKeptAsWritten() {
        assertThat(TextLayout.wrap("Keys:\n\n  A   happy\n  S   sad", 40, String::length))
                .containsExactly("Keys:", "", "  A   happy", "  S   sad");
        assertThat(TextLayout.wrap("\tindented", 40, String::length)).containsExactly("    indented");
        // the spaces where a line breaks are dropped, not carried to the next line
        assertThat(TextLayout.wrap("one   two", 5, String::length)).containsExactly("one", "two");
    }
}
