package org.tandem.analysis.report;

import java.util.List;
import org.tandem.analysis.layers.LayerSweep;
import org.tandem.analysis.looks.LooksStudy;
import org.tandem.analysis.rsa.RsaStudy;
import org.tandem.analysis.units.UnitsStudy;

/**
 * Every number of a Tandem report: what was analysed and, per protocol, its section. It holds no time stamp, so the
 * same records and seed give an identical results.json.
 *
 * @param study     the study selected, null for all
 * @param observers        sessions and trials per observer and protocol
 * @param shapeComparisons per observer, logistic against linear and quadratic R² over the continua it identified
 * @param references       published groups of people compared with the networks; empty when none were given
 * @param keyAssignments   per protocol with counterbalanced keys that people answered: did the keys move the answers
 * @param layers           layer-by-layer readout comparisons of networks (tandem layers); empty when none were given
 * @param manipulations    lesioned and shuffled networks against the same networks intact; empty without any
 * @param units            selective units of networks' layers (tandem units); empty when none were given
 * @param rsa              networks' RDMs (tandem rsa) and their comparison with people's, or null when none were given
 * @param masks            PSE shifts of protocols that name a baseline (Ying et al.'s feature masks), or null without any
 * @param looks            where networks look: class-activation maps over face regions (tandem explain); empty when
 *                         none were given
 */
public record Report(String study, String database, long seed, int bootstrap, List<ObserverSummary> observers,
                     List<ProtocolReport> protocols, List<ShapeComparison> shapeComparisons,
                     List<ReferenceReport> references, List<KeyAssignmentCheck> keyAssignments,
                     List<LayerSweep> layers, List<ManipulationEffect> manipulations, List<UnitsStudy> units,
                     RsaSection rsa, MaskSection masks, List<LooksStudy> looks) {
    public Report {
        looks = looks == null ? List.of() : List.copyOf(looks);
        manipulations = manipulations == null ? List.of() : List.copyOf(manipulations);
        units = units == null ? List.of() : List.copyOf(units);
    }

    /** A report of selective units alone (tandem units). */
    public static Report ofUnits(UnitsStudy study) {
        return new Report(null, "–", 0, 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(study), null, null, List.of());
    }

    /** A report of networks' RDMs alone (tandem rsa). */
    public static Report ofRsa(List<RsaStudy> studies) {
        return new Report(null, "–", 0, 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), new RsaSection(studies, List.of()), null, List.of());
    }

    /** The same report with representational similarity added. */
    public Report withRsa(RsaSection section) {
        return new Report(study, database, seed, bootstrap, observers, protocols, shapeComparisons, references,
                keyAssignments, layers, manipulations, units, section, masks, looks);
    }

    /** A report of class-activation maps alone (tandem explain). */
    public static Report ofLooks(LooksStudy study) {
        return new Report(null, "–", 0, 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), null, null, List.of(study));
    }

    /** The same report with studies of class-activation maps added. */
    public Report withLooks(List<LooksStudy> studies) {
        List<LooksStudy> all = new java.util.ArrayList<>(looks);
        all.addAll(studies);
        return new Report(study, database, seed, bootstrap, observers, protocols, shapeComparisons, references,
                keyAssignments, layers, manipulations, units, rsa, masks, all);
    }

    /** The same report with studies of selective units added. */
    public Report withUnits(List<UnitsStudy> studies) {
        List<UnitsStudy> all = new java.util.ArrayList<>(units);
        all.addAll(studies);
        return new Report(study, database, seed, bootstrap, observers, protocols, shapeComparisons, references,
                keyAssignments, layers, manipulations, all, rsa, masks, looks);
    }


    /** The same report with layer-by-layer comparisons added at its end. */
    public Report withLayers(List<LayerSweep> sweeps) {
        List<LayerSweep> all = new java.util.ArrayList<>(layers);
        all.addAll(sweeps);
        return new Report(study, database, seed, bootstrap, observers, protocols, shapeComparisons, references,
                keyAssignments, List.copyOf(all), manipulations, units, rsa, masks, looks);
    }

    /**
     * @param trials answered and unanswered test and practice trials recorded
     * @param origin where the answers come from: tested with Tandem, imported from a tool, or a network
     */
    public record ObserverSummary(String protocol, String observer, String kind, int sessions, int trials,
                                  String origin) {
    }

    /**
     * One protocol's section; exactly one of the three task sections is set.
     *
     * @param flags the section's statistics that must not be read as plain numbers
     */
    public record ProtocolReport(String protocolId, String title, String sha256, String task,
                                 IdentificationSection identification, ClassificationSection classification,
                                 AbxSection abx, List<Flag> flags) {
    }
}
