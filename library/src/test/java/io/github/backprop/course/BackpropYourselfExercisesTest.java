package io.github.backprop.course;

import io.github.backprop.exercise.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.function.DoubleSupplier;

import static io.github.backprop.course.Verdicts.assertRight;
import static io.github.backprop.course.Verdicts.assertUnanswered;
import static io.github.backprop.course.Verdicts.assertWrong;
import static io.github.backprop.course.Verdicts.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The checks of notebook 6, "write backpropagation yourself", fed the solution notebook's
 * functions (written here as a learner writes them, with loops over plain arrays) and the typical
 * mistakes a learner makes.
 */
@DisplayName("Notebook 6's step checks and exercises")
class BackpropYourselfExercisesTest {

    // ---- the solution, as the solutions notebook writes it ----

    static double sigma(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    static double sigmaPrime(double z) {
        return sigma(z) * (1 - sigma(z));
    }

    static double[][] layerZ(double[][] W, double[] b, double[][] aPrev) {
        double[][] z = new double[aPrev.length][W.length];
        for (int n = 0; n < aPrev.length; n++) {
            for (int j = 0; j < W.length; j++) {
                double sum = 0;
                for (int i = 0; i < W[j].length; i++) {
                    sum += W[j][i] * aPrev[n][i];
                }
                z[n][j] = sum + b[j];
            }
        }
        return z;
    }

    static double[][] layerA(double[][] z) {
        double[][] a = new double[z.length][z[0].length];
        for (int n = 0; n < z.length; n++) {
            for (int j = 0; j < z[n].length; j++) {
                a[n][j] = sigma(z[n][j]);
            }
        }
        return a;
    }

    static double mse(double[][] a, double[][] y) {
        double sum = 0;
        for (int n = 0; n < a.length; n++) {
            for (int k = 0; k < a[n].length; k++) {
                sum += 0.5 * (a[n][k] - y[n][k]) * (a[n][k] - y[n][k]);
            }
        }
        return sum / a.length;
    }

    static double[][] outputDelta(double[][] a, double[][] y, double[][] z) {
        double[][] delta = new double[a.length][a[0].length];
        for (int n = 0; n < a.length; n++) {
            for (int k = 0; k < a[n].length; k++) {
                delta[n][k] = (a[n][k] - y[n][k]) * sigmaPrime(z[n][k]);
            }
        }
        return delta;
    }

    static double[][] hiddenDelta(double[][] wNext, double[][] deltaNext, double[][] z) {
        double[][] delta = new double[z.length][z[0].length];
        for (int n = 0; n < z.length; n++) {
            for (int j = 0; j < z[n].length; j++) {
                double sum = 0;
                for (int k = 0; k < wNext.length; k++) {
                    sum += wNext[k][j] * deltaNext[n][k];
                }
                delta[n][j] = sigmaPrime(z[n][j]) * sum;
            }
        }
        return delta;
    }

    static double[][] weightGradient(double[][] delta, double[][] aPrev) {
        int batch = delta.length;
        double[][] dW = new double[delta[0].length][aPrev[0].length];
        for (int j = 0; j < dW.length; j++) {
            for (int i = 0; i < dW[j].length; i++) {
                double sum = 0;
                for (int n = 0; n < batch; n++) {
                    sum += delta[n][j] * aPrev[n][i];
                }
                dW[j][i] = sum / batch;
            }
        }
        return dW;
    }

    static double[] biasGradient(double[][] delta) {
        double[] db = new double[delta[0].length];
        for (int j = 0; j < db.length; j++) {
            double sum = 0;
            for (double[] row : delta) {
                sum += row[j];
            }
            db[j] = sum / delta.length;
        }
        return db;
    }

    static void update(double[][] W, double[] b, double[][] dW, double[] db, double learningRate) {
        for (int j = 0; j < W.length; j++) {
            for (int i = 0; i < W[j].length; i++) {
                W[j][i] -= learningRate * dW[j][i];
            }
            b[j] -= learningRate * db[j];
        }
    }

    static double[] train(double[][] W1, double[] b1, double[][] W2, double[] b2, double[][] X, double[][] Y, int epochs,
            double learningRate) {
        double[] losses = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++) {
            double[][] Z1 = layerZ(W1, b1, X);
            double[][] A1 = layerA(Z1);
            double[][] Z2 = layerZ(W2, b2, A1);
            double[][] A2 = layerA(Z2);
            losses[epoch] = mse(A2, Y);
            double[][] delta2 = outputDelta(A2, Y, Z2);
            double[][] delta1 = hiddenDelta(W2, delta2, Z1);
            update(W2, b2, weightGradient(delta2, A1), biasGradient(delta2), learningRate);
            update(W1, b1, weightGradient(delta1, X), biasGradient(delta1), learningRate);
        }
        return losses;
    }

