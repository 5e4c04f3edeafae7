package org.tandem.protocols.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a JSON document starts (line and column), by JSON Pointer, so that problems found on the parsed tree
 * can be reported at their place in the file. A member is located at its key.
 */
final class JsonLocations {
    private final Map<String, JsonLocation> byPointer;

    private JsonLocations(Map<String, JsonLocation> byPointer) {
        this.byPointer = byPointer;
    }

    /** Indexes a document that is known to parse. */
    static JsonLocations index(String json) {
        Map<String, JsonLocation> locations = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                JsonStreamContext context = parser.getParsingContext();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    JsonStreamContext parent = context.getParent();
                    locations.putIfAbsent(parent == null ? "" : parent.pathAsPointer().toString(), parser.currentTokenLocation());
                } else if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                    locations.putIfAbsent(context.pathAsPointer().toString(), parser.currentTokenLocation());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("document was parsed before and must parse again", e);
        }
        return new JsonLocations(locations);
    }

    /** The location of the value at the pointer, or of its nearest ancestor that exists (for a missing member). */
    JsonLocation locate(String pointer) {
        String current = pointer;
        while (true) {
            JsonLocation location = byPointer.get(current);
            if (location != null || current.isEmpty()) {
                return location;
            }
            current = current.substring(0, Math.max(current.lastIndexOf('/'), 0));
        }
    }

    Problem problem(String pointer, String message) {
        JsonLocation location = locate(pointer);
        return location == null
                ? new Problem(JsonPaths.display(pointer), 0, 0, message)
                : new Problem(JsonPaths.display(pointer), location.getLineNr(), location.getColumnNr(), message);
    }
}
