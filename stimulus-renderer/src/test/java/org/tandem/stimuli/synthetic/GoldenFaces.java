package org.tandem.stimuli.synthetic;

/** Content hashes of reference renderings (see SyntheticFacesTest.goldenHashesPinTheDrawing). */
final class GoldenFaces {
    static final String AVERAGE_NEUTRAL = "9629dd9e1ce735bd9f287bf8f75d318a77bbc0a5c04cdd5a446a33aa728039a1";
    static final String ID01_HAPPY = "d030abe37bcdcdb0453dbc3002a53908cc4bb342df2e2216dcc382c8a5ba5644";
    static final String AVERAGE_SAD_HAPPY_30 = "61434b4821e3fcde5517ed4b94d30ac4e3e593224105724fe9fedae41885f443";
    static final String ID02_DISGUSTED_128 = "9cfced0062381604428d95e9ad1c281bf7e46c471d839e0bc2327ab7e2e0024e";

    private GoldenFaces() {
    }
}
