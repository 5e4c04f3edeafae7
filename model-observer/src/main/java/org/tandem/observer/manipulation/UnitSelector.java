package org.tandem.observer.manipulation;

import org.tandem.observer.features.FeatureNetwork;
import org.tandem.protocols.TandemException;

/**
 * Turns a lesion into the units it silences, for a network not yet lesioned. Choosing selective units, a random control
 * of the same size or mean fill values needs reference images and the unit statistics, which the caller that owns both
 * supplies (model-observer draws no images and runs no statistics).
 */
@FunctionalInterface
public interface UnitSelector {

    /** For callers without reference images: only a zero lesion of listed units can be resolved. */
    UnitSelector LISTED_ONLY = (network, lesion) -> {
        if (lesion.target() instanceof LesionTarget.Listed listed && lesion.fill() == LesionFill.ZERO) {
            return LesionUnitsFile.read(listed.file(), lesion.layer());
        }
        throw new TandemException("lesion=" + lesion.target().specValue() + (lesion.fill() == LesionFill.MEAN
                ? " with fill=mean" : "") + " chooses units from the reference images, which this command does not"
                + " read; run it with tandem simulate, units or layers");
    };

    UnitLesion select(FeatureNetwork intact, NetworkManipulation.Lesion lesion);
}
