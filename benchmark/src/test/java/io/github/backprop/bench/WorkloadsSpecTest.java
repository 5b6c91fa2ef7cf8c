package io.github.backprop.bench;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * benchmark/WORKLOADS.md restates the shared benchmark spec for readers of the repository; it must
 * state the numbers the benchmark checks against, and, where the shared spec is at hand
 * ({@code ../shared/bench/WORKLOADS.md} beside the checkout), the same numbers as the spec.
 */
@DisplayName("The workload spec in the repository")
class WorkloadsSpecTest {
    /** The numbers a run depends on: reference losses and accuracy, seeds' first weights, W3's data checks. */
    private static final List<String> NUMBERS = List.of(
            "0.00170026763161650", "0.019281173766086592", "0.9055555555555556", "0.0035796351947998",
            "-0.15580426399512012", "0.022797433549519852", "-0.027610689853060387",
            "0.10942994763791958", "0.2896260607081906", "5833, 6059, 6074, 5959, 5916, 6093, 6012, 6036, 6015, 6003",
            "0x9E3779B97F4A7C15L", "0xBF58476D1CE4E5B9L", "0x94D049BB133111EBL", "0.3898297483912715");

    private static void assertStatesEveryNumber(Path file) throws IOException {
        // line breaks and indentation count as one space: a list may wrap
        String text = Files.readString(file).replaceAll("\\s+", " ");
        for (String number : NUMBERS) {
            assertTrue(text.contains(number), file + " does not state " + number);
        }
    }

    @Test
    @DisplayName("states the reference values and checks the benchmark uses")
    void statesTheReferenceValues() throws IOException {
        assertStatesEveryNumber(Path.of("WORKLOADS.md"));
    }

    @Test
    @DisplayName("agrees with the shared spec on every one of them, where the shared spec is beside the checkout")
    void agreesWithTheSharedSpec() throws IOException {
        Path shared = Path.of("..", "..", "shared", "bench", "WORKLOADS.md");
        Assumptions.assumeTrue(Files.isRegularFile(shared), "no shared spec at " + shared.toAbsolutePath());
        assertStatesEveryNumber(shared);
    }
}
