package org.tandem.analysis.report;

import java.util.List;
import org.tandem.analysis.rsa.NoiseCeiling;
import org.tandem.analysis.rsa.RsaStudy;

/**
 * Representational similarity in a report: the networks' RDMs ({@code tandem rsa}) and their comparison with the RDMs
 * people's confusions give in each classification protocol they answered.
 *
 * @param studies the networks' RDMs
 * @param people  one comparison per classification protocol of expressions that people answered, and per published
 *                group's confusion matrix with that protocol's labels
 */
public record RsaSection(List<RsaStudy> studies, List<PeopleComparison> people) {
    public RsaSection {
        studies = List.copyOf(studies);
        people = List.copyOf(people);
    }

    /**
     * People's confusion RDMs against every layer's expression RDM.
     *
     * @param protocolId   the classification protocol the people answered
     * @param people       whose confusions: {@code people tested} or a published group's name
     * @param participants people whose confusion matrices made RDMs (1 for a published group's matrix)
     * @param expressions  the conditions, in the networks' order
     * @param peopleRdm    the mean of the participants' RDMs (NaN skipped cell by cell)
     * @param ceiling      Nili et al.'s noise ceiling for Spearman's ρ, or null (see {@code ceilingNote})
     * @param ceilingNote  why there is no ceiling, or null
     * @param note         what limits the comparison, or null
     */
    public record PeopleComparison(String protocolId, String people, int participants, List<String> expressions, double[][] peopleRdm,
                                   NoiseCeiling ceiling, String ceilingNote, List<LayerMatch> layers, String note) {
    }

    /**
     * One layer's expression RDM against people's mean RDM.
     *
     * @param rho          Spearman's ρ over the RDMs' upper triangles (NaN when undefined)
     * @param p            one-sided permutation p, expressions relabelled
     * @param permutations relabellings compared (all of them for few expressions)
     * @param exact        whether every relabelling was enumerated
     * @param entries      pairs of expressions used
     */
    public record LayerMatch(String network, String trainedFor, String controlOf, String layer, double rho, double p,
                             long permutations, boolean exact, int entries) {
    }
}
