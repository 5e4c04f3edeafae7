package org.tandem.stimuli.synthetic;

/** Content hashes of reference renderings (see SyntheticFacesTest.goldenHashesPinTheDrawing). */
final class GoldenFaces {
    static final String AVERAGE_NEUTRAL = "9629dd9e1ce735bd9f287bf8f75d318a77bbc0a5c04cdd5a446a33aa728039a1";
    static final String ID01_HAPPY = "2e45154eba85393961f7413ff169831986e781142ed3580f04b1b144a6748da4";
    static final String AVERAGE_SAD_HAPPY_30 = "61434b4821e3fcde5517ed4b94d30ac4e3e593224105724fe9fedae41885f443";
    static final String ID02_DISGUSTED_128 = "a9d2792bddfa4d0f18612dd9f47191707949b88925db938d1a363c8885e89929";

    private GoldenFaces() {
    }
}
