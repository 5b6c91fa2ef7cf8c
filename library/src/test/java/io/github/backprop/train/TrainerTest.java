package io.github.backprop.train;

import io.github.backprop.activation.Activations;
import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.data.Dataset;
import io.github.backprop.eval.Evaluation;
import io.github.backprop.eval.Score;
import io.github.backprop.loss.Losses;
import io.github.backprop.math.Matrix;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import io.github.backprop.optim.Optimizer;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.random.SplitMix64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The trainer")
class TrainerTest {
    static final double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    static final double[][] Y = {{0}, {1}, {1}, {0}};

    static Network network() {
        return Network.builder(2).dense(3, Activations.sigmoid()).dense(1, Activations.sigmoid()).seed(5).build();
    }

    static TrainerBuilder sgd(double learningRate, int epochs) {
        return Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(learningRate)).epochs(epochs);
    }

    static List<Matrix> weights(Network net) {
        return net.parameters().stream().map(Parameter::values).toList();
    }

    static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @AfterEach
    void clearInterruptFlag() {
        // never leave an interrupted thread to the next test
        Thread.interrupted();
    }

    @Nested
    @DisplayName("settings")
    class Settings {

        @Test
        @DisplayName("require a loss, an optimiser and a number of epochs, listing what is missing")
        void required() {
            assertEquals("a trainer needs loss(...), optimizer(...), epochs(...)", message(() -> Trainer.builder().build()));
            assertEquals("a trainer needs epochs(...)",
                    message(() -> Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(0.1)).build()));
        }

        @Test
        @DisplayName("reject a non-positive batch size or number of epochs, naming the value")
        void positive() {
            assertEquals("batch size must be positive, got 0", message(() -> Trainer.builder().batchSize(0)));
            assertEquals("batch size must be positive, got -4", message(() -> Trainer.builder().batchSize(-4)));
            assertEquals("epochs must be positive, got 0", message(() -> Trainer.builder().epochs(0)));
        }

        @Test
        @DisplayName("reject a non-finite target loss")
        void targetLoss() {
            assertEquals("target loss must be finite, got NaN", message(() -> Trainer.builder().targetLoss(Double.NaN)));
        }

        @Test
        @DisplayName("are readable back, with a default batch size of 32")
        void accessors() {
            Optimizer sgd = Optimizers.sgd(0.1);
            Trainer t = Trainer.builder().loss(Losses.crossEntropy()).optimizer(sgd).epochs(3).build();
            assertEquals(32, t.batchSize());
            assertEquals(3, t.epochs());
            assertSame(sgd, t.optimizer());
            assertSame(Losses.crossEntropy(), t.loss());
        }
    }

    @Nested
    @DisplayName("rejects data, naming the problem and the values")
    class RejectsData {

        @Test
        @DisplayName("samples with more features than the network has inputs")
        void features() {
            assertEquals("shape mismatch: the network takes 2 inputs but the training data has 3 features",
                    message(() -> sgd(0.1, 1).build().fit(network(), new double[][] {{1, 2, 3}}, new double[][] {{1}})));
        }

        @Test
        @DisplayName("targets of the wrong width")
        void targets() {
            assertEquals("shape mismatch: the network has 1 outputs but the training data has 2 targets per sample",
                    message(() -> sgd(0.1, 1).build().fit(network(), new double[][] {{1, 2}}, new double[][] {{1, 0}})));
        }

        @Test
        @DisplayName("a validation set that does not fit the network")
        void validation() {
            Dataset bad = Dataset.of(new double[][] {{1, 2, 3}}, new double[][] {{1}});
            assertEquals("shape mismatch: the network takes 2 inputs but the validation data has 3 features",
                    message(() -> sgd(0.1, 1).validation(bad).build().fit(network(), X, Y)));
        }

        @Test
        @DisplayName("targets the loss cannot take, naming the row and column")
        void targetsForTheLoss() {
            Trainer t = Trainer.builder().loss(Losses.binaryCrossEntropy()).optimizer(Optimizers.sgd(0.1)).epochs(1).build();
            assertEquals("training target at row 2, column 0: binary cross-entropy needs targets in [0, 1], got 2.0",
                    message(() -> t.fit(network(), X, new double[][] {{0}, {1}, {2}, {0}})));
        }

        @Test
        @DisplayName("NaN or infinite samples and targets")
        void nonFinite() {
            Trainer t = sgd(0.1, 1).build();
            assertEquals("x has a non-finite value NaN at row 1, column 1",
                    message(() -> t.fit(network(), new double[][] {{0, 0}, {0, Double.NaN}}, new double[][] {{0}, {1}})));
            assertEquals("y has a non-finite value Infinity at row 0, column 0",
                    message(() -> t.fit(network(), new double[][] {{0, 0}}, new double[][] {{Double.POSITIVE_INFINITY}})));
        }

        @Test
        @DisplayName("empty data")
        void empty() {
            assertEquals("x is empty: need at least one sample",
                    message(() -> sgd(0.1, 1).build().fit(network(), new double[0][], new double[0][])));
        }

        @Test
        @DisplayName("before changing the network")
        void beforeTraining() {
            Network net = network();
            List<Matrix> before = weights(net);
            assertThrows(IllegalArgumentException.class,
                    () -> sgd(0.1, 1).build().fit(net, X, new double[][] {{0}, {1}, {1}, {Double.NaN}}));
            assertEquals(before, weights(net));
        }
    }

    @Nested
    @DisplayName("refuses a loss that cannot learn from the output activation, naming the pair and what to use instead")
    class RefusesLossAndActivation {
        final Dataset classes = Dataset.ofLabels(X, new int[] {0, 1, 1, 0}, 2);

        Network ending(int outputs, io.github.backprop.activation.Activation f) {
            return Network.builder(2).dense(3, Activations.tanh()).dense(outputs, f).seed(5).build();
        }

        String refusal(io.github.backprop.loss.Loss loss, Network net, Dataset data) {
            Trainer t = Trainer.builder().loss(loss).optimizer(Optimizers.sgd(0.1)).epochs(1).build();
            List<Matrix> before = weights(net);
            String fit = message(() -> t.fit(net, data));
            assertEquals(fit, message(() -> t.trainEpoch(net, data)), "trainEpoch refuses as fit does");
            assertEquals(before, weights(net), "the network is left as it was");
            return fit;
        }

        @Test
        @DisplayName("binary cross-entropy after an identity output")
        void bceAfterIdentity() {
            String m = refusal(Losses.binaryCrossEntropy(), ending(1, Activations.identity()), Dataset.of(X, Y));
            assertEquals("binary cross-entropy cannot learn from a identity output layer: it takes log a and log(1 - a),"
                    + " which need outputs strictly between 0 and 1, and identity's outputs are not; use"
                    + " Activations.sigmoid() on the output layer (or Losses.mse() to keep identity)", m);
        }

        @Test
        @DisplayName("binary cross-entropy after ReLU, leaky ReLU and tanh")
        void bceAfterOthers() {
            for (io.github.backprop.activation.Activation f : List.of(Activations.relu(), Activations.leakyRelu(0.1),
                    Activations.tanh())) {
                String m = refusal(Losses.binaryCrossEntropy(), ending(1, f), Dataset.of(X, Y));
                assertTrue(m.startsWith("binary cross-entropy cannot learn from a " + f.name() + " output layer")
                        && m.contains("Activations.sigmoid()"), m);
            }
        }

        @Test
        @DisplayName("cross-entropy after ReLU, identity, tanh and sigmoid")
        void crossEntropyAfterOthers() {
            String relu = refusal(Losses.crossEntropy(), ending(2, Activations.relu()), classes);
            assertEquals("categorical cross-entropy cannot learn from a relu output layer: it takes log a of class"
                    + " probabilities, which need outputs between 0 and 1 that sum to 1, and relu's outputs are not;"
                    + " use Activations.softmax() on the output layer (or Losses.mse() to keep relu)", relu);
            for (io.github.backprop.activation.Activation f : List.of(Activations.identity(), Activations.tanh())) {
                assertTrue(refusal(Losses.crossEntropy(), ending(2, f), classes).contains("Activations.softmax()"));
            }
            String sigmoid = refusal(Losses.crossEntropy(), ending(2, Activations.sigmoid()), classes);
            assertTrue(sigmoid.contains("sigmoid outputs do not compete") && sigmoid.contains("Activations.softmax()")
                    && sigmoid.contains("Losses.binaryCrossEntropy()"), sigmoid);
        }

        @Test
        @DisplayName("and trains the pairs that can learn: BCE after sigmoid, cross-entropy after softmax, MSE after anything")
        void learnablePairs() {
            Trainer bce = Trainer.builder().loss(Losses.binaryCrossEntropy()).optimizer(Optimizers.sgd(0.5)).epochs(2).build();
            assertEquals(2, bce.fit(ending(1, Activations.sigmoid()), Dataset.of(X, Y)).epochs().size());
            Trainer ce = Trainer.builder().loss(Losses.crossEntropy()).optimizer(Optimizers.sgd(0.5)).epochs(2).build();
            assertEquals(2, ce.fit(ending(2, Activations.softmax()), classes).epochs().size());
            assertEquals(2, sgd(0.1, 2).build().fit(ending(1, Activations.relu()), X, Y).epochs().size());
        }
    }

    @Nested
    @DisplayName("leaves the caller's data alone")
    class CallerData {

        @Test
        @DisplayName("fit(x, y) with shuffling does not reorder or modify x or y")
        void arrays() {
            double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
            double[][] y = {{0}, {1}, {1}, {0}};
            sgd(0.5, 20).batchSize(1).shuffle(3).build().fit(network(), x, y);
            assertArrayEquals(X, x);
            assertArrayEquals(Y, y);
        }

        @Test
        @DisplayName("fit(dataset) with shuffling leaves the dataset's rows in order")
        void dataset() {
            Dataset d = Dataset.of(X, Y);
            sgd(0.5, 20).batchSize(1).shuffle(3).build().fit(network(), d);
            assertArrayEquals(X, d.features());
            assertArrayEquals(Y, d.targets());
        }
    }

    @Nested
    @DisplayName("is deterministic")
    class Determinism {

        History run(Network net, TrainerBuilder b) {
            return b.build().fit(net, X, Y);
        }

        @Test
        @DisplayName("the same seed gives bit-identical weights, losses and predictions")
        void sameSeed() {
            Network a = network();
            Network b = network();
            History ha = run(a, sgd(0.5, 50).batchSize(2));
            History hb = run(b, sgd(0.5, 50).batchSize(2));
            assertEquals(weights(a), weights(b));
            assertArrayEquals(ha.trainingLosses(), hb.trainingLosses());
            assertArrayEquals(a.predict(X), b.predict(X));
        }

        @Test
        @DisplayName("the same shuffle seed gives bit-identical weights, losses and predictions")
        void sameShuffleSeed() {
            Network a = network();
            Network b = network();
            History ha = run(a, sgd(0.5, 50).batchSize(1).shuffle(11));
            History hb = run(b, sgd(0.5, 50).batchSize(1).shuffle(11));
            assertEquals(weights(a), weights(b));
            assertArrayEquals(ha.trainingLosses(), hb.trainingLosses());
            assertArrayEquals(a.predict(X), b.predict(X));
        }

        @Test
        @DisplayName("shuffle(seed) is shuffle(new SplitMix64(seed))")
        void seedIsSplitMix() {
            Network a = network();
            Network b = network();
            run(a, sgd(0.5, 10).batchSize(1).shuffle(11));
            run(b, sgd(0.5, 10).batchSize(1).shuffle(new SplitMix64(11)));
            assertEquals(weights(a), weights(b));
        }

        @Test
        @DisplayName("shuffling changes the order of the steps, and another seed another order")
        void shufflingMatters() {
            Network plain = network();
            Network shuffled = network();
            Network other = network();
            run(plain, sgd(0.5, 10).batchSize(1));
            run(shuffled, sgd(0.5, 10).batchSize(1).shuffle(11));
            run(other, sgd(0.5, 10).batchSize(1).shuffle(12));
            assertNotEquals(weights(plain), weights(shuffled));
            assertNotEquals(weights(shuffled), weights(other));
        }
    }

    @Nested
    @DisplayName("takes its steps on mini-batches")
    class MiniBatches {

        /** Steps on consecutive slices of X, Y of at most {@code batch} rows, by hand. */
        Network byHand(int batch, double learningRate) {
            Network net = network();
            Optimizer sgd = Optimizers.sgd(learningRate);
            for (int from = 0; from < X.length; from += batch) {
                int rows = Math.min(batch, X.length - from);
                double[] x = new double[rows * 2];
                double[] y = new double[rows];
                for (int r = 0; r < rows; r++) {
                    x[2 * r] = X[from + r][0];
                    x[2 * r + 1] = X[from + r][1];
                    y[r] = Y[from + r][0];
                }
                Backpropagation bp = new Backpropagation(net, rows);
                bp.forward(x, 0, rows);
                bp.backward(y, Losses.mse());
                sgd.step(net.parameters());
            }
            return net;
        }

        @Test
        @DisplayName("one epoch with batch size 2 is two steps, on rows 0-1 and then rows 2-3")
        void consecutiveSlices() {
            Network net = network();
            sgd(0.5, 1).batchSize(2).build().fit(net, X, Y);
            assertEquals(weights(byHand(2, 0.5)), weights(net));
        }

        @Test
        @DisplayName("with batch size 3 the last batch is short")
        void shortLastBatch() {
            Network net = network();
            sgd(0.5, 1).batchSize(3).build().fit(net, X, Y);
            assertEquals(weights(byHand(3, 0.5)), weights(net));
        }

        @Test
        @DisplayName("a batch larger than the data is one full-batch step")
        void fullBatch() {
            Network net = network();
            sgd(0.5, 1).batchSize(100).build().fit(net, X, Y);
            assertEquals(weights(byHand(4, 0.5)), weights(net));
        }

        /**
         * Two epochs on a data set whose batches are large enough to be copied in the background (64
         * rows of 600 features; the last batch of each epoch is short), by hand: each batch copied when
         * it is needed, rows in the order given.
         */
        Network largeBatchesByHand(Dataset data, int[][] orders) {
            Network net = largeNetwork();
            Optimizer sgd = Optimizers.sgd(0.1);
            Backpropagation bp = new Backpropagation(net, 64);
            double[] x = new double[64 * 600];
            double[] y = new double[64 * 3];
            for (int[] order : orders) {
                for (int from = 0; from < data.size(); from += 64) {
                    int rows = Math.min(64, data.size() - from);
                    data.copyRows(order, from, rows, x, y);
                    bp.forward(x, 0, rows);
                    bp.backward(y, Losses.mse());
                    sgd.step(net.parameters());
                }
            }
            return net;
        }

        Network largeNetwork() {
            return Network.builder(600).dense(8, Activations.sigmoid()).dense(3, Activations.sigmoid()).seed(5).build();
        }

        Dataset largeData() {
            SplitMix64 r = new SplitMix64(8);
            double[][] x = new double[300][600];
            double[][] y = new double[300][3];
            for (int i = 0; i < 300; i++) {
                for (int j = 0; j < 600; j++) {
                    x[i][j] = r.nextDouble();
                }
                y[i][i % 3] = 1;
            }
            return Dataset.of(x, y);
        }

        @Test
        @DisplayName("large batches, copied while the batch before is computed, give the same weights bit for bit as batches copied when needed")
        void largeBatchesCopiedAhead() {
            Dataset data = largeData();
            int[] stored = java.util.stream.IntStream.range(0, 300).toArray();
            Network net = largeNetwork();
            Trainer trainer = Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(0.1)).epochs(1).batchSize(64)
                    .build();
            trainer.trainEpoch(net, data);
            trainer.trainEpoch(net, data);
            assertEquals(weights(largeBatchesByHand(data, new int[][] {stored, stored})), weights(net));
        }

        @Test
        @DisplayName("and so do shuffled large batches")
        void shuffledLargeBatchesCopiedAhead() {
            Dataset data = largeData();
            // the trainer's Fisher-Yates shuffle of 0..299 with SplitMix64(3), once per epoch
            SplitMix64 r = new SplitMix64(3);
            int[][] orders = new int[2][];
            int[] order = java.util.stream.IntStream.range(0, 300).toArray();
            for (int e = 0; e < 2; e++) {
                for (int i = order.length - 1; i > 0; i--) {
                    int j = r.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                orders[e] = order.clone();
            }
            Network net = largeNetwork();
            Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(0.1)).epochs(2).batchSize(64).shuffle(3).build()
                    .fit(net, data);
            assertEquals(weights(largeBatchesByHand(data, orders)), weights(net));
        }

        @Test
        @DisplayName("trainEpoch takes exactly the steps of one epoch of fit")
        void trainEpoch() {
            Network a = network();
            Network b = network();
            sgd(0.5, 1).batchSize(2).build().fit(a, X, Y);
            sgd(0.5, 1).batchSize(2).build().trainEpoch(b, Dataset.of(X, Y));
            assertEquals(weights(a), weights(b));
        }

        /** One full-batch step per data set, in the order given, by hand. */
        Network fullBatchStepsByHand(double[][]... targets) {
            Network net = network();
            Optimizer sgd = Optimizers.sgd(0.5);
            Backpropagation bp = new Backpropagation(net, 4);
            for (double[][] y : targets) {
                bp.forward(new double[] {0, 0, 0, 1, 1, 0, 1, 1}, 0, 4);
                bp.backward(new double[] {y[0][0], y[1][0], y[2][0], y[3][0]}, Losses.mse());
                sgd.step(net.parameters());
            }
            return net;
        }

        @Test
        @DisplayName("trainEpoch on a full batch, again and again, takes the same steps as batches copied afresh each time,"
                + " also when the data set changes between calls")
        void fullBatchAgainAndAgain() {
            double[][] and = {{0}, {0}, {0}, {1}};
            Dataset xor = Dataset.of(X, Y);
            Dataset andData = Dataset.of(X, and);
            Network net = network();
            Trainer trainer = sgd(0.5, 1).batchSize(4).build();
            trainer.trainEpoch(net, xor);
            trainer.trainEpoch(net, xor);
            trainer.trainEpoch(net, andData);
            trainer.trainEpoch(net, xor);
            assertEquals(weights(fullBatchStepsByHand(Y, Y, and, Y)), weights(net));
        }

        @Test
        @DisplayName("trainEpoch checks each new data set and network, also after earlier calls")
        void trainEpochChecksNewData() {
            Network net = network();
            Trainer trainer = sgd(0.5, 1).batchSize(4).build();
            trainer.trainEpoch(net, Dataset.of(X, Y));
            Dataset threeFeatures = Dataset.of(new double[][] {{0, 0, 0}, {1, 1, 1}}, new double[][] {{0}, {1}});
            IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
                    () -> trainer.trainEpoch(net, threeFeatures));
            assertTrue(wide.getMessage().contains("3 features"), wide.getMessage());
            Network threeInputs = Network.builder(3).dense(1, Activations.sigmoid()).seed(1).build();
            assertThrows(IllegalArgumentException.class, () -> trainer.trainEpoch(threeInputs, Dataset.of(X, Y)));
            NullPointerException none = assertThrows(NullPointerException.class, () -> trainer.trainEpoch(net, null));
            assertEquals("training data is null", none.getMessage());
        }

        @Test
        @DisplayName("trainEpoch refuses targets its loss cannot take, as fit does")
        void trainEpochChecksTargets() {
            Network net = Network.builder(2).dense(1, Activations.sigmoid()).seed(1).build();
            Trainer trainer = Trainer.builder().loss(Losses.binaryCrossEntropy()).optimizer(Optimizers.sgd(0.5)).epochs(1)
                    .build();
            Dataset outOfRange = Dataset.of(X, new double[][] {{0}, {1}, {2}, {0}});
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> trainer.trainEpoch(net, outOfRange));
            assertTrue(e.getMessage().startsWith("training target at row 2, column 0"), e.getMessage());
        }
    }

    @Nested
    @DisplayName("stops")
    class Stopping {

        @Test
        @DisplayName("after all epochs when no target loss is set")
        void allEpochs() {
            History h = sgd(0.5, 7).build().fit(network(), X, Y);
            assertEquals(History.StopReason.EPOCHS_COMPLETED, h.stopReason());
            assertEquals(7, h.epochs().size());
            assertEquals(7, h.last().epoch());
        }

        @Test
        @DisplayName("at the first epoch whose loss is at most the target loss")
        void targetLoss() {
            double target = 0.05;
            History h = sgd(0.5, 10_000).batchSize(4).targetLoss(target).build().fit(network(), X, Y);
            assertEquals(History.StopReason.TARGET_LOSS_REACHED, h.stopReason());
            assertTrue(h.epochs().size() > 1 && h.epochs().size() < 10_000, h::toString);
            assertTrue(h.finalLoss() <= target);
            double[] losses = h.trainingLosses();
            for (int e = 0; e < losses.length - 1; e++) {
                assertTrue(losses[e] > target, "epoch " + (e + 1) + " had loss " + losses[e]);
            }
        }
    }

    @Nested
    @DisplayName("detects divergence")
    class Divergence {
        final double[][] x = {{1, 2}, {3, 4}, {-2, 1}};
        final double[][] y = {{10}, {20}, {-5}};

        Network linear() {
            return Network.builder(2).dense(1, Activations.identity()).seed(1).build();
        }

        TrainingDivergedException diverge(TrainingListener listener) {
            Trainer t = sgd(1.0, 10_000).batchSize(3).listener(listener).build();
            return assertThrows(TrainingDivergedException.class, () -> t.fit(linear(), x, y));
        }

        @Test
        @DisplayName("when a huge learning rate makes the loss infinite or NaN, with a message that names the learning rate and suggests a smaller one")
        void message() {
            TrainingDivergedException e = diverge((stats, net) -> { });
            assertTrue(e.getMessage().contains("learning rate") && e.getMessage().contains("1.0")
                    && e.getMessage().contains("smaller"), e::getMessage);
            assertTrue(e.getMessage().contains("epoch " + e.epoch()), e::getMessage);
            assertFalse(Double.isFinite(e.loss()));
        }

        @Test
        @DisplayName("keeping the history up to the last good epoch")
        void history() {
            TrainingDivergedException e = diverge((stats, net) -> { });
            History h = e.history();
            assertTrue(e.epoch() > 2, "the loss grows for a while before it overflows");
            assertEquals(e.epoch() - 1, h.epochs().size());
            assertEquals(History.StopReason.STOPPED_EARLY, h.stopReason());
            for (double loss : h.trainingLosses()) {
                assertTrue(Double.isFinite(loss));
            }
            assertTrue(h.finalLoss() > h.epochs().get(0).trainingLoss(), "the loss was growing");
        }

        @Test
        @DisplayName("putting back the weights of the last epoch whose loss was finite, and saying so")
        void restoresTheLastFiniteWeights() {
            List<List<Matrix>> afterEpoch = new ArrayList<>();
            Network net = linear();
            Trainer t = sgd(1.0, 10_000).batchSize(3).listener((stats, n) -> afterEpoch.add(weights(n))).build();
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> t.fit(net, x, y));
            assertEquals(e.epoch() - 1, e.restoredEpoch());
            assertEquals(afterEpoch.get(afterEpoch.size() - 1), weights(net), "the weights after the last good epoch");
            for (Parameter p : net.parameters()) {
                for (double v : p.valueArray()) {
                    assertTrue(Double.isFinite(v), p.name() + " holds " + v);
                }
            }
            String lastLoss = String.format(java.util.Locale.ROOT, "%.6g", e.history().finalLoss());
            assertTrue(e.getMessage().endsWith("The network has its weights after epoch " + (e.epoch() - 1)
                    + " again (loss " + lastLoss + "), the last epoch with a finite loss."), e.getMessage());
            assertEquals(e.history().finalLoss(), Evaluation.score(net, Losses.mse(), Dataset.of(x, y)).loss(),
                    "the network scores as after that epoch");
        }

        @Test
        @DisplayName("putting back the weights from before training when the first epoch diverges")
        void firstEpoch() {
            Network net = linear();
            List<Matrix> start = weights(net);
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> sgd(1e200, 10).batchSize(3).build().fit(net, x, y));
            assertEquals(1, e.epoch());
            assertEquals(0, e.restoredEpoch());
            assertEquals(start, weights(net));
            assertTrue(e.getMessage().endsWith("The network has its weights from before training again."), e.getMessage());
        }

        @Test
        @DisplayName("telling the listeners that training ended, with that history")
        void listeners() {
            List<History> ended = new ArrayList<>();
            TrainingDivergedException e = diverge(new TrainingListener() {
                @Override
                public void epochCompleted(EpochStats stats, Network network) {
                }

                @Override
                public void trainingEnded(History history) {
                    ended.add(history);
                }
            });
            assertEquals(List.of(e.history()), ended);
        }
    }

    @Nested
    @DisplayName("stops when its thread is interrupted")
    class Interruption {

        @Test
        @DisplayName("by a listener, with the completed epochs and the network's last weights")
        void fromListener() {
            Network net = network();
            List<Network> atEpoch3 = new ArrayList<>();
            List<History> ended = new ArrayList<>();
            TrainingListener listener = new TrainingListener() {
                @Override
                public void epochCompleted(EpochStats stats, Network network) {
                    if (stats.epoch() == 3) {
                        atEpoch3.add(network.copy());
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public void trainingEnded(History history) {
                    ended.add(history);
                }
            };
            Trainer t = sgd(0.5, 100).batchSize(1).listener(listener).build();

            TrainingInterruptedException e = assertThrows(TrainingInterruptedException.class, () -> t.fit(net, X, Y));

            assertEquals(3, e.history().epochs().size());
            assertEquals(History.StopReason.STOPPED_EARLY, e.history().stopReason());
            assertEquals(weights(atEpoch3.get(0)), weights(net));
            assertEquals(List.of(e.history()), ended);
            assertEquals("training interrupted after 3 completed epochs", e.getMessage());
        }

        @Test
        @DisplayName("before the first step, leaving the network as it was")
        void beforeFirstStep() {
            Network net = network();
            List<Matrix> before = weights(net);
            Thread.currentThread().interrupt();
            TrainingInterruptedException e = assertThrows(TrainingInterruptedException.class,
                    () -> sgd(0.5, 10).build().fit(net, X, Y));
            assertTrue(e.history().epochs().isEmpty());
            assertEquals(before, weights(net));
        }

        @Test
        @DisplayName("in trainEpoch too")
        void trainEpoch() {
            Thread.currentThread().interrupt();
            assertThrows(TrainingInterruptedException.class, () -> sgd(0.5, 1).build().trainEpoch(network(), Dataset.of(X, Y)));
        }
    }

    @Nested
    @DisplayName("records a history")
    class Histories {

        @Test
        @DisplayName("with the training loss of the whole data after each epoch")
        void trainingLoss() {
            Network net = network();
            History h = sgd(0.5, 5).batchSize(1).build().fit(net, X, Y);
            assertEquals(Evaluation.score(net, Losses.mse(), Dataset.of(X, Y)).loss(), h.finalLoss(), 0.0);
            assertEquals(5, h.trainingLosses().length);
        }

        @Test
        @DisplayName("with the accuracy when the targets are class labels")
        void accuracy() {
            Network net = network();
            History h = sgd(0.5, 5).build().fit(net, X, Y);
            assertTrue(h.hasAccuracy());
            assertEquals(Evaluation.accuracy(net, Dataset.of(X, Y)), h.last().trainingAccuracy(), 0.0);
        }

        @Test
        @DisplayName("without accuracy (NaN) for regression targets")
        void noAccuracy() {
            History h = sgd(0.5, 2).build().fit(network(), X, new double[][] {{0.1}, {0.9}, {0.8}, {0.2}});
            assertFalse(h.hasAccuracy());
            assertTrue(Double.isNaN(h.last().trainingAccuracy()));
        }

        @Test
        @DisplayName("with the validation loss and accuracy after each epoch, without training on the validation set")
        void validation() {
            Dataset validation = Dataset.of(new double[][] {{0.1, 0.1}, {0.9, 0.1}}, new double[][] {{0}, {1}});
            Network withValidation = network();
            Network without = network();
            History h = sgd(0.5, 6).validation(validation).build().fit(withValidation, X, Y);
            History plain = sgd(0.5, 6).build().fit(without, X, Y);

            Score score = Evaluation.score(withValidation, Losses.mse(), validation);
            assertTrue(h.hasValidation());
            assertEquals(score.loss(), h.last().validationLoss(), 0.0);
            assertEquals(score.accuracy(), h.last().validationAccuracy(), 0.0);
            assertEquals(6, h.validationLosses().length);
            assertEquals(weights(without), weights(withValidation));
            assertFalse(plain.hasValidation());
            assertTrue(Double.isNaN(plain.last().validationLoss()));
        }

        @Test
        @DisplayName("with each layer's ||dW|| when asked, equal to the traced gradient's norm for a full-batch step")
        void gradientNorms() {
            Network net = network();
            Matrix dW1 = Backpropagation.trace(net, Losses.mse(), X, Y).layer(1).dW();
            Matrix dW2 = Backpropagation.trace(net, Losses.mse(), X, Y).layer(2).dW();
            History h = sgd(0.5, 1).batchSize(4).recordGradientNorms().build().fit(net, X, Y);
            double[] norms = h.last().gradientNorms();
            assertEquals(2, norms.length);
            assertEquals(dW1.norm(), norms[0], 1e-15);
            assertEquals(dW2.norm(), norms[1], 1e-15);
        }

        @Test
        @DisplayName("with the mean of ||dW|| over an epoch's steps")
        void gradientNormsAreMeans() {
            Network net = network();
            Network stepped = network();
            double first = Backpropagation.trace(stepped, Losses.mse(), new double[][] {X[0], X[1]}, new double[][] {Y[0], Y[1]})
                    .layer(2).dW().norm();
            sgd(0.5, 1).batchSize(2).build().trainEpoch(stepped, Dataset.of(new double[][] {X[0], X[1]}, new double[][] {Y[0], Y[1]}));
            double second = Backpropagation.trace(stepped, Losses.mse(), new double[][] {X[2], X[3]}, new double[][] {Y[2], Y[3]})
                    .layer(2).dW().norm();
            History h = sgd(0.5, 1).batchSize(2).recordGradientNorms().build().fit(net, X, Y);
            assertEquals((first + second) / 2, h.last().gradientNorms()[1], 1e-15);
        }

        @Test
        @DisplayName("without gradient norms unless asked")
        void noGradientNorms() {
            assertEquals(0, sgd(0.5, 1).build().fit(network(), X, Y).last().gradientNorms().length);
        }

        @Test
        @DisplayName("told to every listener, epoch by epoch and then once at the end")
        void listeners() {
            List<Integer> epochs = new ArrayList<>();
            List<History> ended = new ArrayList<>();
            Network net = network();
            History h = sgd(0.5, 4).listener(new TrainingListener() {
                @Override
                public void epochCompleted(EpochStats stats, Network network) {
                    assertSame(net, network);
                    epochs.add(stats.epoch());
                }

                @Override
                public void trainingEnded(History history) {
                    ended.add(history);
                }
            }).build().fit(net, X, Y);
            assertEquals(List.of(1, 2, 3, 4), epochs);
            assertEquals(List.of(h), ended);
        }

        @Test
        @DisplayName("with the time since training started, never decreasing")
        void elapsed() {
            History h = sgd(0.5, 5).build().fit(network(), X, Y);
            long previous = 0;
            for (EpochStats s : h.epochs()) {
                assertTrue(s.elapsedNanos() >= previous);
                previous = s.elapsedNanos();
            }
        }
    }
}
