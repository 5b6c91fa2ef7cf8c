package io.github.backprop.gradient;

import io.github.backprop.activation.Activation;
import io.github.backprop.activation.Activations;
import io.github.backprop.check.GradientCheck;
import io.github.backprop.check.GradientCheckResult;
import io.github.backprop.init.Initializers;
import io.github.backprop.loss.Loss;
import io.github.backprop.loss.Losses;
import io.github.backprop.math.Matrix;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.NetworkBuilder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property: on randomly shaped networks, for every hidden activation and every output
 * activation/loss pairing, backpropagation's dW and db agree with the five-point finite
 * difference of {@link GradientCheck} to a relative error below 1e-7 in double precision.
 *
 * <p>Each case draws 1 to 4 hidden layers, widths 1 to 6 (input, hidden and output), 1 to 4
 * samples with features in [-1, 1], weights from a random seed and biases in [-0.5, 0.5), and
 * targets that are valid for the loss: one-hot for cross-entropy, in [0, 1] for binary
 * cross-entropy, anything in [-1, 1] for MSE.
 *
 * <p>ReLU and leaky ReLU have a kink at z = 0, where the derivative jumps and no finite
 * difference can agree with it. The stencil moves a parameter by up to 2h = 2e-3, which moves the
 * z's it feeds by about as much, so cases where a ReLU-family neuron has |z| &lt; 1e-2 for some
 * sample are rejected ({@link Assume}); the z's come from {@link Backpropagation#forwardPass}.
 */
@Label("Backpropagated gradients")
class BackpropagationGradientsTest {

    /** The bound the issue asks for; never loosened. */
    static final double TOLERANCE = 1e-7;
    /** How close to a ReLU kink a z may come before the case is rejected. */
    static final double KINK_MARGIN = 1e-2;

    /** The activations of the hidden layers. */
    enum Hidden {
        SIGMOID(Activations.sigmoid(), false),
        TANH(Activations.tanh(), false),
        RELU(Activations.relu(), true),
        LEAKY_RELU(Activations.leakyRelu(), true),
        IDENTITY(Activations.identity(), false);

        final Activation f;
        final boolean hasKink;

        Hidden(Activation f, boolean hasKink) {
            this.f = f;
            this.hasKink = hasKink;
        }
    }

    /** Which targets a loss accepts. */
    enum Targets { ANY, UNIT_INTERVAL, ONE_HOT }

    /** The output activation and loss pairings, each with the targets it accepts. */
    enum Head {
        SIGMOID_MSE(Activations.sigmoid(), Losses.mse(), Targets.ANY),
        IDENTITY_MSE(Activations.identity(), Losses.mse(), Targets.ANY),
        TANH_MSE(Activations.tanh(), Losses.mse(), Targets.ANY),
        SOFTMAX_MSE(Activations.softmax(), Losses.mse(), Targets.ANY),
        SOFTMAX_CROSS_ENTROPY(Activations.softmax(), Losses.crossEntropy(), Targets.ONE_HOT),
        SIGMOID_CROSS_ENTROPY(Activations.sigmoid(), Losses.crossEntropy(), Targets.ONE_HOT),
        SIGMOID_BINARY_CROSS_ENTROPY(Activations.sigmoid(), Losses.binaryCrossEntropy(), Targets.UNIT_INTERVAL);

        final Activation f;
        final Loss loss;
        final Targets targets;

        Head(Activation f, Loss loss, Targets targets) {
            this.f = f;
            this.loss = loss;
            this.targets = targets;
        }
    }

    /** One generated network with its data. */
    record Case(Hidden hidden, Head head, int[] sizes, long seed, double[][] x, double[][] y) {

        Network network() {
            NetworkBuilder b = Network.builder(sizes[0]);
            for (int l = 1; l < sizes.length - 1; l++) {
                b.dense(sizes[l], hidden.f);
            }
            return b.dense(sizes[sizes.length - 1], head.f)
                    .biasInitializer(Initializers.uniform(0.5))
                    .seed(seed)
                    .build();
        }

