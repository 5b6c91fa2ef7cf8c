package io.github.backprop.check;

import io.github.backprop.activation.Activations;
import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.gradient.ForwardPass;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Padding;
import io.github.backprop.nn.Parameter;
import io.github.backprop.nn.RecurrentLayer;
import io.github.backprop.nn.Shape;
import io.github.backprop.random.SplitMix64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The gradient check agrees with backpropagation to 1e-7 through")
class GradientCheckLayersTest {
    static final double TOLERANCE = 1e-7;
    static final double[][] THREE_CLASSES = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    static final double[][] FOUR_BITS = {{1}, {0}, {1}, {0}};

    static double[][] uniform(int rows, int cols, long seed) {
        Random random = new SplitMix64(seed);
        double[][] x = new double[rows][cols];
        for (double[] row : x) {
            for (int i = 0; i < cols; i++) {
                row[i] = 2 * random.nextDouble() - 1;
            }
        }
        return x;
    }

    static void assertPasses(Network net, GradientCheckResult result, int parameters) {
        assertEquals(parameters, result.entries().size(), result::toString);
        assertTrue(result.passes(TOLERANCE), () -> net + "\n" + result);
    }

    @Test
    @DisplayName("a convolution with several channels and VALID padding")
    void convolutionValid() {
        Network net = Network.builder(Shape.image(2, 5, 5))
                .conv2d(3, 3, Padding.VALID, Activations.sigmoid())
                .flatten()
                .dense(3, Activations.softmax())
                .seed(21)
                .build();
        double[][] x = uniform(3, 50, 5);
        assertPasses(net, GradientCheck.run(net, Losses.crossEntropy(), x, THREE_CLASSES), 4);
    }

    @Test
    @DisplayName("two stacked convolutions with SAME padding, odd and even kernels")
    void convolutionSame() {
        Network net = Network.builder(Shape.image(2, 6, 6))
                .conv2d(2, 2, Padding.SAME, Activations.sigmoid())
                .conv2d(2, 3, Padding.SAME, Activations.tanh())
                .flatten()
                .dense(3, Activations.softmax())
                .seed(2)
                .build();
        double[][] x = uniform(3, 72, 3);
        assertPasses(net, GradientCheck.run(net, Losses.crossEntropy(), x, THREE_CLASSES), 6);
    }

    @Test
    @DisplayName("max pooling, on samples whose windows have clear winners")
    void maxPooling() {
        Network net = Network.builder(Shape.image(2, 6, 6))
                .conv2d(3, 3, Padding.SAME, Activations.tanh())
                .maxPool(2)
                .flatten()
                .dense(3, Activations.softmax())
                .seed(1)
                .build();
        double[][] x = uniform(3, 72, 1);
        // The max is not differentiable where two values of a window tie. The check nudges one
        // kernel value or bias by at most 2h = 0.002; each z uses it once, so z moves by at most
        // 2h * max(|x|, 1) = 0.002 and a = tanh(z) no more. Two values of a window then close in
        // by at most 0.004: with every winner ahead by more, no nudge changes a winner.
        double gap = smallestWinningMargin(Backpropagation.forwardPass(net, x), Shape.image(3, 6, 6), 2);
        assertTrue(gap > 2 * 2 * GradientCheck.DEFAULT_STEP, "smallest margin " + gap);
        assertPasses(net, GradientCheck.run(net, Losses.crossEntropy(), x, THREE_CLASSES), 4);
    }

    @Test
    @DisplayName("a recurrent layer passing on its last step")
    void recurrentLastStep() {
        Network net = Network.builder(Shape.sequence(5, 2))
                .recurrent(3)
                .dense(1, Activations.sigmoid())
                .seed(4)
                .build();
        double[][] x = uniform(4, 10, 7);
        assertPasses(net, GradientCheck.run(net, Losses.binaryCrossEntropy(), x, FOUR_BITS), 5);
    }

    @Test
    @DisplayName("two stacked recurrent layers, the first passing on every step")
    void recurrentStacked() {
        Network net = Network.builder(Shape.sequence(5, 2))
                .recurrent(3, RecurrentLayer.Output.EVERY_STEP)
                .recurrent(2)
                .dense(1, Activations.sigmoid())
                .seed(5)
                .build();
        double[][] x = uniform(4, 10, 8);
        assertPasses(net, GradientCheck.run(net, Losses.binaryCrossEntropy(), x, FOUR_BITS), 8);
    }

    @Test
    @DisplayName("a recurrent layer as the output layer, and one flattened into a dense layer")
    void recurrentOutputAndFlatten() {
        double[][] x = uniform(4, 10, 9);
        Network output = Network.builder(Shape.sequence(5, 2)).recurrent(2).seed(6).build();
        double[][] y = {{0.2, -0.1}, {0.5, 0.3}, {-0.4, 0.1}, {0.0, 0.6}};
        assertPasses(output, GradientCheck.run(output, Losses.mse(), x, y), 3);

        Network flattened = Network.builder(Shape.sequence(5, 2))
                .recurrent(4, RecurrentLayer.Output.EVERY_STEP)
                .flatten()
                .dense(1, Activations.sigmoid())
                .seed(6)
                .build();
        assertPasses(flattened, GradientCheck.run(flattened, Losses.binaryCrossEntropy(), x, FOUR_BITS), 5);
    }

    @Test
    @DisplayName("and leaves every parameter as it was")
    void restores() {
        Network net = Network.builder(Shape.sequence(5, 2)).recurrent(3).dense(1, Activations.sigmoid()).seed(4).build();
        double[][] before = net.parameters().stream().map(p -> p.valueArray().clone()).toArray(double[][]::new);
        GradientCheck.run(net, Losses.binaryCrossEntropy(), uniform(4, 10, 7), FOUR_BITS);
        for (int i = 0; i < before.length; i++) {
            Parameter p = net.parameters().get(i);
            assertArrayEquals(before[i], p.valueArray(), 0.0, p.name());
        }
    }

    /** The smallest gap, over every sample and window, between a window's largest and second-largest value. */
    static double smallestWinningMargin(ForwardPass pass, Shape.Image image, int size) {
        double smallest = Double.POSITIVE_INFINITY;
        double[][] a = pass.layer(1).a().toArray();
        for (double[] sample : a) {
            for (int c = 0; c < image.channels(); c++) {
                for (int i = 0; i + size <= image.height(); i += size) {
                    for (int j = 0; j + size <= image.width(); j += size) {
                        double[] window = new double[size * size];
                        for (int p = 0; p < size; p++) {
                            for (int q = 0; q < size; q++) {
                                window[p * size + q] = sample[image.index(c, i + p, j + q)];
                            }
                        }
                        Arrays.sort(window);
                        smallest = Math.min(smallest, window[window.length - 1] - window[window.length - 2]);
                    }
                }
            }
        }
        return smallest;
    }
}
