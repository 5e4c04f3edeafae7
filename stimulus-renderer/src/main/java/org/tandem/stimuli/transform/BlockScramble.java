package org.tandem.stimuli.transform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.SplitMix64;

/**
 * Block scrambling: the image is cut into a grid of {@code columns} × {@code rows} equal blocks and the blocks listed in
 * {@code shuffled} change places by a permutation drawn from {@code seed}; every other block stays where it is.
 *
 * <p>Default ({@link #standard(long)}): a 12 × 10 grid whose 80 blocks off the outer ring (the inner 10 × 8) are shuffled,
 * so the outline of the head and the background stay in place. Studies that shuffle only the "central 45" blocks pass
 * their own set of blocks, e.g. a 9 × 5 {@link #innerRectangle(int, int, int, int)}.
 *
 * <p>Blocks are {@code width / columns} × {@code height / rows} pixels; when the image size is not a multiple of the grid,
 * the leftover columns at the right and rows at the bottom are kept in place. The permutation is a Fisher–Yates shuffle of
 * the shuffled blocks in row-major order driven by {@link SplitMix64}, so a seed gives the same scramble on every machine,
 * and the same permutation for every image of the same grid (a permutation may leave a block where it was).
 *
 * @param shuffled the blocks that change places; kept in row-major order without repeats
 */
public record BlockScramble(int columns, int rows, List<Block> shuffled, long seed) implements RasterTransform {

    public static final int DEFAULT_COLUMNS = 12;
    public static final int DEFAULT_ROWS = 10;

    /** A block of the grid by its 0-based column (left to right) and row (top to bottom). */
    public record Block(int column, int row) {
    }

    public BlockScramble {
        if (columns <= 0 || rows <= 0) {
            throw new IllegalArgumentException("scramble grid must be at least 1x1, got " + columns + "x" + rows);
        }
        TreeSet<Block> sorted = new TreeSet<>(Comparator.comparingInt(Block::row).thenComparingInt(Block::column));
        for (Block b : shuffled) {
            if (b.column() < 0 || b.column() >= columns || b.row() < 0 || b.row() >= rows) {
                throw new IllegalArgumentException("block " + b + " is outside the " + columns + "x" + rows + " grid");
            }
            sorted.add(b);
        }
        shuffled = List.copyOf(sorted);
    }

    /** The default: 12 × 10 blocks, the 80 off the outer ring shuffled. */
    public static BlockScramble standard(long seed) {
        return new BlockScramble(DEFAULT_COLUMNS, DEFAULT_ROWS, allButOuterRing(DEFAULT_COLUMNS, DEFAULT_ROWS), seed);
    }

    /** Every block of a {@code columns} × {@code rows} grid that is not on its outer ring. */
    public static List<Block> allButOuterRing(int columns, int rows) {
        return columns <= 2 || rows <= 2 ? List.of() : innerRectangle(1, 1, columns - 2, rows - 2);
    }

    /** The blocks of the rectangle of {@code width} × {@code height} blocks whose top-left block is (column, row). */
    public static List<Block> innerRectangle(int column, int row, int width, int height) {
        List<Block> blocks = new ArrayList<>();
        for (int r = row; r < row + height; r++) {
            for (int c = column; c < column + width; c++) {
                blocks.add(new Block(c, r));
            }
        }
        return blocks;
    }

    /**
     * {@code permutation()[i] = j}: the i-th shuffled block of the output shows the j-th shuffled block of the input
     * (both in row-major order).
     */
    public int[] permutation() {
        int n = shuffled.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplitMix64 random = new SplitMix64(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** @throws TandemException when the image has fewer pixels than the grid has blocks along a side */
    @Override
    public Raster apply(Raster image) {
        int blockWidth = image.width() / columns;
        int blockHeight = image.height() / rows;
        if (blockWidth == 0 || blockHeight == 0) {
            throw new TandemException("cannot scramble a " + image.width() + "x" + image.height() + " image in a "
                    + columns + "x" + rows + " grid: it needs at least one pixel per block; use a coarser grid or a"
                    + " larger image");
        }
        byte[] in = image.rgb();
        byte[] out = in.clone();
        int[] permutation = permutation();
        int rowBytes = blockWidth * 3;
        for (int i = 0; i < permutation.length; i++) {
            Block to = shuffled.get(i);
            Block from = shuffled.get(permutation[i]);
            for (int dy = 0; dy < blockHeight; dy++) {
                int source = ((from.row() * blockHeight + dy) * image.width() + from.column() * blockWidth) * 3;
                int target = ((to.row() * blockHeight + dy) * image.width() + to.column() * blockWidth) * 3;
                System.arraycopy(in, source, out, target, rowBytes);
            }
        }
        return new Raster(image.width(), image.height(), out);
    }
}
