package io.github.backprop.optim;

import io.github.backprop.internal.kernel.Kernels;
import io.github.backprop.random.SplitMix64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The update w = w - eta dW is a loop in {@code Sgd}; every path of the fast kernels must give its numbers. */
@DisplayName("The fast kernels take the SGD step exactly as its loop does")
class SgdKernelsTest {

    static List<Kernels> paths() {
        return Kernels.everyPath();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    @DisplayName("w - eta dW, bit for bit, on short parameters and on long ones shared between threads")
    void descend(Kernels fast) {
        Sgd sgd = new Sgd(0.3, 0);
        for (int size : new int[] {1, 7, 320, 2048, 32768, 100352}) {
            SplitMix64 r = new SplitMix64(size);
            double[] w = new double[size];
            double[] dW = new double[size];
            for (int i = 0; i < size; i++) {
                w[i] = 2 * r.nextDouble() - 1;
                dW[i] = (2 * r.nextDouble() - 1) * 1e-3;
            }
            double[] reference = w.clone();
            sgd.descend(null, reference, dW);
            double[] actual = w.clone();
            sgd.descend(fast, actual, dW);
            assertArrayEquals(reference, actual, size + " values, " + fast);
        }
    }
}
