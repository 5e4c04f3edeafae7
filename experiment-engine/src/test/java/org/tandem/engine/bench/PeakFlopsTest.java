package org.tandem.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The peak estimate from /proc/cpuinfo's clock and flags. */
class PeakFlopsTest {

    private static List<String> cpuinfo(String vendor, int family, double mhz, String flags) {
        return List.of("processor\t: 0", "vendor_id\t: " + vendor, "cpu family\t: " + family, "model name\t: X",
                "cpu MHz\t\t: " + mhz, "flags\t\t: fpu sse sse2 " + flags);
    }

    @Test
    void avx2WithFmaIs32PerCycle() {
        PeakFlops peak = PeakFlops.of(cpuinfo("GenuineIntel", 6, 3000, "avx avx2 fma"));
        assertThat(peak.flopsPerCycle()).isEqualTo(32);
        assertThat(peak.gflops(2)).isCloseTo(2 * 3.0 * 32, within(1e-9));
        assertThat(peak.basis()).contains("3.00 GHz", "32 FP32 FLOP/cycle", "AVX2 + FMA");
    }

    @Test
    void avx512CountsFullWidthOnIntelAndZen5ButNotZen4() {
        String avx512 = "avx avx2 fma avx512f avx512bw";
        assertThat(PeakFlops.of(cpuinfo("GenuineIntel", 6, 2000, avx512)).flopsPerCycle()).isEqualTo(64);
        assertThat(PeakFlops.of(cpuinfo("AuthenticAMD", 26, 2000, avx512)).flopsPerCycle()).isEqualTo(64);
        assertThat(PeakFlops.of(cpuinfo("AuthenticAMD", 25, 2000, avx512)).flopsPerCycle()).isEqualTo(32);
    }

    @Test
    void olderVectorsAndAMissingClock() {
        assertThat(PeakFlops.of(cpuinfo("GenuineIntel", 6, 2000, "avx")).flopsPerCycle()).isEqualTo(16);
        assertThat(PeakFlops.of(cpuinfo("GenuineIntel", 6, 2000, "")).flopsPerCycle()).isEqualTo(8);
        assertThat(PeakFlops.of(List.of("processor\t: 0")).gflops(1)).isZero();
    }
}
