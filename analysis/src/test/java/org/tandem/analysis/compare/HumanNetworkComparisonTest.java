package org.tandem.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.analysis.confusion.Accuracy;
import org.tandem.analysis.confusion.AccuracyBootstrap;
import org.tandem.analysis.confusion.ConfusionMatrix;
import org.tandem.analysis.confusion.ProportionMatrix;
import org.tandem.analysis.records.ObserverSession;
import org.tandem.analysis.records.PlannedRecords;
import org.tandem.analysis.records.TrialData;
import org.tandem.protocols.Task;
import org.tandem.protocols.observer.ObserverKind;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.record.TrialRecord;

/** The six-way analysis from records to comparison, on the real plans people and networks answer. */
class HumanNetworkComparisonTest {
    static final String SIX_WAY = "expression-6way";

    @Test
    void peopleAndANetworkOnTheSixWayTask() {
        List<TrialRecord> records = new ArrayList<>();
        // h1 calls fear surprise, h2 calls disgust anger, the network does both for identities 01-12
        records.addAll(PlannedRecords.answered(SIX_WAY, null, "h1", ObserverKind.HUMAN,
                t -> swap(t, "fear", "surprise")));
        records.addAll(PlannedRecords.answered(SIX_WAY, null, "h2", ObserverKind.HUMAN,
                t -> swap(t, "disgust", "anger")));
        records.addAll(PlannedRecords.answered(SIX_WAY, "networks", "m1", ObserverKind.MODEL,
                t -> firstHalf(t) ? swap(t, "disgust", "anger", "fear", "surprise") : t.correctAnswer()));
        Task.Classification task = (Task.Classification) PlannedRecords.protocol(SIX_WAY).task();
        Map<ObserverSession, List<TrialRecord>> observers = ObserverSession.split(records);

        List<ProportionMatrix> humans = new ArrayList<>();
        List<TrialRecord> humanTrials = new ArrayList<>();
        ProportionMatrix network = null;
        for (Map.Entry<ObserverSession, List<TrialRecord>> e : observers.entrySet()) {
            ProportionMatrix m = ConfusionMatrix.of(task, TrialData.labelledResponses(e.getValue())).proportions();
            if (e.getKey().kind() == ObserverKind.HUMAN) {
                humans.add(m);
                humanTrials.addAll(e.getValue());
            } else {
                network = m;
            }
        }
        ProportionMatrix pooled = ProportionMatrix.meanOf(humans);

        // labels anger, disgust, fear, happiness, sadness, surprise: fear → surprise is (2, 5), disgust → anger (1, 0);
        // pooled: (1 + 0)/2 = .5 each; network: half of each row's identities = .5 each
        assertThat(pooled.value(2, 5)).isEqualTo(0.5);
        assertThat(pooled.value(1, 0)).isEqualTo(0.5);
        assertThat(network.value(2, 5)).isEqualTo(0.5);
        assertThat(network.value(1, 0)).isEqualTo(0.5);
        // identical error patterns: 30 off-diagonal rates, two .5 and 28 zeros in both: tau-b = 1
        // S = 2 × 28 = 56; var S = (30·29·65 - 2 (28·27·61 + 2·1·9))/18 + 758²/(2·30·29) + 19656²/(9·30·29·28)
        //   = -1984.33 + 330.21 + 1762.27 = 108.15; z = 56/10.3995 = 5.385, p = 7.24e-8 (scipy agrees)
        CorrelationTest tau = ErrorPatterns.kendall(pooled, network);
        assertThat(tau.n()).isEqualTo(30);
        assertThat(tau.coefficient()).isCloseTo(1, within(1e-12));
        assertThat(tau.p()).isCloseTo(7.237829871740048e-08, within(1e-12));

        // trial ids match across the plans: the network answers each condition once (#1), people twice
        ErrorConsistency kappa = ErrorConsistency.between(TrialData.correctByTrial(observers.get(observer(observers, "h1"))),
                TrialData.correctByTrial(observers.get(observer(observers, "m1"))));
        // 144 matched: h1 wrong on the 24 fear trials, the network on 12 fear + 12 disgust; both wrong on 12 fear,
        // both right on 144 - 24 - 12 = 108: c_obs = 120/144 = 5/6, p1 = p2 = 5/6, c_exp = 25/36 + 1/36 = 13/18
        // kappa = (15/18 - 13/18) / (5/18) = 0.4
        assertThat(kappa.matchedTrials()).isEqualTo(144);
        assertThat(kappa.kappa()).isCloseTo(0.4, within(1e-12));

        // people pooled: 576 trials, 96 wrong
        Accuracy accuracy = AccuracyBootstrap.ofResponses(TrialData.labelledResponses(humanTrials), 10_000, 11);
        assertThat(accuracy.accuracy()).isCloseTo(480.0 / 576, within(1e-12));
        assertThat(accuracy.ciLow()).isBetween(0.80, 0.83);
        assertThat(accuracy.ciHigh()).isBetween(0.84, 0.87);
    }

    private static ObserverSession observer(Map<ObserverSession, List<TrialRecord>> observers, String sessionId) {
        return observers.keySet().stream().filter(o -> o.sessionId().equals(sessionId)).findFirst().orElseThrow();
    }

    private static boolean firstHalf(Trial t) {
        return Integer.parseInt(t.levels().get("identity")) <= 12;
    }

    /** The correct answer, except that each {@code from} label is answered with the {@code to} label after it. */
    private static String swap(Trial t, String... fromTo) {
        for (int i = 0; i < fromTo.length; i += 2) {
            if (fromTo[i].equals(t.correctAnswer())) {
                return fromTo[i + 1];
            }
        }
        return t.correctAnswer();
    }
}
