package org.tandem.engine.bench;

/**
 * Inference time per face at one batch size: each run's wall time divided by the batch size; and face-api's for the
 * same network and batch, where it was measured (null otherwise).
 */
public record BatchTiming(int batch, TimingStats msPerFace, TimingStats faceApi) {

    BatchTiming withFaceApi(TimingStats faceApiMsPerFace) {
        return new BatchTiming(batch, msPerFace, faceApiMsPerFace);
    }

    /** How many times faster than face-api, median against median (NaN without face-api's figure). */
    double speedUp() {
        return faceApi == null ? Double.NaN : faceApi.medianMs() / msPerFace.medianMs();
    }

    /** The same for the fastest runs of each. */
    double fastestSpeedUp() {
        return faceApi == null ? Double.NaN : faceApi.minMs() / msPerFace.minMs();
    }
}
