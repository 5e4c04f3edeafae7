package org.tandem.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An estimate of one core's peak FP32 rate: clock x floating-point operations per cycle, read from /proc/cpuinfo. The
 * operations per cycle follow the widest fused multiply-add the flags offer, assuming two FMA pipes per core (an FMA is two
 * operations): AVX-512 with two 512-bit pipes = 64 (Intel; AMD from Zen 5, CPU family 26), but Zen 4 (family 25) runs
 * 512-bit vectors on 256-bit pipes, so it counts as AVX2 + FMA = 32; AVX without FMA = 16; SSE = 8. The clock is the
 * "cpu MHz" the kernel reports, which in a VM is the host's nominal clock, not a boost clock, so a core running faster
 * can exceed the estimate.
 */
public record PeakFlops(double ghz, int flopsPerCycle, String basis) {
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    /** The estimate for this machine; 0 GHz where /proc/cpuinfo is missing or says nothing of the clock. */
    public static PeakFlops current() {
        try {
            return of(Files.readAllLines(CPUINFO));
        } catch (IOException e) {
            return new PeakFlops(0, 0, "unknown (no /proc/cpuinfo)");
        }
    }

    static PeakFlops of(List<String> cpuinfo) {
        double mhz = first(cpuinfo, "cpu MHz").map(Double::parseDouble).orElse(0.0);
        boolean amd = first(cpuinfo, "vendor_id").orElse("").equals("AuthenticAMD");
        int family = first(cpuinfo, "cpu family").map(Integer::parseInt).orElse(0);
        Set<String> flags = new HashSet<>(Arrays.asList(first(cpuinfo, "flags").orElse("").split("\\s+")));
        boolean fma = flags.contains("fma");
        int perCycle;
        String simd;
        if (fma && flags.contains("avx512f") && (!amd || family >= 26)) {
            perCycle = 64;
            simd = "AVX-512 + FMA, two 512-bit FMA pipes" + (amd ? ", AMD family " + family : "");
        } else if (fma && flags.contains("avx2")) {
            perCycle = 32;
            simd = flags.contains("avx512f") ? "AVX-512 + FMA on 256-bit pipes, AMD family " + family
                    : "AVX2 + FMA, two pipes";
        } else if (flags.contains("avx")) {
            perCycle = 16;
            simd = "AVX without FMA";
        } else {
            perCycle = 8;
            simd = "SSE";
        }
        return new PeakFlops(mhz / 1000, perCycle, String.format(Locale.ROOT,
                "%.2f GHz (cpu MHz of /proc/cpuinfo) x %d FP32 FLOP/cycle (%s)", mhz / 1000, perCycle, simd));
    }

    /** The peak of {@code cores} cores in GFLOP/s. */
    public double gflops(int cores) {
        return cores * ghz * flopsPerCycle;
    }

    private static java.util.Optional<String> first(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key)).map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst();
    }
}
