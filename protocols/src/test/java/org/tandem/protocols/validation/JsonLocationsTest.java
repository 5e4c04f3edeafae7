package org.tandem.protocols.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonLocationsTest {
    private static final String DOCUMENT = String.join("\n",
            "{",
            "  \"a\": {\"b\": [10, [20, 21], {\"c\": true}]},",
            "  \"d/e\": [",
            "    \"x\",",
            "    {}",
            "  ]",
            "}");

    private static Problem at(String pointer) {
        return JsonLocations.index(DOCUMENT).problem(pointer, "m");
    }

    @Test
    void membersAreLocatedAtTheirKey() {
        assertThat(at("/a")).isEqualTo(new Problem("$.a", 2, 3, "m"));
        assertThat(at("/a/b")).isEqualTo(new Problem("$.a.b", 2, 9, "m"));
        assertThat(at("/d~1e")).isEqualTo(new Problem("$.d/e", 3, 3, "m"));
    }

    @Test
    void arrayElementsAreLocatedAtTheirValue() {
        assertThat(at("/a/b/0")).isEqualTo(new Problem("$.a.b[0]", 2, 15, "m"));
        assertThat(at("/a/b/1")).isEqualTo(new Problem("$.a.b[1]", 2, 19, "m"));
        assertThat(at("/a/b/1/0")).isEqualTo(new Problem("$.a.b[1][0]", 2, 20, "m"));
        assertThat(at("/a/b/1/1")).isEqualTo(new Problem("$.a.b[1][1]", 2, 24, "m"));
        assertThat(at("/a/b/2")).isEqualTo(new Problem("$.a.b[2]", 2, 29, "m"));
        assertThat(at("/a/b/2/c")).isEqualTo(new Problem("$.a.b[2].c", 2, 30, "m"));
        assertThat(at("/d~1e/0")).isEqualTo(new Problem("$.d/e[0]", 4, 5, "m"));
        assertThat(at("/d~1e/1")).isEqualTo(new Problem("$.d/e[1]", 5, 5, "m"));
    }

    @Test
    void aMissingMemberIsLocatedAtItsNearestExistingAncestor() {
        assertThat(at("")).isEqualTo(new Problem("$", 1, 1, "m"));
        assertThat(at("/zzz")).isEqualTo(new Problem("$.zzz", 1, 1, "m"));
        assertThat(at("/a/b/2/missing")).isEqualTo(new Problem("$.a.b[2].missing", 2, 29, "m"));
        assertThat(at("/d~1e/1/missing")).isEqualTo(new Problem("$.d/e[1].missing", 5, 5, "m"));
    }

    @Test
    void windowsLineEndsCountAsOneLineBreak() {
        String crlf = DOCUMENT.replace("\n", "\r\n");
        assertThat(JsonLocations.index(crlf).problem("/d~1e/1", "m")).isEqualTo(new Problem("$.d/e[1]", 5, 5, "m"));
    }
}
