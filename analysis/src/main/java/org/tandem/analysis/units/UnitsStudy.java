package org.tandem.analysis.units;

import java.util.List;

/**
 * One {@code tandem units} run: the identity × expression images every unit was tested on, the rule's thresholds and
 * what each layer of each network held. Written as units.json; {@code tandem analyze --units} adds it to a report.
 *
 * @param set             the images' set
 * @param images          how many (one per identity and expression)
 * @param identities      identities in the set
 * @param pooling         {@code every unit} or {@code channel means}
 * @param alphaExpression significance level of the expression effect
 * @param alphaIdentity   significance level of the identity effect
 */
public record UnitsStudy(String set, int images, int identities, String pooling, double alphaExpression,
                         double alphaIdentity, List<LayerUnits> layers) {
    public UnitsStudy {
        layers = List.copyOf(layers);
    }
}
