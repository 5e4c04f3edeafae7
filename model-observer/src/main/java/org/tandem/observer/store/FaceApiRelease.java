package org.tandem.observer.store;

import java.util.Map;

/**
 * The one face-api release Tandem trusts, pinned in code so that neither the registry nor a file in the cache can change
 * what is accepted: the npm tarball's sha512 integrity, and the SHA-256 of every weight file the face-api ports load (each
 * network's {@code -weights_manifest.json} and the one {@code .bin} shard it names, the face detector's too). Only these files are installed.
 *
 * <p>How the pins were made: {@code curl -O https://registry.npmjs.org/@vladmandic/face-api/-/face-api-1.7.15.tgz};
 * {@code openssl dgst -sha512 -binary face-api-1.7.15.tgz | base64} equals the integrity the registry publishes for
 * 1.7.15; {@code tar xzf} it and {@code sha256sum package/model/<file>} for each file below; the same values come out of
 * {@code tandem models fetch}. A new release means new pins, made the same way.
 */
final class FaceApiRelease {
    static final NpmPackage PACKAGE = new NpmPackage("@vladmandic/face-api", "1.7.15",
            "sha512-WDMmK3CfNLo8jylWqMoQgf4nIst3M0fzx1dnac96wv/dvMTN4DxC/Pq1DGtduDk1lktCamQ3MIDXFnvrdHTXDw==", "package/model/",
            Map.of(
                    "age_gender_model-weights_manifest.json",
                    "74b60bf3ebf981bf4e661e9cca3a185614e10b25d797118b62e2a68d3ff2569f",
                    "age_gender_model.bin",
                    "49f92bbc0afef2342c4385e4a2b0acb6d7a727c6f0aa539499719a81acf9abaa",
                    "face_expression_model-weights_manifest.json",
                    "5b349c17c7836da506e03422cd6461c74085d8bb2713ad4114647dc5d28174c8",
                    "face_expression_model.bin",
                    "9a9840f2cf1f4c7eab95f197512569345c00d2426754d4608b92af30e0300f3d",
                    "face_landmark_68_model-weights_manifest.json",
                    "ca4886639f86e99b39fed0c155f81b63317225773bd9616716e887b0153389c9",
                    "face_landmark_68_model.bin",
                    "4611ef65c87d836d03d684b30eec4d195d8b219fa1dd58fc58945831c6b9299b",
                    "face_recognition_model-weights_manifest.json",
                    "cbaffa501b0b9275a12b63357a6843e7e30c054e1c9151e1a5f879b26e32986b",
                    "face_recognition_model.bin",
                    "b413e420d6840b2775fba32008db6f3cddb07d485967fb42cfcf379c16a8c589",
                    "tiny_face_detector_model-weights_manifest.json",
                    "5d1af4849ac48d5b985f4a9b16010c512353ddd6fcc63d50fd0bc9e9e64296e5",
                    "tiny_face_detector_model.bin",
                    "b7503ce7df31039b1c43316a9b865cab6a70dd748cc602d3fa28b551503c3871"));

    private FaceApiRelease() {
    }
}
