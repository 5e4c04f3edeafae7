package org.tandem.stimuli.synthetic;

/** Content hashes of reference renderings (see the goldenHashesPinTheDrawing tests of both built-in sets). */
final class GoldenFaces {
    static final String AVERAGE_NEUTRAL = "9629dd9e1ce735bd9f287bf8f75d318a77bbc0a5c04cdd5a446a33aa728039a1";
    static final String ID01_HAPPY = "09b2cab4d2a679146847cbc4d91534a211806004eaff467daabd5a5b2b925fe8";
    static final String AVERAGE_SAD_HAPPY_30 = "133d924e74190e65f45e37e414d418c43cab07d79f2168888e84404dd7e191d6";
    static final String ID02_DISGUSTED_128 = "a9d2792bddfa4d0f18612dd9f47191707949b88925db938d1a363c8885e89929";
    static final String VARIED_AVERAGE_NEUTRAL =
            "a65597d3dd50a3c0b584df8164ce7a18e9fe751cdf361abc40ed5b15d7fc3f1f";
    static final String VARIED_ID01_HAPPY =
            "394ca46c2cf54405a1718750c43d99802460f4c90eef24c87f60fc23ed3e3fb7";
    static final String VARIED_AVERAGE_SAD_HAPPY_30 =
            "d1cfe42ad20a700b6c43b10b57adf2f8dd34e7db268d27f338a08864845191f4";
    static final String VARIED_ID02_DISGUSTED_128 =
            "2c6c405a321e8e672614942f4b35a66722a8f288e440c7aa116fa542a81d8d8e";
    static final String VARIED_ID04_FEARFUL = 
            "6c0a3544da643a1d9f3038676504b065a80c98b4cb0c6e81ece1b4635d2523aa";

    private GoldenFaces() {
    }
}
