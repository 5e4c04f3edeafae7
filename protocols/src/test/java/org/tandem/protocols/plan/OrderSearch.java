package org.tandem.protocols.plan;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides by exhaustive, memoised search whether trials of some kinds (level key, correct answer or null) can be put in
 * a row with runs of equal levels of at most {@code maxLevel} and of equal answers of at most {@code maxAnswer}
 * (0: no limit). The oracle the planner's run-length handling is checked against; only for small blocks.
 */
final class OrderSearch {
    private final List<String[]> kinds;
    private final int maxLevel;
    private final int maxAnswer;
    private final Map<String, Boolean> memo = new HashMap<>();

    /** @param kinds each {level key, correct answer or null} */
    OrderSearch(List<String[]> kinds, int maxLevel, int maxAnswer) {
        this.kinds = kinds;
        this.maxLevel = maxLevel;
        this.maxAnswer = maxAnswer;
    }

    /** @param counts how many trials of each kind */
    boolean exists(int[] counts) {
        return exists(counts.clone(), -1, 0, null, 0);
    }

    private boolean exists(int[] counts, int last, int levelRun, String answer, int answerRun) {
        if (Arrays.stream(counts).allMatch(c -> c == 0)) {
            return true;
        }
        String key = Arrays.toString(counts) + last + "/" + levelRun + "/" + answer + "/" + answerRun;
        Boolean known = memo.get(key);
        if (known != null) {
            return known;
        }
        boolean found = false;
        for (int k = 0; k < counts.length && !found; k++) {
            if (counts[k] == 0) {
                continue;
            }
            String level = kinds.get(k)[0];
            String kindAnswer = kinds.get(k)[1];
            int nextLevelRun = last >= 0 && kinds.get(last)[0].equals(level) ? levelRun + 1 : 1;
            int nextAnswerRun = kindAnswer != null && kindAnswer.equals(answer) ? answerRun + 1 : 1;
            if (maxLevel > 0 && nextLevelRun > maxLevel || maxAnswer > 0 && kindAnswer != null && nextAnswerRun > maxAnswer) {
                continue;
            }
            counts[k]--;
            found = exists(counts, k, nextLevelRun, kindAnswer, nextAnswerRun);
            counts[k]++;
        }
        memo.put(key, found);
        return found;
    }
}
