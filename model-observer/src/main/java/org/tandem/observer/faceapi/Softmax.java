package org.tandem.observer.faceapi;

/** Softmax in double precision, stored as float; within 1e-7 of tfjs's own softmax on the face-api logits. */
public final class Softmax {
    private Softmax() {
    }

    public static float[] of(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : logits) {
            sum += Math.exp(v - max);
        }
        float[] p = new float[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (Math.exp(logits[i] - max) / sum);
        }
        return p;
    }
}
