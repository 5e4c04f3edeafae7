package org.tandem.protocols.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.protocols.CanonicalJson;
import org.tandem.protocols.ProtocolLimits;

/**
 * Parses protocol text into a tree within the protocol limits (nesting depth, length of a number), and turns every syntax
 * error into one located problem in plain words: the parser's own messages name its settings, not what to do.
 */
public final class ProtocolJson {
    /** Deeper paths are shortened in messages: a runaway nesting would otherwise make a path of thousands of brackets. */
    private static final int MAX_PATH_TOKENS = 8;
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
    private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '([^']*)'");

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(ProtocolLimits.MAX_NESTING_DEPTH)
                    .maxNumberLength(ProtocolLimits.MAX_NUMBER_LENGTH)
                    .build())
            // a member given twice is an error, not "the last one wins"
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Decimals as BigDecimal: a level such as 1e400 has no double value, and 0.1 keeps its written digits. */
    private static final ObjectReader READER = CanonicalJson.mapper().reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ProtocolJson() {
    }

    /**
     * The document's tree; it must be one JSON object with nothing after it.
     *
     * @throws InvalidProtocolException with the one syntax problem, located
     */
    public static JsonNode parse(String json, String source) {
        if (json.isBlank()) {
            throw invalid(source, new Problem("$", 1, 1, "the protocol is empty: write one JSON object (the built-in"
                    + " protocols are examples, see: tandem protocol list; the format: tandem protocol schema)"));
        }
        JsonParser parser = null;
        try {
            parser = FACTORY.createParser(json);
            JsonNode tree = READER.readTree(parser);
            if (parser.nextToken() != null) {
                JsonLocation location = parser.currentTokenLocation();
                throw invalid(source, new Problem("$", location.getLineNr(), location.getColumnNr(),
                        "not valid JSON: more text after the protocol's closing '}'; remove it"));
            }
            if (tree == null || !tree.isObject()) {
                throw invalid(source, new Problem("$", 1, 1, "a protocol must be a JSON object, {...}"));
            }
            return tree;
        } catch (JsonProcessingException e) {
            // located before the parser is closed: closing forgets where it stood
            throw invalid(source, syntaxProblem(e, parser));
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        } finally {
            closeQuietly(parser);
        }
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // a parser over a string holds nothing to release
            }
        }
    }

    private static InvalidProtocolException invalid(String source, Problem problem) {
        return new InvalidProtocolException(source, List.of(problem));
    }

    private static Problem syntaxProblem(JsonProcessingException e, JsonParser parser) {
        // a broken constraint carries no location of its own; the parser stands right where it was broken
        JsonLocation location = e.getLocation() != null ? e.getLocation() : parser == null ? null : parser.currentLocation();
        return new Problem(path(parser), location == null ? 0 : location.getLineNr(),
                location == null ? 0 : location.getColumnNr(), message(e));
    }

    /** The JSON path the parser had reached, e.g. {@code $.id} for a member given twice. */
    private static String path(JsonParser parser) {
        if (parser == null || parser.getParsingContext() == null) {
            return "$";
        }
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        String[] tokens = pointer.split("/", -1);
        if (tokens.length - 1 <= MAX_PATH_TOKENS) {
            return JsonPaths.display(pointer);
        }
        return JsonPaths.display(String.join("/", List.of(tokens).subList(0, MAX_PATH_TOKENS + 1))) + "…";
    }

    private static String message(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            if (original.contains("nesting depth")) {
                return "objects and arrays are nested more than " + ProtocolLimits.MAX_NESTING_DEPTH + " deep, where a"
                        + " protocol needs 6; close the brackets left open (or check that this is a protocol file)";
            }
            if (original.contains("Number value length")) {
                return "a number longer than " + ProtocolLimits.MAX_NUMBER_LENGTH + " characters; write it with fewer"
                        + " digits (an exponent such as 1e-9 is fine)";
            }
        }
        if (e instanceof JsonEOFException || original.startsWith("Unexpected end-of-input")) {
            return "the text ends before the protocol does (an object or array is not closed); the file may be"
                    + " truncated: complete it or restore it";
        }
        Matcher duplicate = DUPLICATE.matcher(original);
        if (duplicate.lookingAt()) {
            return "member '" + duplicate.group(1) + "' is given twice in the same object; keep one of them";
        }
        Matcher nonStandard = NON_STANDARD.matcher(original);
        if (nonStandard.lookingAt()) {
            return nonStandard.group(1) + " is not a JSON number; write a number such as 0.5, or text in double quotes";
        }
        if (original.contains("Leading zeroes not allowed")) {
            return "a number may not start with 0 (write 7, not 07; or put the level in double quotes as text)";
        }
        return "not valid JSON: " + oneLine(original) + "; check the quotes, commas and brackets here";
    }

    /** The parser's message on one line and without hints about its own settings. */
    private static String oneLine(String message) {
        String line = message.lines().findFirst().orElse("").strip();
        int hint = line.indexOf(": enable `");
        return hint >= 0 ? line.substring(0, hint) : line;
    }
}
