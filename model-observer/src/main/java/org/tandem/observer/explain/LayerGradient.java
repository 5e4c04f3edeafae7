package org.tandem.observer.explain;

/**
 * A batch's activations of one convolutional layer and the gradient of each image's target score with respect to
 * them, both laid out {@code [image][channel][row][column]} whatever the network's own layout.
 *
 * @param scores  every class score of each image
 * @param targets the class whose score was differentiated, per image
 */
public record LayerGradient(String layer, int images, int channels, int height, int width, float[] activations,
                            float[] gradients, double[][] scores, int[] targets) {

    public LayerGradient {
        long expected = (long) images * channels * height * width;
        if (activations.length != expected || gradients.length != expected) {
            throw new IllegalArgumentException("activations and gradients need " + expected + " values");
        }
        if (scores.length != images || targets.length != images) {
            throw new IllegalArgumentException("one score row and one target per image");
        }
    }

    /** Offset of image i's first value. */
    public int offset(int image) {
        return image * channels * height * width;
    }
}
