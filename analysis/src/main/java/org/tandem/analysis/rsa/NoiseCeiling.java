package org.tandem.analysis.rsa;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How well any model could match people's RDMs given how much the participants disagree (Nili et al. 2014): a network
 * whose RDM correlates with people's as well as the ceiling does is as good as the data can tell.
 *
 * <p>As in Nili et al.'s toolbox, each participant's RDM is first rank-transformed (average ranks among its entries
 * that are not NaN), since for a rank correlation the mean of the ranked RDMs is the best-fitting group RDM; the mean
 * skips NaN entry by entry. Upper bound: the mean over participants of the statistic between the participant and the
 * mean of all (including them, so it overestimates the true model's fit). Lower bound: the same against the mean of the
 * others (leave one out, so it underestimates). For Kendall τ_a the toolbox then searches iteratively for a slightly
 * better group RDM; Tandem does not, so its upper bound for τ_a may be a little low. A participant whose statistic is
 * undefined (NaN) makes the bound NaN.
 *
 * @param participants how many RDMs went into the bounds
 */
public record NoiseCeiling(RankCorrelation statistic, int participants, double lower, double upper) {

    /**
     * @return the bounds, or empty with fewer than two participants (there is then no one to leave out: the ceiling is
     *         undefined)
     * @throws IllegalArgumentException when the RDMs are not over the same labels in the same order
     */
    public static Optional<NoiseCeiling> of(List<Rdm> participants, RankCorrelation statistic) {
        for (Rdm r : participants) {
            participants.get(0).requireSameLabels(r);
        }
        if (participants.size() < 2) {
            return Optional.empty();
        }
        List<double[]> ranked = new ArrayList<>();
        CellMeans means = new CellMeans(Rdm.entries(participants.get(0).size()));
        for (Rdm r : participants) {
            double[] ranks = Ranks.average(r.upperTriangle());
            ranked.add(ranks);
            means.add(ranks);
        }
        double[] everyone = means.mean();
        double upper = 0;
        double lower = 0;
        for (double[] own : ranked) {
            upper += statistic.of(own, everyone);
            lower += statistic.of(own, means.meanWithout(own));
        }
        int k = ranked.size();
        return Optional.of(new NoiseCeiling(statistic, k, lower / k, upper / k));
    }
}
