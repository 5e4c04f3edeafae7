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
}
