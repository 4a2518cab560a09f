package io.jenkins.plugins.databricksgit.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percentiles of measured durations, in milliseconds. */
record Stats(int n, double p50, double p95, double p99, double max) {
    static Stats ofNanos(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Stats(0, 0, 0, 0, 0);
        }
        return new Stats(
                sorted.length,
                ms(percentile(sorted, 50)),
                ms(percentile(sorted, 95)),
                ms(percentile(sorted, 99)),
                ms(sorted[sorted.length - 1]));
    }

    /** Nearest-rank percentile. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
        return round(nanos / 1e6);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50_ms", p50);
        m.put("p95_ms", p95);
        return m;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%7.2f %7.2f", p50, p95);
    }
}
