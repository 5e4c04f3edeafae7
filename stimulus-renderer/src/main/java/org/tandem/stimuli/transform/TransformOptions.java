package org.tandem.stimuli.transform;

/**
 * The parameters the named {@link Transforms} take; each transform reads only its own, and complains when one it needs is
 * missing. Start from {@link #none()} and add what is needed.
 *
 * @param size        resize: the target N of N×N (null: not given)
 * @param scramble    scramble: grid, shuffled blocks and seed (null: not given; {@link #withSeed} sets the default grid)
 * @param regions     mask-eyes, mask-nose, mask-mouth: where the features are (null: not given)
 * @param maskGrey    mask-*: the patch grey 0..255 (null: each image's mean luma)
 * @param antiAliased mask-*: blend the patch's edges
 * @param lumTarget   lum-match: target mean and SD of luma (null: the set's mean of means and mean of SDs)
 */
public record TransformOptions(Integer size, BlockScramble scramble, RegionSupplier regions, Integer maskGrey,
                               boolean antiAliased, LuminanceStats lumTarget) {

    public static TransformOptions none() {
        return new TransformOptions(null, null, null, null, false, null);
    }

    public TransformOptions withSize(int n) {
        return new TransformOptions(n, scramble, regions, maskGrey, antiAliased, lumTarget);
    }

    /** Scramble with the default grid ({@link BlockScramble#standard}) and this seed. */
    public TransformOptions withSeed(long seed) {
        return withScramble(BlockScramble.standard(seed));
    }

    public TransformOptions withScramble(BlockScramble blockScramble) {
        return new TransformOptions(size, blockScramble, regions, maskGrey, antiAliased, lumTarget);
    }

    public TransformOptions withRegions(RegionSupplier supplier) {
        return new TransformOptions(size, scramble, supplier, maskGrey, antiAliased, lumTarget);
    }

    public TransformOptions withMaskGrey(int grey) {
        return new TransformOptions(size, scramble, regions, grey, antiAliased, lumTarget);
    }

    public TransformOptions withAntiAliasing(boolean on) {
        return new TransformOptions(size, scramble, regions, maskGrey, on, lumTarget);
    }

    public TransformOptions withLumTarget(LuminanceStats target) {
        return new TransformOptions(size, scramble, regions, maskGrey, antiAliased, target);
    }
}