    static double[][] numericalGradient(double[][] W, DoubleSupplier loss, double h) {
        double[][] gradient = new double[W.length][W[0].length];
        for (int j = 0; j < W.length; j++) {
            for (int i = 0; i < W[j].length; i++) {
                double w = W[j][i];
                W[j][i] = w + h;
                double up = loss.getAsDouble();
                W[j][i] = w - h;
                double down = loss.getAsDouble();
                W[j][i] = w;
                gradient[j][i] = (up - down) / (2 * h);
            }
        }
        return gradient;
    }

    static <T> T notWritten() {
        throw new UnsupportedOperationException("write this step");
    }

    @Test
    @DisplayName("check on the notebook's network: W1[0][0] of the seeded XOR network is the -0.160134 notebook 6 states")
    void theNotebooksNetwork() {
        assertEquals(-0.160134, BackpropYourselfExercises.xorNetwork().denseLayer(1).weights().value(0, 0), 5e-7);
        assertEquals(0.0, BackpropYourselfExercises.xorNetwork().denseLayer(1).biases().value(0, 0));
    }

    // ---- the checks ----

    @Nested
    @DisplayName("the forward pass")
    class Forward {
        @Test
        @DisplayName("accepts the solution's layerZ and layerA on both layers")
        void right() {
            assertRight(BackpropYourselfExercises.checkZ(BackpropYourselfExercisesTest::layerZ));
            assertRight(BackpropYourselfExercises.checkA(BackpropYourselfExercisesTest::layerA));
        }

