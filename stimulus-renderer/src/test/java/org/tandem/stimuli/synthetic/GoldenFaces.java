package org.tandem.stimuli.synthetic;

/** Content hashes of reference renderings (see SyntheticFacesTest.goldenHashesPinTheDrawing). */
final class GoldenFaces {
    static final String AVERAGE_NEUTRAL = "9629dd9e1ce735bd9f287bf8f75d318a77bbc0a5c04cdd5a446a33aa728039a1";
    static final String ID01_HAPPY = "09b2cab4d2a679146847cbc4d91534a211806004eaff467daabd5a5b2b925fe8";
    static final String AVERAGE_SAD_HAPPY_30 = "133d924e74190e65f45e37e414d418c43cab07d79f2168888e84404dd7e191d6";
    static final String ID02_DISGUSTED_128 = "a9d2792bddfa4d0f18612dd9f47191707949b88925db938d1a363c8885e89929";

    private GoldenFaces() {
    }
}