        @Override
        public String toString() {
            return hidden + " hidden, " + head + ", sizes " + Arrays.toString(sizes) + ", seed " + seed
                    + "\nx = " + Arrays.deepToString(x) + "\ny = " + Arrays.deepToString(y);
        }
    }

    @Property(tries = 1000, maxDiscardRatio = 10)
    @StatisticsReport(onFailureOnly = true)
    @Label("agree with finite differences to a relative error below 1e-7 for every hidden activation and output/loss pairing")
    void agreeWithFiniteDifferences(@ForAll("cases") Case c) {
        Network net = c.network();
        Assume.that(!c.hidden().hasKink || farFromKinks(net, c.x()));
        Statistics.label("pairing").collect(c.hidden(), c.head());

        GradientCheckResult result = GradientCheck.run(net, c.head().loss, c.x(), c.y());

        assertTrue(result.passes(TOLERANCE), () -> c + "\n" + result);
        Statistics.label("pairing").coverage(checker -> {
            for (Hidden h : Hidden.values()) {
                for (Head head : Head.values()) {
                    checker.check(h, head).count(n -> n > 0);
                }
            }
        });
    }

    /** True if no hidden z of any sample is within {@link #KINK_MARGIN} of 0. */
    static boolean farFromKinks(Network net, double[][] x) {
        ForwardPass pass = Backpropagation.forwardPass(net, x);
        for (int l = 1; l < net.layerCount(); l++) {
            Matrix z = pass.layer(l).z();
            for (int r = 0; r < z.rows(); r++) {
                for (int c = 0; c < z.cols(); c++) {
                    if (Math.abs(z.get(r, c)) < KINK_MARGIN) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Hidden> hidden = Arbitraries.of(Hidden.class);
        Arbitrary<Head> head = Arbitraries.of(Head.class);
        // input, 1 to 4 hidden layers, output; every width from 1 to 6
        Arbitrary<int[]> sizes = Arbitraries.integers().between(1, 6).array(int[].class).ofMinSize(3).ofMaxSize(6);
        Arbitrary<Integer> samples = Arbitraries.integers().between(1, 4);
        Arbitrary<Long> seeds = Arbitraries.longs();
        return Combinators.combine(hidden, head, sizes, samples, seeds).flatAs((h, hd, drawn, n, seed) -> {
            int[] s = drawn.clone();
            if (hd.f == Activations.softmax() && s[s.length - 1] == 1) {
                // the builder refuses softmax over one neuron, which outputs 1 whatever it is given
                s[s.length - 1] = 2;
            }
            int in = s[0];
            int out = s[s.length - 1];
            Arbitrary<double[][]> x = matrix(Arbitraries.doubles().between(-1, 1), n, in);
            Arbitrary<double[][]> y = targets(hd.targets, n, out);
            return Combinators.combine(x, y).as((xs, ys) -> new Case(h, hd, s, seed, xs, ys));
        });
    }

    static Arbitrary<double[][]> matrix(Arbitrary<Double> values, int rows, int cols) {
        return values.array(double[].class).ofSize(cols).array(double[][].class).ofSize(rows);
    }

    static Arbitrary<double[][]> targets(Targets kind, int rows, int cols) {
        return switch (kind) {
            case ANY -> matrix(Arbitraries.doubles().between(-1, 1), rows, cols);
            case UNIT_INTERVAL -> matrix(Arbitraries.doubles().between(0, 1), rows, cols);
            case ONE_HOT -> Arbitraries.integers().between(0, cols - 1).list().ofSize(rows).map(labels -> oneHot(labels, cols));
        };
    }

    static double[][] oneHot(List<Integer> labels, int cols) {
        double[][] y = new double[labels.size()][cols];
        for (int r = 0; r < y.length; r++) {
            y[r][labels.get(r)] = 1.0;
        }
        return y;
    }
}
