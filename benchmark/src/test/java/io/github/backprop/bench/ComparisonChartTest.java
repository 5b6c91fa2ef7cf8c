package io.github.backprop.bench;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The comparison chart shows how many times faster than numpy each implementation is, by medians")
class ComparisonChartTest {

    static final List<String> RUNS = List.of(
            "| a table line the chart skips |",
            "{\"impl\": \"backprop-java\", \"workload\": \"xor\", \"seconds_per_epoch\": 2.1e-06, \"total_seconds\": 0.021}",
            "{\"impl\": \"backprop-java\", \"workload\": \"xor\", \"seconds_per_epoch\": 2.5e-06, \"total_seconds\": 0.025}",
            "{\"impl\": \"backprop-java\", \"workload\": \"xor\", \"seconds_per_epoch\": 2.3e-06, \"total_seconds\": 0.023}",
            "{\"impl\": \"numpy-f64\", \"workload\": \"xor\", \"seconds_per_epoch\": 2.5e-05, \"total_seconds\": 0.25}",
            "{\"impl\": \"torch-f64\", \"workload\": \"xor\", \"seconds_per_epoch\": 8.5e-05, \"total_seconds\": 0.85}",
            "{\"impl\": \"backprop-java\", \"workload\": \"digits\", \"seconds_per_epoch\": 0.0024, \"total_seconds\": 0.24}",
            "{\"impl\": \"backprop-java\", \"workload\": \"digits\", \"seconds_per_epoch\": 0.0026, \"total_seconds\": 0.26}",
            "{\"impl\": \"numpy-f64\", \"workload\": \"digits\", \"seconds_per_epoch\": 0.002, \"total_seconds\": 0.2}",
            "{\"impl\": \"backprop-java\", \"workload\": \"mnist-shape\", \"seconds_per_epoch\": 0.48, \"total_seconds\": 0.48}",
            "{\"impl\": \"numpy-f64\", \"workload\": \"mnist-shape\", \"seconds_per_epoch\": 0.64, \"total_seconds\": 0.64}");

    @Test
    @DisplayName("takes W1's total time and the others' time per epoch, and divides numpy's median by the median of each")
    void mediansRelativeToNumpy() {
        Map<String, Map<String, Double>> relative =
                ComparisonChart.relativeToReference(ComparisonChart.medians(ComparisonChart.parse(RUNS)));
        assertEquals(List.of("xor", "digits", "mnist-shape"), List.copyOf(relative.keySet()));
        assertEquals(0.25 / 0.023, relative.get("xor").get("backprop-java"), 1e-12);
        assertEquals(1.0, relative.get("xor").get("numpy-f64"));
        assertEquals(0.25 / 0.85, relative.get("xor").get("torch-f64"), 1e-15);
        // two runs: the median is their mean
        assertEquals(0.002 / 0.0025, relative.get("digits").get("backprop-java"), 1e-15);
        assertEquals(0.64 / 0.48, relative.get("mnist-shape").get("backprop-java"), 1e-15);
    }

    @Test
    @DisplayName("draws a PNG, with no bar for an implementation missing from a workload")
    void drawsThePng(@TempDir Path dir) throws Exception {
        byte[] png = BitmapEncoder.getBitmapBytes(ComparisonChart.chart(ComparisonChart.relativeToReference(
                ComparisonChart.medians(ComparisonChart.parse(RUNS)))), BitmapEncoder.BitmapFormat.PNG);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        assertTrue(png.length > 10_000, "a drawn chart, not an empty image: " + png.length + " bytes");
        Path out = dir.resolve("chart.png");
        System.setIn(new java.io.ByteArrayInputStream(String.join("\n", RUNS).getBytes()));
        try {
            ComparisonChart.main(new String[] {out.toString()});
        } finally {
            System.setIn(new java.io.FileInputStream(java.io.FileDescriptor.in));
        }
        assertTrue(Files.size(out) > 10_000, "main wrote the PNG to the file named");
    }

    @Test
    @DisplayName("names the problem in bad input: no numpy run, an unknown workload, a missing time")
    void badInput() {
        List<String> noNumpy = List.of(
                "{\"impl\": \"backprop-java\", \"workload\": \"digits\", \"seconds_per_epoch\": 0.0024}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComparisonChart.relativeToReference(ComparisonChart.medians(ComparisonChart.parse(noNumpy))));
        assertTrue(e.getMessage().contains("no numpy-f64 run for workload 'digits'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ComparisonChart.parse(List.of(
                "{\"impl\": \"numpy-f64\", \"workload\": \"w9\", \"seconds_per_epoch\": 1}")));
        assertTrue(e.getMessage().contains("line 1: unknown workload 'w9'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ComparisonChart.parse(List.of("", "",
                "{\"impl\": \"numpy-f64\", \"workload\": \"xor\", \"seconds_per_epoch\": 1}")));
        assertTrue(e.getMessage().contains("line 3: no \"total_seconds\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ComparisonChart.relativeToReference(ComparisonChart.medians(ComparisonChart.parse(List.of()))));
        assertTrue(e.getMessage().contains("no benchmark runs"), e.getMessage());
    }
}
