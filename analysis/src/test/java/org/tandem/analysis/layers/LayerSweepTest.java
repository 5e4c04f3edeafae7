package org.tandem.analysis.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.analysis.confusion.Accuracy;
import org.tandem.analysis.confusion.AccuracyBootstrap;
import org.tandem.analysis.report.Flag;

class LayerSweepTest {

    @Test
    void withOneImagePerGroupTheGroupBootstrapIsTheOrdinaryOne() {
        boolean[] correct = new boolean[60];
        List<String> groups = new ArrayList<>();
        List<Boolean> outcomes = new ArrayList<>();
        for (int i = 0; i < correct.length; i++) {
            correct[i] = i % 3 != 0;
            groups.add("image" + i);
            outcomes.add(correct[i]);
        }
        Accuracy grouped = GroupBootstrap.accuracy(correct, groups, 4000, 7);
        Accuracy plain = AccuracyBootstrap.estimate(outcomes, 4000, 7);
        assertThat(grouped.accuracy()).isEqualTo(plain.accuracy()).isCloseTo(2.0 / 3, within(1e-12));
        // the same distribution, drawn differently: the intervals agree to bootstrap noise
        assertThat(grouped.ciLow()).isCloseTo(plain.ciLow(), within(0.03));
        assertThat(grouped.ciHigh()).isCloseTo(plain.ciHigh(), within(0.03));
    }

    @Test
    void resamplingWholeGroupsWidensTheIntervalWhenAnswersClusterByGroup() {
        // 12 people, 6 images each: half the people always right, half always wrong
        boolean[] correct = new boolean[72];
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < correct.length; i++) {
            int person = i / 6;
            correct[i] = person % 2 == 0;
            groups.add("p" + person);
        }
        Accuracy byPerson = GroupBootstrap.accuracy(correct, groups, 4000, 1);
        Accuracy byImage = GroupBootstrap.accuracy(correct, java.util.stream.IntStream.range(0, 72)
                .mapToObj(i -> "i" + i).toList(), 4000, 1);
        assertThat(byPerson.ciHigh() - byPerson.ciLow()).isGreaterThan(2 * (byImage.ciHigh() - byImage.ciLow()));
        assertThat(GroupBootstrap.accuracy(correct, groups, 4000, 1)).isEqualTo(byPerson);
    }

    @Test
    void layersAtCeilingOrWhoseIntervalReachesChanceAreFlagged() {
        Accuracy ceiling = new Accuracy(144, 144, 1.0, 1.0, 1.0, 2000, 1, null);
        Accuracy chance = new Accuracy(30, 144, 0.208, 0.15, 0.27, 2000, 1, null);
        Accuracy clear = new Accuracy(100, 144, 0.694, 0.62, 0.77, 2000, 1, null);
        LayerSweep sweep = new LayerSweep("expression", "set", 144, 6, "logistic", "6 folds by identity",
                "channel means", 1, 2000, List.of(new LayerSweep.NetworkCurve("net", "expression", null, List.of(
                new LayerSweep.LayerPoint("a", 0, 8, chance, "1"), new LayerSweep.LayerPoint("b", 0.5, 8, clear, "1"),
                new LayerSweep.LayerPoint("c", 1, 8, ceiling, "1")))));
        assertThat(sweep.flags()).extracting(Flag::statistic, Flag::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("accuracy at a", Flag.Kind.AT_CHANCE),
                org.assertj.core.groups.Tuple.tuple("accuracy at c", Flag.Kind.CEILING));
    }
}
