package org.tandem.stimuli.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.stimuli.transform.BlockScramble.Block;

/**
 * The scramble moves whole blocks: every output block is exactly one input block, each input block is used once, blocks
 * that are not shuffled and the leftover pixels stay where they were, and the seed alone decides the permutation.
 */
class BlockScrambleTest {

    /** 12x10 blocks of 3x2 pixels, plus 2 leftover columns and 1 leftover row; every pixel distinct. */
    private static final Raster IMAGE = Rasters.coordinates(12 * 3 + 2, 10 * 2 + 1);

    private static Raster block(Raster image, int columns, int rows, int column, int row) {
        int bw = image.width() / columns;
        int bh = image.height() / rows;
        byte[] rgb = new byte[bw * bh * 3];
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                for (int c = 0; c < 3; c++) {
                    rgb[(y * bw + x) * 3 + c] = (byte) image.sample(column * bw + x, row * bh + y, c);
                }
            }
        }
        return new Raster(bw, bh, rgb);
    }

    /** For each output block (row-major), the input block it equals. */
    private static List<Block> sources(Raster in, Raster out, int columns, int rows) {
        List<Block> sources = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                Raster shown = block(out, columns, rows, c, r);
                List<Block> matches = new ArrayList<>();
                for (int r2 = 0; r2 < rows; r2++) {
                    for (int c2 = 0; c2 < columns; c2++) {
                        if (block(in, columns, rows, c2, r2).equals(shown)) {
                            matches.add(new Block(c2, r2));
                        }
                    }
                }
                assertThat(matches).as("output block (%d, %d) equals exactly one input block", c, r).hasSize(1);
                sources.add(matches.get(0));
            }
        }
        return sources;
    }

    @Test
    void defaultShufflesTheEightyBlocksOffTheOuterRing() {
        BlockScramble standard = BlockScramble.standard(1);
        assertThat(standard.columns()).isEqualTo(12);
        assertThat(standard.rows()).isEqualTo(10);
        assertThat(standard.shuffled()).hasSize(80)
                .allSatisfy(b -> {
                    assertThat(b.column()).isBetween(1, 10);
                    assertThat(b.row()).isBetween(1, 8);
                });
    }

    @Test
    void everyOutputBlockIsExactlyOneInputBlockAndTheRingStays() {
        Raster out = BlockScramble.standard(42).apply(IMAGE);
        List<Block> sources = sources(IMAGE, out, 12, 10);

        assertThat(new HashSet<>(sources)).as("each input block used once").hasSize(120);
        int moved = 0;
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 12; c++) {
                Block source = sources.get(r * 12 + c);
                boolean ring = r == 0 || r == 9 || c == 0 || c == 11;
                if (ring) {
                    assertThat(source).as("ring block stays").isEqualTo(new Block(c, r));
                } else {
                    assertThat(source.column()).as("inner blocks come from inside").isBetween(1, 10);
                    assertThat(source.row()).isBetween(1, 8);
                    moved += source.equals(new Block(c, r)) ? 0 : 1;
                }
            }
        }
        assertThat(moved).as("most inner blocks move").isGreaterThan(60);
    }

    @Test
    void leftoverPixelsStayInPlace() {
        Raster out = BlockScramble.standard(42).apply(IMAGE);
        for (int y = 0; y < IMAGE.height(); y++) {
            for (int x = 0; x < IMAGE.width(); x++) {
                if (x >= 36 || y >= 20) {
                    assertThat(Rasters.pixel(out, x, y)).as("(%d, %d)", x, y).containsExactly(Rasters.pixel(IMAGE, x, y));
                }
            }
        }
    }

    @Test
    void sameSeedSameOutputDifferentSeedDifferentOutput() {
        Raster a = BlockScramble.standard(7).apply(IMAGE);
        assertThat(BlockScramble.standard(7).apply(IMAGE)).isEqualTo(a);
        assertThat(BlockScramble.standard(8).apply(IMAGE)).isNotEqualTo(a);
    }

    @Test
    void thePermutationIsFixedBySplitMix64() {
        // Fisher-Yates from the top, j = nextInt(i + 1) of SplitMix64(seed): pinned so that no JDK change can move it
        BlockScramble four = new BlockScramble(4, 1, BlockScramble.innerRectangle(0, 0, 4, 1), 3);
        int[] expected = {0, 1, 2, 3};
        org.tandem.protocols.plan.SplitMix64 random = new org.tandem.protocols.plan.SplitMix64(3);
        for (int i = 3; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = expected[i];
            expected[i] = expected[j];
            expected[j] = t;
        }
        assertThat(four.permutation()).containsExactly(expected);

        Raster strip = Rasters.grey(4, 1, 10, 20, 30, 40);
        int[] values = new int[4];
        for (int i = 0; i < 4; i++) {
            values[i] = 10 * (expected[i] + 1);
        }
        assertThat(four.apply(strip)).isEqualTo(Rasters.grey(4, 1, values));
    }

    @Test
    void onlyTheChosenBlocksMove() {
        // a 9x5 rectangle ("central 45") in the 12x10 grid, top-left block (1, 2)
        List<Block> central = BlockScramble.innerRectangle(1, 2, 9, 5);
        assertThat(central).hasSize(45);
        Raster out = new BlockScramble(12, 10, central, 5).apply(IMAGE);
        List<Block> sources = sources(IMAGE, out, 12, 10);
        Set<Block> chosen = new HashSet<>(central);
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 12; c++) {
                Block here = new Block(c, r);
                if (chosen.contains(here)) {
                    assertThat(chosen).contains(sources.get(r * 12 + c));
                } else {
                    assertThat(sources.get(r * 12 + c)).isEqualTo(here);
                }
            }
        }
        assertThat(out).isNotEqualTo(IMAGE);
    }

    @Test
    void blocksOutsideTheGridAreRefused() {
        assertThatThrownBy(() -> new BlockScramble(3, 3, List.of(new Block(3, 0)), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside");
    }

    @Test
    void anImageSmallerThanTheGridIsAUserError() {
        assertThatThrownBy(() -> BlockScramble.standard(1).apply(Rasters.coordinates(11, 40)))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining("11x40")
                .hasMessageContaining("12x10");
    }

    @Property(tries = 60)
    void anyGridAndSizeGivesABlockPermutation(@ForAll @IntRange(min = 1, max = 6) int columns,
                                              @ForAll @IntRange(min = 1, max = 6) int rows,
                                              @ForAll @IntRange(min = 0, max = 5) int extraWidth,
                                              @ForAll @IntRange(min = 0, max = 5) int extraHeight,
                                              @ForAll long seed) {
        Raster image = Rasters.coordinates(columns * 2 + extraWidth, rows * 3 + extraHeight);
        List<Block> all = BlockScramble.innerRectangle(0, 0, columns, rows);
        Raster out = new BlockScramble(columns, rows, all, seed).apply(image);
        assertThat(new HashSet<>(sources(image, out, columns, rows))).hasSize(columns * rows);
    }
}
