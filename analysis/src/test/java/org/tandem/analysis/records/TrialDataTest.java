package org.tandem.analysis.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Task;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.record.TrialRecord;

class TrialDataTest {

    @Test
    void twoAfcCountsTheFirstLabelPerLevelWithoutPracticeOrMisses() {
        // answer "happy" from 50 % up, except that every trial at 70 % with repetition 1 is missed
        List<TrialRecord> records = PlannedRecords.answered("expression-2afc-happy-sad", null, "s1", ObserverKind.HUMAN,
                t -> t.id().endsWith("=70#1") ? null : t.numericLevel("happiness") >= 50 ? "happy" : "sad");
        Task.TwoAfc task = (Task.TwoAfc) PlannedRecords.protocol("expression-2afc-happy-sad").task();

        List<LevelCount> counts = TrialData.levelCounts(records, task);

        // 7 levels × 30 repetitions in the main block; the 6 practice trials are not counted
        assertThat(counts).extracting(LevelCount::level).containsExactly(0.0, 20.0, 30.0, 50.0, 70.0, 80.0, 100.0);
        assertThat(counts).containsExactly(new LevelCount(0, 0, 30), new LevelCount(20, 0, 30), new LevelCount(30, 0, 30),
                new LevelCount(50, 30, 30), new LevelCount(70, 29, 29), new LevelCount(80, 30, 30),
                new LevelCount(100, 30, 30));
        assertThat(TrialData.unanswered(records)).isEqualTo(1);
    }

    @Test
    void classificationPairsTrueLabelWithResponse() {
        // correct except that fearful faces are called surprise
        List<TrialRecord> records = PlannedRecords.answered("expression-6way", null, "s1", ObserverKind.HUMAN,
                t -> "fear".equals(t.correctAnswer()) ? "surprise" : t.correctAnswer());

        List<LabelledResponse> pairs = TrialData.labelledResponses(records);

        assertThat(pairs).hasSize(288);
        assertThat(pairs).filteredOn(p -> p.trueLabel().equals("fear")).hasSize(48)
                .allMatch(p -> p.response().equals("surprise") && !p.correct());
        assertThat(pairs).filteredOn(LabelledResponse::correct).hasSize(240);
    }

    @Test
    void abxCountsCorrectPerPairWhateverTheOrder() {
        // right on the 40-60 pair, otherwise always "A" (right exactly when X = A)
        List<TrialRecord> records = PlannedRecords.answered("expression-abx", null, "s1", ObserverKind.HUMAN,
                t -> pair(t).equals("40-60") ? t.correctAnswer() : "A");
        Task.Abx task = (Task.Abx) PlannedRecords.protocol("expression-abx").task();

        List<PairAccuracy> pairs = TrialData.pairAccuracies(records, task);

        // 9 pairs two steps apart on 0..100, each 2 A/B orders × X = A/B × 2 repetitions = 8 trials
        assertThat(pairs).extracting(PairAccuracy::low).containsExactly(0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0);
        assertThat(pairs).allMatch(p -> p.total() == 8 && p.high() == p.low() + 20);
        assertThat(pairs.get(4)).isEqualTo(new PairAccuracy(40, 60, 8, 8));
        assertThat(pairs).filteredOn(p -> p.low() != 40).allMatch(p -> p.correct() == 4);
    }

    @Test
    void correctByTrialLeavesOutTrialsWithoutACorrectAnswer() {
        List<TrialRecord> records = PlannedRecords.answered("expression-2afc-happy-sad", null, "s1", ObserverKind.HUMAN,
                t -> "happy");

        Map<String, Boolean> correct = TrialData.correctByTrial(records);

        // 210 test trials, less the 30 at 50 % (no correct answer); "happy" is right above 50 %
        assertThat(correct).hasSize(180);
        assertThat(correct.values().stream().filter(Boolean::booleanValue)).hasSize(90);
        assertThat(correct.keySet()).noneMatch(id -> id.startsWith("practice"));
    }

    @Test
    void aTrialAnsweredTwiceIsRejectedWithBothSessions() {
        List<TrialRecord> twice = new ArrayList<>(PlannedRecords.answered("expression-6way", null, "s1", ObserverKind.MODEL,
                Trial::correctAnswer));
        twice.addAll(PlannedRecords.answered("expression-6way", null, "s2", ObserverKind.MODEL, Trial::correctAnswer));

        assertThatThrownBy(() -> TrialData.correctByTrial(twice)).isInstanceOf(TandemException.class)
                .hasMessageContaining("sessions s1 and s2");
        assertThat(ObserverSession.split(twice)).hasSize(2)
                .allSatisfy((observer, trials) -> assertThat(TrialData.correctByTrial(trials)).hasSize(288));
    }

    @Test
    void aMissingLevelNamesTheTrialAndFactor() {
        List<TrialRecord> records = PlannedRecords.answered("expression-6way", null, "s1", ObserverKind.HUMAN,
                Trial::correctAnswer);
        Task.TwoAfc wrongTask = (Task.TwoAfc) PlannedRecords.protocol("expression-2afc-happy-sad").task();

        assertThatThrownBy(() -> TrialData.levelCounts(records, wrongTask)).isInstanceOf(TandemException.class)
                .hasMessageContaining("has no level for factor 'happiness'");
    }

    @Test
    void observerLabelsNameParticipantsAndNetworkRuns() {
        TrialRecord human = PlannedRecords.answered("expression-6way", null, "s1", ObserverKind.HUMAN, t -> null).get(0);
        TrialRecord model = PlannedRecords.answered("expression-6way", null, "s9", ObserverKind.MODEL, t -> null).get(0);

        assertThat(ObserverSession.of(human).label()).isEqualTo("P-s1");
        assertThat(ObserverSession.of(model).label()).isEqualTo("faceapi:expression (s9)");
    }

    private static String pair(Trial t) {
        double a = t.numericLevel("happiness_a");
        double b = t.numericLevel("happiness_b");
        return (int) Math.min(a, b) + "-" + (int) Math.max(a, b);
    }
}
