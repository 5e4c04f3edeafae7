package org.tandem.engine.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The line a command-line mistake is reported with. A word where a subcommand goes that names none (a typo such as
 * {@code tandem sesions list}) gets picocli's nearest subcommands instead of "Unmatched arguments from index 0".
 */
final class UsageMistake {
    private UsageMistake() {
    }

    static String describe(ParameterException e) {
        CommandLine command = e.getCommandLine();
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.isUnknownOption()
                && !command.getSubcommands().isEmpty() && !unmatched.getSuggestions().isEmpty()) {
            String qualified = command.getCommandSpec().qualifiedName();
            List<String> suggestions = unmatched.getSuggestions().stream().map(s -> qualified + " " + s).toList();
            return "'" + unmatched.getUnmatched().get(0) + "' is not a command of " + qualified + "; did you mean "
                    + either(suggestions) + "?";
        }
        return e.getMessage();
    }

    /** "a", "a or b", "a, b or c". */
    private static String either(List<String> choices) {
        int last = choices.size() - 1;
        return last == 0 ? choices.get(0) : String.join(", ", choices.subList(0, last)) + " or " + choices.get(last);
    }
}
