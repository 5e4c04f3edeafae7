package org.tandem.protocols.validation;

/** Converts JSON Pointers ({@code /task/labels/1}) to the JSONPath form people read ({@code $.task.labels[1]}). */
public final class JsonPaths {
    private JsonPaths() {
    }

    public static String display(String pointer) {
        StringBuilder out = new StringBuilder("$");
        if (pointer.isEmpty() || pointer.equals("/")) {
            return out.toString();
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (!token.isEmpty() && token.chars().allMatch(Character::isDigit)) {
                out.append('[').append(token).append(']');
            } else {
                out.append('.').append(token);
            }
        }
        return out.toString();
    }

    static String child(String pointer, Object token) {
        return pointer + "/" + String.valueOf(token).replace("~", "~0").replace("/", "~1");
    }
}
