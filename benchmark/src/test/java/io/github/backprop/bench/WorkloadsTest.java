package io.github.backprop.bench;

import io.github.backprop.internal.kernel.Kernels;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The benchmark workloads, run through the public training API, reproduce the spec's reference values")
class WorkloadsTest {

    @Test
    @DisplayName("runs with the kernels this test execution asks for (Vector API or plain loops)")
    void kernels() {
        // set by the two surefire executions in benchmark/pom.xml
        String expected = System.getProperty("expected.kernels", "vector");
        assertTrue(Kernels.chosen().description().startsWith(expected), Kernels.chosen().description());
    }

    @Test
    @DisplayName("W1 (xor): final loss 0.00170026763161650 within 1e-12")
    void w1() {
        Workloads.Result r = Workloads.w1();
        assertEquals(Workloads.W1_LOSS, r.finalLoss(), 1e-12);
    }

    @Test
    @DisplayName("W2 (digits): 326 of 360 test digits right and final loss 0.019281173766086592 within 1e-9")
    void w2() {
        Workloads.Result r = Workloads.w2();
        assertEquals(Workloads.W2_CORRECT, r.testCorrect());
        assertEquals(326.0 / 360, r.testAccuracy(), 0.0);
        assertEquals(Workloads.W2_LOSS, r.finalLoss(), 1e-9);
    }

    @Test
    @DisplayName("W3's generated data matches the spec's checks")
    void w3Data() {
        var data = Workloads.mnistShape();
        assertEquals(9, data.label(0));
        assertEquals(2, data.label(1));
        assertEquals(5, data.label(2));
        assertEquals(0.10942994763791958, data.feature(0, 2), 0.0);
        assertEquals(0.2896260607081906, data.feature(2, 782), 0.0);
        int[] counts = new int[10];
        for (int l : data.labels()) {
            counts[l]++;
        }
        assertEquals(java.util.List.of(5833, 6059, 6074, 5959, 5916, 6093, 6012, 6036, 6015, 6003),
                java.util.Arrays.stream(counts).boxed().toList());
    }
}