        @Test
        @DisplayName("names a transposed W, a forgotten bias, an index out of bounds, and a = z or sigma'(z)")
        void wrong() {
            assertWrong(BackpropYourselfExercises.checkZ((W, b, a) -> {
                double[][] z = new double[a.length][W.length];
                for (int n = 0; n < a.length; n++) {
                    for (int j = 0; j < W.length; j++) {
                        for (int i = 0; i < W.length; i++) {
                            z[n][j] += W[i][j] * a[n][i];
                        }
                        z[n][j] += b[j];
                    }
                }
                return z;
            }), "W[j][i]", "0.");
            assertWrong(BackpropYourselfExercises.checkZ((W, b, a) -> layerZ(W, new double[b.length], a)), "bias", "0.");
            Verdict outOfBounds = BackpropYourselfExercises.checkZ((W, b, a) -> {
                double[][] z = new double[a.length][W.length];
                for (int n = 0; n < a.length; n++) {
                    for (int j = 0; j < 2; j++) {
                        z[n][j] = b[j] + W[j][0] * a[n][0] + W[j][1] * a[n][1];
                    }
                }
                return z;
            });
            assertWrong(outOfBounds, "ArrayIndexOutOfBoundsException", "0.");
            has(outOfBounds.message(), "W.length");
            assertWrong(BackpropYourselfExercises.checkA(z -> z), "apply sigma", "0.");
            assertWrong(BackpropYourselfExercises.checkA(z -> {
                double[][] a = layerA(z);
                for (double[] row : a) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = row[j] * (1 - row[j]);
                    }
                }
                return a;
            }), "slope", "0.");
        }

        @Test
        @DisplayName("waits while a step still throws \"write this step\" or returns null")
        void unanswered() {
            Verdict v = BackpropYourselfExercises.checkZ((W, b, a) -> notWritten());
            assertUnanswered(v);
            has(v.message(), "write layerZ");
            assertUnanswered(BackpropYourselfExercises.checkA(z -> null));
        }
    }

    @Nested
    @DisplayName("the MSE")
    class Loss {
        @Test
        @DisplayName("accepts the solution's mse")
        void right() {
            assertRight(BackpropYourselfExercises.checkLoss(BackpropYourselfExercisesTest::mse));
        }

        @Test
        @DisplayName("names a missing 1/2, a sum instead of the mean, and both")
        void wrong() {
            assertWrong(BackpropYourselfExercises.checkLoss((a, y) -> 2 * mse(a, y)), "factor 1/2", "0.1");
            assertWrong(BackpropYourselfExercises.checkLoss((a, y) -> a.length * mse(a, y)), "mean over the samples", "0.1");
            assertWrong(BackpropYourselfExercises.checkLoss((a, y) -> 2 * a.length * mse(a, y)), "Two things", "0.1");
            assertUnanswered(BackpropYourselfExercises.checkLoss((a, y) -> Double.NaN));
        }
    }

    @Nested
    @DisplayName("the output delta")
    class Output {
        @Test
        @DisplayName("accepts the solution's outputDelta")
        void right() {
            assertRight(BackpropYourselfExercises.checkOutputDelta(BackpropYourselfExercisesTest::outputDelta));
        }

        @Test
        @DisplayName("names a missing f'(z), sigma' of a, a 1/B too early, and the sign")
        void wrong() {
            assertWrong(BackpropYourselfExercises.checkOutputDelta((a, y, z) -> {
                double[][] d = new double[a.length][a[0].length];
                for (int n = 0; n < a.length; n++) {
                    d[n][0] = a[n][0] - y[n][0];
                }
                return d;
            }), "f'(z)", "0.");
            assertWrong(BackpropYourselfExercises.checkOutputDelta((a, y, z) -> outputDelta(a, y, a)), "sigma' of a", "0.");
            assertWrong(BackpropYourselfExercises.checkOutputDelta((a, y, z) -> scale(outputDelta(a, y, z), 1.0 / a.length)),
                    "1/B", "0.");
            assertWrong(BackpropYourselfExercises.checkOutputDelta((a, y, z) -> outputDelta(y, a, z)), "order of the subtraction", "0.");
        }
    }

    @Nested
    @DisplayName("the hidden delta")
    class Hidden {
        @Test
        @DisplayName("accepts the solution's hiddenDelta")
        void right() {
            assertRight(BackpropYourselfExercises.checkHiddenDelta(BackpropYourselfExercisesTest::hiddenDelta));
        }

        @Test
        @DisplayName("names a missing f'(z), sigma' of a, a 1/B too early, and a transposed W (an index out of bounds)")
        void wrong() {
            assertWrong(BackpropYourselfExercises.checkHiddenDelta((w, d, z) -> noSlope(w, d, z)), "f'(z_j)", "0.");
            assertWrong(BackpropYourselfExercises.checkHiddenDelta((w, d, z) -> hiddenDelta(w, d, layerA(z))), "sigma' of a", "0.");
            assertWrong(BackpropYourselfExercises.checkHiddenDelta((w, d, z) -> scale(hiddenDelta(w, d, z), 1.0 / z.length)),
                    "1/B", "0.");
            Verdict transposed = BackpropYourselfExercises.checkHiddenDelta((w, d, z) -> {
                double[][] delta = new double[z.length][z[0].length];
                for (int n = 0; n < z.length; n++) {
                    for (int j = 0; j < z[n].length; j++) {
                        double sum = 0;
                        for (int k = 0; k < d[n].length; k++) {
                            sum += w[j][k] * d[n][k];
                        }
                        delta[n][j] = sigmaPrime(z[n][j]) * sum;
                    }
                }
                return delta;
            });
            assertWrong(transposed, "ArrayIndexOutOfBoundsException", "0.");
            has(transposed.message(), "w_kj is wNext[k][j], not wNext[j][k]");
        }

        double[][] noSlope(double[][] w, double[][] d, double[][] z) {
            double[][] back = new double[z.length][z[0].length];
            for (int n = 0; n < z.length; n++) {
                for (int j = 0; j < z[n].length; j++) {
                    for (int k = 0; k < w.length; k++) {
                        back[n][j] += w[k][j] * d[n][k];
                    }
                }
            }
            return back;
        }
    }

    @Nested
    @DisplayName("dW and db")
    class Gradients {
        @Test
        @DisplayName("accept the solution's weightGradient and biasGradient on both layers")
        void right() {
            assertRight(BackpropYourselfExercises.checkWeightGradient(BackpropYourselfExercisesTest::weightGradient));
            assertRight(BackpropYourselfExercises.checkBiasGradient(BackpropYourselfExercisesTest::biasGradient));
        }

        @Test
        @DisplayName("name a forgotten 1/B and a transposed dW")
        void weightGradientMistakes() {
            assertWrong(BackpropYourselfExercises.checkWeightGradient((d, a) -> scale(weightGradient(d, a), d.length)),
                    "B times too large", "0.");
            Verdict shape = BackpropYourselfExercises.checkWeightGradient((d, a) -> transpose(weightGradient(d, a)));
            assertWrong(shape, "looks transposed", "0.");
            has(shape.message(), "the shape of W");
            // with layer 2 right, the square dW1 transposed is named as such
            assertWrong(BackpropYourselfExercises.checkWeightGradient((d, a) -> d[0].length == 1 ? weightGradient(d, a)
                    : transpose(weightGradient(d, a))), "Your dW is transposed", "0.");
        }

        @Test
        @DisplayName("name a forgotten 1/B and db summed over the neurons instead of the samples")
        void biasGradientMistakes() {
            assertWrong(BackpropYourselfExercises.checkBiasGradient(d -> scale(biasGradient(d), d.length)),
                    "B times too large", "0.");
            Verdict overNeurons = BackpropYourselfExercises.checkBiasGradient(d -> {
                double[] db = new double[d.length];
                for (int n = 0; n < d.length; n++) {
                    for (double v : d[n]) {
                        db[n] += v;
                    }
                }
                return db;
            });
            assertWrong(overNeurons, "not a sum over the neurons", "0.");
            has(overNeurons.message(), "is 4 numbers but it should be 1 number");
        }
    }

    @Nested
    @DisplayName("the update")
    class Update {
        @Test
        @DisplayName("accepts the solution's in-place update")
        void right() {
            assertRight(BackpropYourselfExercises.checkUpdate(BackpropYourselfExercisesTest::update));
        }

        @Test
        @DisplayName("names the sign, a forgotten learning rate, and an update that is not in place")
        void wrong() {
            assertWrong(BackpropYourselfExercises.checkUpdate((W, b, dW, db, rate) -> update(W, b, dW, db, -rate)),
                    "against the gradient", "0.");
            assertWrong(BackpropYourselfExercises.checkUpdate((W, b, dW, db, rate) -> update(W, b, dW, db, 1)),
                    "learning rate", "0.");
            assertWrong(BackpropYourselfExercises.checkUpdate((W, b, dW, db, rate) -> {
                W = new double[W.length][W[0].length];
                b = new double[b.length];
            }), "in place", "0.");
            assertUnanswered(BackpropYourselfExercises.checkUpdate((W, b, dW, db, rate) -> notWritten()));
        }
    }

    @Nested
    @DisplayName("the training loop")
    class Training {
        @Test
        @DisplayName("accepts the solution's train on the XOR network and, unchanged, on the 2-3-2 half adder")
        void right() {
            assertRight(BackpropYourselfExercises.checkTraining(BackpropYourselfExercisesTest::train));
            assertRight(BackpropYourselfExercises.checkHalfAdder(BackpropYourselfExercisesTest::train));
        }

        @Test
        @DisplayName("accepts losses recorded after each update too (the library's History does that)")
        void afterEachUpdate() {
            assertRight(BackpropYourselfExercises.checkTraining((W1, b1, W2, b2, X, Y, epochs, rate) -> {
                double[] losses = new double[epochs];
                for (int epoch = 0; epoch < epochs; epoch++) {
                    train(W1, b1, W2, b2, X, Y, 1, rate);
                    losses[epoch] = mse(layerA(layerZ(W2, b2, layerA(layerZ(W1, b1, X)))), Y);
                }
                return losses;
            }));
        }

        @Test
        @DisplayName("names W2 updated before delta1 is computed, losses never stored, and weights not trained in place")
        void wrong() {
            assertWrong(BackpropYourselfExercises.checkTraining((W1, b1, W2, b2, X, Y, epochs, rate) -> {
                double[] losses = new double[epochs];
                for (int epoch = 0; epoch < epochs; epoch++) {
                    double[][] Z1 = layerZ(W1, b1, X);
                    double[][] A1 = layerA(Z1);
                    double[][] Z2 = layerZ(W2, b2, A1);
                    double[][] A2 = layerA(Z2);
                    losses[epoch] = mse(A2, Y);
                    double[][] delta2 = outputDelta(A2, Y, Z2);
                    update(W2, b2, weightGradient(delta2, A1), biasGradient(delta2), rate);
                    double[][] delta1 = hiddenDelta(W2, delta2, Z1);
                    update(W1, b1, weightGradient(delta1, X), biasGradient(delta1), rate);
                }
                return losses;
            }), "before you change any weight", "0.");
            assertWrong(BackpropYourselfExercises.checkTraining((W1, b1, W2, b2, X, Y, epochs, rate) -> {
                train(W1, b1, W2, b2, X, Y, epochs, rate);
                return new double[epochs];
            }), "still 0", "0.");
            assertWrong(BackpropYourselfExercises.checkTraining((W1, b1, W2, b2, X, Y, epochs, rate) ->
                    train(PlainBackprop.copy(W1), b1.clone(), PlainBackprop.copy(W2), b2.clone(), X, Y, epochs, rate)),
                    "in place", "0.");
        }

        @Test
        @DisplayName("on the half adder, points at sizes written as numbers")
        void hardCodedSizes() {
            Verdict v = BackpropYourselfExercises.checkHalfAdder((W1, b1, W2, b2, X, Y, epochs, rate) -> {
                double[] losses = new double[epochs];
                for (int epoch = 0; epoch < epochs; epoch++) {
                    double[][] Z1 = layerZ(W1, b1, X);
                    double[][] A1 = layerA(Z1);
                    double[][] Z2 = layerZ(W2, b2, A1);
                    double[][] A2 = layerA(Z2);
                    losses[epoch] = mse(A2, Y);
                    double[][] delta2 = outputDelta(A2, Y, Z2);
                    // a hidden delta written for two hidden neurons and one output
                    double[][] delta1 = new double[X.length][2];
                    for (int n = 0; n < X.length; n++) {
                        for (int j = 0; j < 2; j++) {
                            delta1[n][j] = sigmaPrime(Z1[n][j]) * W2[0][j] * delta2[n][0];
                        }
                    }
                    update(W2, b2, weightGradient(delta2, A1), biasGradient(delta2), rate);
                    update(W1, b1, weightGradient(delta1, X), biasGradient(delta1), rate);
                }
                return losses;
            });
            assertWrong(v, "a size written as a number", "0.");
        }

        @Test
        @DisplayName("waits while train or a step it calls is not written, and ifWritten gives null meanwhile")
        void unanswered() {
            assertUnanswered(BackpropYourselfExercises.checkTraining((W1, b1, W2, b2, X, Y, epochs, rate) -> notWritten()));
            assertNull(BackpropYourselfExercises.ifWritten(() -> notWritten()));
            assertEquals(3, BackpropYourselfExercises.ifWritten(() -> 3));
        }
    }

    @Nested
    @DisplayName("the finite-difference gradient")
    class Numerical {
        @Test
        @DisplayName("accepts the solution's central difference, and one that nudges by += h and -= 2h")
        void right() {
            assertRight(BackpropYourselfExercises.checkNumericalGradient(BackpropYourselfExercisesTest::numericalGradient));
            assertRight(BackpropYourselfExercises.checkNumericalGradient((W, loss, h) -> {
                double[][] g = new double[W.length][W[0].length];
                for (int j = 0; j < W.length; j++) {
                    for (int i = 0; i < W[j].length; i++) {
                        W[j][i] += h;
                        double up = loss.getAsDouble();
                        W[j][i] -= 2 * h;
                        double down = loss.getAsDouble();
                        W[j][i] += h;
                        g[j][i] = (up - down) / 2 / h;
                    }
                }
                return g;
            }));
        }

        @Test
        @DisplayName("names a one-sided difference, a division by h, the sign, and W not put back")
        void wrong() {
            assertWrong(BackpropYourselfExercises.checkNumericalGradient((W, loss, h) -> {
                double[][] g = new double[W.length][W[0].length];
                double at = loss.getAsDouble();
                for (int j = 0; j < W.length; j++) {
                    for (int i = 0; i < W[j].length; i++) {
                        double w = W[j][i];
                        W[j][i] = w + h;
                        g[j][i] = (loss.getAsDouble() - at) / h;
                        W[j][i] = w;
                    }
                }
                return g;
            }), "central difference", "0.");
            assertWrong(BackpropYourselfExercises.checkNumericalGradient((W, loss, h) -> scale(numericalGradient(W, loss, h), 2)),
                    "2h apart", "0.");
            assertWrong(BackpropYourselfExercises.checkNumericalGradient((W, loss, h) -> scale(numericalGradient(W, loss, h), -1)),
                    "only its sign is wrong", "0.");
            assertWrong(BackpropYourselfExercises.checkNumericalGradient((W, loss, h) -> {
                double[][] g = numericalGradient(W, loss, h);
                W[0][0] += h;
                return g;
            }), "put each weight back", "0.");
        }
    }

    // ---- the exercises ----

    @Nested
    @DisplayName("the exercises")
    class Exercises {
        @Test
        @DisplayName("1: two entries of dW1 are 0 for x = (0, 1)")
        void zeroGradients() {
            assertRight(BackpropYourselfExercises.zeroGradients(2));
            assertWrong(BackpropYourselfExercises.zeroGradients(0), "x_0", "2");
            assertWrong(BackpropYourselfExercises.zeroGradients(1), "every hidden neuron", "2");
            assertWrong(BackpropYourselfExercises.zeroGradients(4), "not 0", "2");
            assertUnanswered(BackpropYourselfExercises.zeroGradients(null));
        }

        @Test
        @DisplayName("2: the hidden layer (layer 1) learns slowest")
        void slowestLayer() {
            assertRight(BackpropYourselfExercises.slowestLayer(1));
            assertWrong(BackpropYourselfExercises.slowestLayer(2), "sigma'(z) <= 0.25", "layer 1");
            assertUnanswered(BackpropYourselfExercises.slowestLayer(null));
        }

        @Test
        @DisplayName("3: with all weights equal, the hidden deltas are all alike and W1 keeps one distinct row")
        void symmetry() {
            assertRight(BackpropYourselfExercises.symmetricDeltas(1));
            assertWrong(BackpropYourselfExercises.symmetricDeltas(3), "the same delta", "are 1");
            assertRight(BackpropYourselfExercises.symmetricRowsAfterTraining(1));
            assertWrong(BackpropYourselfExercises.symmetricRowsAfterTraining(3), "same update", "are 1");
            assertWrong(BackpropYourselfExercises.symmetricRowsAfterTraining(2), "any row different", "are 1");
        }
    }

    static double[][] scale(double[][] m, double s) {
        return PlainBackprop.scale(m, s);
    }

    static double[] scale(double[] v, double s) {
        return PlainBackprop.scale(v, s);
    }

    static double[][] transpose(double[][] m) {
        return PlainBackprop.transpose(m);
    }
}
