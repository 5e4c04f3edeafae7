package org.tandem.stimuli.transform;

/** The face parts a mask can cover. */
public enum FaceFeature { EYES, NOSE, MOUTH }
