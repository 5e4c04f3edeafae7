package org.tandem.stimuli.synthetic;

/**
 * The facial action units (FACS, Ekman &amp; Friesen) the synthetic faces can move, each with intensity 0..1.
 * Expressions are combinations of these, so a morph between two expressions is a straight line in this space.
 */
public enum ActionUnit {
    AU1_INNER_BROW_RAISER,
    AU2_OUTER_BROW_RAISER,
    AU4_BROW_LOWERER,
    AU5_UPPER_LID_RAISER,
    AU6_CHEEK_RAISER,
    AU7_LID_TIGHTENER,
    AU9_NOSE_WRINKLER,
    AU10_UPPER_LIP_RAISER,
    AU12_LIP_CORNER_PULLER,
    AU15_LIP_CORNER_DEPRESSOR,
    AU17_CHIN_RAISER,
    AU20_LIP_STRETCHER,
    AU23_LIP_TIGHTENER,
    AU25_LIPS_PART,
    AU26_JAW_DROP;

    /** The FACS number, e.g. 12 for the lip-corner puller. */
    public int facsNumber() {
        String name = name();
        return Integer.parseInt(name.substring(2, name.indexOf('_')));
    }
}
