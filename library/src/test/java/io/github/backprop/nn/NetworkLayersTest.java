package io.github.backprop.nn;

import io.github.backprop.activation.Activations;
import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.gradient.Trace;
import io.github.backprop.data.Dataset;
import io.github.backprop.eval.Evaluation;
import io.github.backprop.loss.Losses;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.train.EpochStats;
import io.github.backprop.train.History;
import io.github.backprop.train.Trainer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A network with convolution, pooling and recurrent layers")
class NetworkLayersTest {

    static Network cnn(long seed) {
        return Network.builder(Shape.image(1, 6, 6))
                .conv2d(4, 3, Padding.SAME, Activations.relu())
                .maxPool(2)
                .flatten()
                .dense(2, Activations.softmax())
                .seed(seed)
                .build();
    }

    /** 6x6 images of one vertical (class 0) or one horizontal (class 1) bar, at every position. */
    static Dataset bars() {
        Dataset.Builder data = Dataset.builder(36, 2, 12);
        for (int k = 0; k < 6; k++) {
            double[] vertical = new double[36];
            double[] horizontal = new double[36];
            for (int i = 0; i < 6; i++) {
                vertical[i * 6 + k] = 1;
                horizontal[k * 6 + i] = 1;
            }
            data.add(vertical, new double[] {1, 0});
            data.add(horizontal, new double[] {0, 1});
        }
        return data.build();
    }

    @Nested
    @DisplayName("gives access to its layers")
    class Access {
        final Network net = cnn(1);

        @Test
        @DisplayName("as Layer, by type, and with their shapes")
        void layers() {
            assertEquals(4, net.layerCount());
            assertInstanceOf(Conv2dLayer.class, net.layer(1));
            assertInstanceOf(MaxPoolLayer.class, net.layer(2));
            assertInstanceOf(FlattenLayer.class, net.layer(3));
            assertEquals(2, net.denseLayer(4).outputSize());
            assertEquals(Shape.image(4, 3, 3), net.layer(2).outputShape());
            assertArrayEquals(new int[] {36, 144, 36, 36, 2}, net.sizes());
            assertEquals(List.of("K1", "b1", "W4", "b4"), net.parameters().stream().map(Parameter::name).toList());
            assertEquals(4 * 9 + 4 + 2 * 36 + 2, net.parameterCount());
        }

        @Test
        @DisplayName("but denseLayer(l) on another type names both")
        void wrongType() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.denseLayer(2));
            assertTrue(e.getMessage().startsWith("layer 2 is a MaxPoolLayer (max pool 2x2"), e.getMessage());
            assertTrue(e.getMessage().endsWith("not a DenseLayer"), e.getMessage());
        }

        @Test
        @DisplayName("and describes itself layer by layer")
        void describes() {
            assertEquals("input image 1x6x6\n"
                    + "1: conv2d 3x3 same, image 1x6x6 -> image 4x6x6 (relu)\n"
                    + "2: max pool 2x2, image 4x6x6 -> image 4x3x3\n"
                    + "3: flatten, image 4x3x3 -> vector 36\n"
                    + "4: dense 36 -> 2 (softmax)", net.toString());
            assertEquals("2-3-1 (tanh, sigmoid)", Network.builder(2).dense(3, Activations.tanh())
                    .dense(1, Activations.sigmoid()).seed(1).build().toString());
        }

        @Test
        @DisplayName("a copy predicts the same and owns its parameters")
        void copy() {
            Network rnn = Network.builder(Shape.sequence(3, 2)).recurrent(4).dense(1, Activations.sigmoid()).seed(2).build();
            for (Network original : List.of(net, rnn)) {
                Network copy = original.copy();
                double[] x = new double[original.inputSize()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (i % 5) * 0.3 - 0.4;
                }
                assertArrayEquals(original.predict(x), copy.predict(x), 0.0);
                assertEquals(original.toString(), copy.toString());
                assertNotSame(original.parameters().get(0).valueArray(), copy.parameters().get(0).valueArray());
                copy.parameters().get(0).set(0, 0, 5.0);
                assertTrue(original.parameters().get(0).value(0, 0) != 5.0);
            }
        }

        @Test
        @DisplayName("and its trace prints the gradient of every parameter by name")
        void traceText() {
            Trace trace = Backpropagation.trace(net, Losses.crossEntropy(), new double[][] {bars().featureRow(0)},
                    new double[][] {{1, 0}});
            String text = trace.toString();
            assertTrue(text.contains("dK1 = "), text);
            assertTrue(text.contains("dW4 = "), text);
            assertEquals(0, trace.layer(3).parameters().size());
            assertEquals(trace.layer(1).parameter("K1").gradient(), trace.layer(1).dW());
        }
    }

    @Nested
    @DisplayName("trains with the usual Trainer")
    class Training {

        @Test
        @DisplayName("a small conv net tells vertical from horizontal bars")
        void convNet() {
            Network net = cnn(3);
            Dataset data = bars();
            History h = Trainer.builder().loss(Losses.crossEntropy()).optimizer(Optimizers.adam(0.01))
                    .epochs(200).batchSize(4).shuffle(1).targetLoss(0.01).recordGradientNorms().build()
                    .fit(net, data);
            assertEquals(History.StopReason.TARGET_LOSS_REACHED, h.stopReason(), () -> "final loss " + h.finalLoss());
            assertEquals(1.0, Evaluation.accuracy(net, data));
            double[] norms = h.last().gradientNorms();
            assertEquals(4, norms.length);
            assertTrue(norms[0] > 0 && Double.isFinite(norms[0]), () -> "conv norm " + norms[0]);
            assertTrue(Double.isNaN(norms[1]) && Double.isNaN(norms[2]), "no weights in pooling and flatten");
            assertTrue(norms[3] > 0, () -> "dense norm " + norms[3]);
        }

        @Test
        @DisplayName("a recurrent net learns whether a sequence's first value was positive")
        void recurrentNet() {
            int steps = 4;
            Dataset.Builder b = Dataset.builder(steps, 1, 32);
            java.util.Random random = new io.github.backprop.random.SplitMix64(5);
            for (int n = 0; n < 32; n++) {
                double[] x = new double[steps];
                for (int t = 0; t < steps; t++) {
                    x[t] = 2 * random.nextDouble() - 1;
                }
                b.add(x, new double[] {x[0] > 0 ? 1 : 0});
            }
            Dataset data = b.build();
            Network net = Network.builder(Shape.sequence(steps, 1)).recurrent(6).dense(1, Activations.sigmoid())
                    .seed(4).build();
            double before = Evaluation.score(net, Losses.binaryCrossEntropy(), data).loss();
            History h = Trainer.builder().loss(Losses.binaryCrossEntropy()).optimizer(Optimizers.adam(0.05))
                    .epochs(300).batchSize(32).recordGradientNorms().build().fit(net, data);
            EpochStats last = h.last();
            assertTrue(last.trainingLoss() < before / 4, () -> before + " -> " + last.trainingLoss());
            assertTrue(last.trainingAccuracy() >= 0.95, () -> "accuracy " + last.trainingAccuracy());
            assertEquals(2, last.gradientNorms().length);
        }
    }
}
