package io.github.backprop.course;

import io.github.backprop.activation.Activations;
import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.gradient.Trace;
import io.github.backprop.data.Dataset;
import io.github.backprop.eval.Evaluation;
import io.github.backprop.exercise.ArrayCheck;
import io.github.backprop.exercise.ExactCheck;
import io.github.backprop.exercise.NumberCheck;
import io.github.backprop.exercise.Verdict;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.train.History;
import io.github.backprop.train.Trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import static io.github.backprop.course.PlainBackprop.copy;
import static io.github.backprop.course.PlainBackprop.hadamard;
import static io.github.backprop.course.PlainBackprop.map;
import static io.github.backprop.course.PlainBackprop.plus;
import static io.github.backprop.course.PlainBackprop.scale;
import static io.github.backprop.course.PlainBackprop.times;
import static io.github.backprop.course.PlainBackprop.transpose;

/**
 * The checks of the notebook "write backpropagation yourself": each step the learner writes in
 * plain Java arrays (the forward pass, the MSE, the output and hidden deltas, dW and db, the
 * update, the training loop, a finite-difference gradient) is run on the notebook's 2-2-1 XOR
 * network, or its 2-3-2 half adder, and compared entry by entry with the library's trace of the
 * same network. A verdict names the first entry that differs and by how much, or the typical
 * mistake the answer matches (a missing f'(z), a transposed W, a forgotten 1/B, the bias gradient
 * summed over the neurons, the sign of the update), never the right values.
 *
 * <p>Every check takes the learner's function as a lambda (see {@link BackpropSteps}) and calls it
 * with the trace's own inputs, so a mistake in one step does not spill into the next one's check.
 * A function that still throws {@code UnsupportedOperationException("write this step")} gets
 * "not answered yet".
 *
 * <p>(Over 300 lines because it holds one check per step of the notebook, ten steps and their typical
 * mistakes, in the order the notebook asks them; the reference computations and the mistakes'
 * values live in {@code PlainBackprop}, the plumbing for the learner's code in {@code LearnerCode}.)
 */
public final class BackpropYourselfExercises {
    /** The seed of the notebook's 2-2-1 XOR network. */
    public static final long XOR_SEED = 5;
    /** The seed of the notebook's 2-3-2 half-adder network. */
    public static final long HALF_ADDER_SEED = 3;
    /** Epochs of full-batch training in the notebook. */
    public static final int EPOCHS = 2000;
    /** The notebook's learning rate eta. */
    public static final double LEARNING_RATE = 2.0;
    /** The nudge h of the notebook's finite differences. */
    public static final double H = 1e-5;

    private static final double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final double[][] XOR_Y = {{0}, {1}, {1}, {0}};
    private static final double[][] HALF_ADDER_Y = {{0, 0}, {1, 0}, {1, 0}, {0, 1}};
    private static final int B = X.length;

    private BackpropYourselfExercises() {
    }

    /**
     * The notebook's 2-2-1 sigmoid network for XOR, built as the notebook builds it.
     *
     * @return a new network (seed {@value #XOR_SEED})
     */
    public static Network xorNetwork() {
        return Network.builder(2).dense(2, Activations.sigmoid()).dense(1, Activations.sigmoid()).seed(XOR_SEED).build();
    }

    /**
     * The notebook's 2-3-2 sigmoid network for the half adder.
     *
     * @return a new network (seed {@value #HALF_ADDER_SEED})
     */
    public static Network halfAdderNetwork() {
        return Network.builder(2).dense(3, Activations.sigmoid()).dense(2, Activations.sigmoid()).seed(HALF_ADDER_SEED).build();
    }

    /**
     * The result of a step you may not have written yet: for cells that use your functions
     * outside a check (a chart, a comparison), so they run before you have written everything.
     *
     * @param step the call, e.g. {@code () -> train(W1, b1, W2, b2, X, Y, 2000, 2.0)}
     * @param <T> what it returns
     * @return its result, or null while a step it calls still throws UnsupportedOperationException
     */
    public static <T> T ifWritten(Supplier<T> step) {
        return LearnerCode.ifWritten(step);
    }

    // ---- the steps ----

    /**
     * Checks layerZ on both layers of the XOR network: Z1 = layerZ(W1, b1, X), Z2 = layerZ(W2, b2, A1).
     *
     * @param yours your layerZ
     * @return the verdict
     */
    public static Verdict checkZ(BackpropSteps.LayerZ yours) {
        Net n = Net.xor();
        // the biases start at 0, so a forgotten bias shows only once they have moved: after one epoch
        Network moved = xorNetwork();
        Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(LEARNING_RATE)).epochs(1).batchSize(B).build()
                .fit(moved, X, XOR_Y);
        double[][] w1 = moved.denseLayer(1).weights().values().toArray();
        double[] b1 = moved.denseLayer(1).biases().values().row(0);
        String indexHint = "z[n][j] = sum_i W[j][i] aPrev[n][i] + b[j]: j runs over the neurons (the rows of W, W.length),"
                + " i over the inputs (the columns of W, W[0].length), n over the samples (aPrev.length).";
        String shapeHint = "Z has one row per sample n and one column per neuron j of the layer.";
        String hint = "z[n][j] = sum_i W[j][i] aPrev[n][i] + b[j]: redo that sum for this entry.";
        String transposed = "You used W[i][j]: row j of W holds the weights into neuron j, so z[n][j] uses W[j][i].";
        ArrayCheck z1 = ArrayCheck.of("layerZ(W1, b1, X)", n.z1).shapeHint(shapeHint).hint(hint)
                .mistake(PlainBackprop.z(transpose(n.w1), n.b1, n.x), transposed);
        ArrayCheck z2 = ArrayCheck.of("layerZ(W2, b2, A1)", n.z2).shapeHint(shapeHint).hint(hint);
        ArrayCheck z1Moved = ArrayCheck.of("layerZ(W1, b1, X) after one epoch of training (b1 no longer 0)",
                        PlainBackprop.z(w1, b1, X))
                .shapeHint(shapeHint).hint(hint)
                .mistake(PlainBackprop.z(transpose(w1), b1, X), transposed)
                .mistake(times(X, transpose(w1)), "Add the bias b[j] of neuron j.");
        return Verdict.all(
                matrix(LearnerCode.run("layerZ", () -> yours.apply(copy(n.w1), n.b1.clone(), copy(n.x)), indexHint), z1),
                matrix(LearnerCode.run("layerZ", () -> yours.apply(copy(n.w2), n.b2.clone(), copy(n.a1)), indexHint), z2),
                matrix(LearnerCode.run("layerZ", () -> yours.apply(copy(w1), b1.clone(), copy(X)), indexHint), z1Moved));
    }

    /**
     * Checks layerA on both layers: A1 = layerA(Z1), A2 = layerA(Z2).
     *
     * @param yours your layerA
     * @return the verdict
     */
    public static Verdict checkA(BackpropSteps.LayerA yours) {
        Net n = Net.xor();
        String indexHint = "a[n][j] = sigma(z[n][j]): make a the same shape as z (z.length rows, z[0].length columns).";
        List<Verdict> parts = new ArrayList<>();
        String[] names = {"layerA(Z1)", "layerA(Z2)"};
        double[][][] zs = {n.z1, n.z2};
        double[][][] as = {n.a1, n.a2};
        for (int l = 0; l < 2; l++) {
            double[][] z = zs[l];
            ArrayCheck a = ArrayCheck.of(names[l], as[l])
                    .hint("a = sigma(z) = 1 / (1 + e^(-z)) for this entry.")
                    .mistake(z, "a = sigma(z): apply sigma to every entry of z.")
                    .mistake(map(z, PlainBackprop::sigmaPrime), "That is sigma'(z), the slope; the activation is sigma(z).");
            parts.add(matrix(LearnerCode.run("layerA", () -> yours.apply(copy(z)), indexHint), a));
        }
        return Verdict.all(parts.toArray(new Verdict[0]));
    }

    /**
     * Checks mse on the XOR network's outputs: mse(A2, Y).
     *
     * @param yours your mse
     * @return the verdict
     */
    public static Verdict checkLoss(BackpropSteps.MseLoss yours) {
        Net n = Net.xor();
        double loss = n.trace.lossValue();
        NumberCheck check = NumberCheck.of("mse(A2, Y)", loss)
                .hint("L = (1/B) sum_n 1/2 sum_k (a[n][k] - y[n][k])^2: one half of the squared error, summed over the"
                        + " outputs k, then the mean over the samples n.")
                .mistake(2 * loss, "The MSE has a factor 1/2.")
                .mistake(B * loss, "The batch loss is the mean over the samples: divide the sum by B = a.length.")
                .mistake(2 * B * loss, "Two things: the factor 1/2, and the mean over the samples (divide by B).");
        LearnerCode<Double> run = LearnerCode.run("mse", () -> yours.apply(copy(n.a2), copy(n.y)),
                "Loop n over the samples (a.length) and k over the outputs (a[n].length).");
        return run.ran() ? check.check(run.value()) : run.problem();
    }

    /**
     * Checks outputDelta on the XOR network: outputDelta(A2, Y, Z2), each sample's output delta.
     *
     * @param yours your outputDelta
     * @return the verdict
     */
    public static Verdict checkOutputDelta(BackpropSteps.OutputDelta yours) {
        Net n = Net.xor();
        double[][] error = plus(n.a2, -1, n.y);
        ArrayCheck delta = ArrayCheck.of("outputDelta(A2, Y, Z2)", n.trace.layer(2).delta().toArray())
                .shapeHint("delta has the shape of z: one row per sample n, one column per output neuron k.")
                .hint("BP1: delta[n][k] = (a[n][k] - y[n][k]) sigma'(z[n][k]) for this entry.")
                .mistake(error, "That is dL/da = a - y alone: BP1 multiplies it by f'(z) = sigma'(z).")
                .mistake(hadamard(error, map(n.a2, PlainBackprop::sigmaPrime)), "You took sigma' of a: the slope is"
                        + " sigma'(z) = sigma(z) (1 - sigma(z)), at z, not at a.")
                .mistake(scale(n.trace.layer(2).delta().toArray(), 1.0 / B), "Each sample keeps its own delta: the 1/B of"
                        + " the batch mean comes later, in dW and db.")
                .mistake(scale(n.trace.layer(2).delta().toArray(), -1), "dL/da = a - y for the MSE: check the order of the"
                        + " subtraction.");
        return matrix(LearnerCode.run("outputDelta", () -> yours.apply(copy(n.a2), copy(n.y), copy(n.z2)),
                "delta has one row per sample (a.length) and one column per output (a[0].length)."), delta);
    }

    /**
     * Checks hiddenDelta on the XOR network: hiddenDelta(W2, delta2, Z1), with delta2 from the trace.
     *
     * @param yours your hiddenDelta
     * @return the verdict
     */
    public static Verdict checkHiddenDelta(BackpropSteps.HiddenDelta yours) {
        Net n = Net.xor();
        double[][] delta2 = n.trace.layer(2).delta().toArray();
        double[][] back = times(delta2, n.w2);
        double[][] delta1 = n.trace.layer(1).delta().toArray();
        ArrayCheck delta = ArrayCheck.of("hiddenDelta(W2, delta2, Z1)", delta1)
                .shapeHint("delta has the shape of z: one row per sample n, one column per neuron j of this layer.")
                .hint("BP2: delta[n][j] = sigma'(z[n][j]) sum_k wNext[k][j] deltaNext[n][k] for this entry.")
                .mistake(back, "That is dL/da = sum_k w_kj delta_k alone: BP2 multiplies it by f'(z_j) = sigma'(z_j).")
                .mistake(hadamard(back, map(map(n.z1, PlainBackprop::sigma), PlainBackprop::sigmaPrime)),
                        "You took sigma' of a = sigma(z): the slope is sigma'(z), at z.")
                .mistake(scale(delta1, 1.0 / B), "Each sample keeps its own delta: the 1/B of the batch mean comes later, in dW and db.");
        return matrix(LearnerCode.run("hiddenDelta", () -> yours.apply(copy(n.w2), copy(delta2), copy(n.z1)),
                "In sum_k wNext[k][j] deltaNext[n][k], k runs over the neurons of the next layer: the rows of wNext"
                        + " (wNext.length) and the columns of deltaNext; j runs over this layer's neurons, the columns of wNext"
                        + " (wNext[0].length). w_kj is wNext[k][j], not wNext[j][k]."), delta);
    }

    /**
     * Checks weightGradient on both layers: dW2 = weightGradient(delta2, A1), dW1 = weightGradient(delta1, X).
     *
     * @param yours your weightGradient
     * @return the verdict
     */
    public static Verdict checkWeightGradient(BackpropSteps.WeightGradient yours) {
        Net n = Net.xor();
        String indexHint = "dW[j][i] = (1/B) sum_n delta[n][j] aPrev[n][i]: dW has one row per neuron j (delta[0].length)"
                + " and one column per input i (aPrev[0].length); n runs over the samples (delta.length).";
        String shapeHint = "dW has the shape of W: one row per neuron j of this layer, one column per input i.";
        double[][] delta2 = n.trace.layer(2).delta().toArray();
        double[][] delta1 = n.trace.layer(1).delta().toArray();
        double[][] dW2 = n.trace.layer(2).dW().toArray();
        double[][] dW1 = n.trace.layer(1).dW().toArray();
        String mean = "Every entry is B times too large: dW is the mean over the samples, so divide the sum by B = delta.length.";
        ArrayCheck check2 = ArrayCheck.of("weightGradient(delta2, A1)", dW2).shapeHint(shapeHint)
                .hint("BP4: dW[j][i] = (1/B) sum_n delta[n][j] aPrev[n][i] for this entry.")
                .mistake(scale(dW2, B), mean);
        ArrayCheck check1 = ArrayCheck.of("weightGradient(delta1, X)", dW1).shapeHint(shapeHint)
                .hint("BP4: dW[j][i] = (1/B) sum_n delta[n][j] aPrev[n][i] for this entry.")
                .mistake(scale(dW1, B), mean)
                .mistake(transpose(dW1), "Your dW is transposed: row j is neuron j of this layer (a column of delta),"
                        + " column i is input i (a column of aPrev), like W.");
        return Verdict.all(
                matrix(LearnerCode.run("weightGradient", () -> yours.apply(copy(delta2), copy(n.a1)), indexHint), check2),
                matrix(LearnerCode.run("weightGradient", () -> yours.apply(copy(delta1), copy(n.x)), indexHint), check1));
    }

    /**
     * Checks biasGradient on both layers: db2 = biasGradient(delta2), db1 = biasGradient(delta1).
     *
     * @param yours your biasGradient
     * @return the verdict
     */
    public static Verdict checkBiasGradient(BackpropSteps.BiasGradient yours) {
        Net n = Net.xor();
        String indexHint = "db[j] = (1/B) sum_n delta[n][j]: db has one entry per neuron j (delta[0].length), and n runs"
                + " over the samples (delta.length).";
        String shapeHint = "db has one entry per neuron j of the layer: the mean of column j of delta over the samples n"
                + " (the rows), not a sum over the neurons.";
        List<Verdict> parts = new ArrayList<>();
        for (int l = 2; l >= 1; l--) {
            double[][] delta = n.trace.layer(l).delta().toArray();
            double[] db = n.trace.layer(l).db().row(0);
            ArrayCheck check = ArrayCheck.of("biasGradient(delta" + l + ")", db).shapeHint(shapeHint)
                    .hint("BP3: db[j] = (1/B) sum_n delta[n][j] for this entry.")
                    .mistake(scale(db, B), "Every entry is B times too large: db is the mean over the samples, so divide"
                            + " the sum by B = delta.length.");
            LearnerCode<double[]> run = LearnerCode.run("biasGradient", () -> yours.apply(copy(delta)), indexHint);
            parts.add(run.ran() ? check.check(run.value()) : run.problem());
        }
        return Verdict.all(parts.toArray(new Verdict[0]));
    }

    /**
     * Checks update on layer 1 of the XOR network with its dW1, db1 and the notebook's learning
     * rate: W1 and b1 must change in place.
     *
     * @param yours your update
     * @return the verdict
     */
    public static Verdict checkUpdate(BackpropSteps.Update yours) {
        Net n = Net.xor();
        double[][] dW = n.trace.layer(1).dW().toArray();
        double[] db = n.trace.layer(1).db().row(0);
        double[][] w = copy(n.w1);
        double[] b = n.b1.clone();
        String inPlace = "your update did not change W: change its entries in place (W[j][i] -= ...). Assigning a new"
                + " array to the parameter W changes nothing outside the method.";
        String sign = "Gradient descent steps against the gradient: W = W - learningRate dW.";
        String rate = "Multiply the gradient by the learning rate.";
        ArrayCheck wCheck = ArrayCheck.of("W after update(W1, b1, dW1, db1, " + LEARNING_RATE + ")",
                        plus(n.w1, -LEARNING_RATE, dW))
                .hint("W[j][i] = W[j][i] - learningRate dW[j][i] for this entry.")
                .mistake(plus(n.w1, LEARNING_RATE, dW), sign)
                .mistake(copy(n.w1), inPlace)
                .mistake(plus(n.w1, -1, dW), rate);
        ArrayCheck bCheck = ArrayCheck.of("b after update(W1, b1, dW1, db1, " + LEARNING_RATE + ")",
                        plus(n.b1, -LEARNING_RATE, db))
                .hint("b[j] = b[j] - learningRate db[j] for this entry.")
                .mistake(plus(n.b1, LEARNING_RATE, db), sign)
                .mistake(n.b1.clone(), inPlace.replace("change W", "change b").replace("(W[j][i] -= ...)", "(b[j] -= ...)")
                        .replace("parameter W", "parameter b"))
                .mistake(plus(n.b1, -1, db), rate);
        LearnerCode<Boolean> run = LearnerCode.run("update", () -> {
            yours.apply(w, b, copy(dW), db.clone(), LEARNING_RATE);
            return true;
        }, "W[j][i] -= learningRate dW[j][i] for every j < W.length and i < W[j].length; b[j] for every j < b.length.");
        return run.ran() ? Verdict.all(wCheck.check(w), bCheck.check(b)) : run.problem();
    }

    /**
     * Checks the training loop on the XOR network: {@value #EPOCHS} epochs with learning rate
     * {@value #LEARNING_RATE}, against the library's Trainer (SGD, full batch, no shuffle) from the
     * same weights: every epoch's loss and the final weights.
     *
     * @param yours your train
     * @return the verdict
     */
    public static Verdict checkTraining(BackpropSteps.TrainingLoop yours) {
        return checkLoop(yours, xorNetwork(), XOR_Y, "the 2-2-1 XOR network", "");
    }

    /**
     * Checks the same training loop on the 2-3-2 half adder: your functions, unchanged, must work
     * for any layer sizes.
     *
     * @param yours your train
     * @return the verdict
     */
    public static Verdict checkHalfAdder(BackpropSteps.TrainingLoop yours) {
        return checkLoop(yours, halfAdderNetwork(), HALF_ADDER_Y, "the 2-3-2 half adder",
                " If your steps passed their checks on the 2-2-1 network, look for a size written as a number (1 or 2)"
                        + " instead of read from the arrays (W.length, W[0].length, X.length, Y[0].length).");
    }

    private static Verdict checkLoop(BackpropSteps.TrainingLoop yours, Network start, double[][] y, String network,
            String sizeHint) {
        double[][] w1 = start.denseLayer(1).weights().values().toArray();
        double[] b1 = start.denseLayer(1).biases().values().row(0);
        double[][] w2 = start.denseLayer(2).weights().values().toArray();
        double[] b2 = start.denseLayer(2).biases().values().row(0);
        double[][] myW1 = copy(w1);
        double[] myB1 = b1.clone();
        double[][] myW2 = copy(w2);
        double[] myB2 = b2.clone();
        LearnerCode<double[]> run = LearnerCode.run("train",
                () -> yours.apply(myW1, myB1, myW2, myB2, copy(X), copy(y), EPOCHS, LEARNING_RATE),
                "Loop over the epochs with your step functions; each step takes its sizes from the arrays it is given." + sizeHint);
        if (!run.ran()) {
            return run.problem();
        }
        Dataset data = Dataset.of(X, y);
        Network net = start.copy();
        double before = Evaluation.score(net, Losses.mse(), data).loss();
        History history = Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(LEARNING_RATE)).epochs(EPOCHS)
                .batchSize(X.length).build().fit(net, data);
        double[] after = history.trainingLosses();
        // losses[epoch] before the update of that epoch: the loss before training, then the library's after epochs 1, 2, ...
        double[] beforeEach = new double[EPOCHS];
        beforeEach[0] = before;
        System.arraycopy(after, 0, beforeEach, 1, EPOCHS - 1);
        ArrayCheck afterCheck = ArrayCheck.of("loss curve of train(...) on " + network, after);
        ArrayCheck losses = ArrayCheck.of("loss curve of train(...) on " + network, beforeEach)
                .shapeHint("train returns one loss per epoch: losses[epoch].")
                .hint("Each epoch: the forward pass, losses[epoch] = mse(A2, Y), the deltas, the gradients, then the"
                        + " updates." + sizeHint)
                .mistake(new double[EPOCHS], "losses[epoch] is still 0: store the loss of each epoch's forward pass.")
                .mistake(PlainBackprop.trainUpdatingW2TooEarly(w1, b1, w2, b2, X, y, EPOCHS, LEARNING_RATE),
                        "Compute every delta before you change any weight: delta1 needs the W2 of this epoch's forward"
                                + " pass, not the updated one.");
        double[] mine = run.value();
        Verdict lossVerdict = mine != null && mine.length == EPOCHS && afterCheck.accepts(mine)
                ? afterCheck.check(mine) : losses.check(mine);
        String weights = "The losses agree but the weights do not: train W1, b1, W2 and b2 in place (the arrays passed in).";
        Verdict all = Verdict.all(lossVerdict,
                ArrayCheck.of("W1 after training " + network, net.denseLayer(1).weights().values().toArray()).hint(weights).check(myW1),
                ArrayCheck.of("b1 after training " + network, net.denseLayer(1).biases().values().row(0)).hint(weights).check(myB1),
                ArrayCheck.of("W2 after training " + network, net.denseLayer(2).weights().values().toArray()).hint(weights).check(myW2),
                ArrayCheck.of("b2 after training " + network, net.denseLayer(2).biases().values().row(0)).hint(weights).check(myB2));
        return all.passed() ? Verdict.right("train on " + network + ": every epoch's loss and the final W1, b1, W2 and b2"
                + " agree with the library's Trainer.") : all;
    }

    /**
     * Checks numericalGradient on W1 of the XOR network: the central difference
     * (L(w + h) - L(w - h)) / 2h of every entry, with h = {@value #H}, and W1 put back afterwards.
     *
     * @param yours your numericalGradient
     * @return the verdict
     */
    public static Verdict checkNumericalGradient(BackpropSteps.NumericalGradient yours) {
        Net n = Net.xor();
        double[][] reference = copy(n.w1);
        double[][] central = new double[reference.length][reference[0].length];
        double[][] forward = new double[reference.length][reference[0].length];
        DoubleSupplier referenceLoss = () -> PlainBackprop.loss(reference, n.b1, n.w2, n.b2, n.x, n.y);
        double at = referenceLoss.getAsDouble();
        for (int j = 0; j < reference.length; j++) {
            for (int i = 0; i < reference[j].length; i++) {
                double w = reference[j][i];
                reference[j][i] = w + H;
                double up = referenceLoss.getAsDouble();
                reference[j][i] = w - H;
                double down = referenceLoss.getAsDouble();
                reference[j][i] = w;
                // dL/dw ~ (L(w + h) - L(w - h)) / 2h
                central[j][i] = (up - down) / (2 * H);
                forward[j][i] = (up - at) / H;
            }
        }
        ArrayCheck check = ArrayCheck.of("numericalGradient(W1, loss, " + H + ")", central)
                .tolerance(1e-7, 1e-10)
                .shapeHint("The estimate has the shape of W: one entry per weight.")
                .hint("For each entry: nudge it to w + h, compute the loss, nudge it to w - h, compute the loss, put w back;"
                        + " the estimate is (L(w + h) - L(w - h)) / 2h.")
                .mistake(forward, "That is the one-sided difference (L(w + h) - L(w)) / h: use the central difference"
                        + " (L(w + h) - L(w - h)) / 2h, which is far more accurate.")
                .mistake(scale(central, 2), "The two points w + h and w - h are 2h apart: divide by 2h.");
        double[][] w = copy(n.w1);
        DoubleSupplier loss = () -> PlainBackprop.loss(w, n.b1, n.w2, n.b2, n.x, n.y);
        LearnerCode<double[][]> run = LearnerCode.run("numericalGradient", () -> yours.apply(w, loss, H),
                "The estimate has one entry per entry of W: W.length rows, W[0].length columns.");
        if (!run.ran()) {
            return run.problem();
        }
        Verdict estimate = check.check(run.value());
        if (estimate.outcome() == Verdict.Outcome.UNANSWERED) {
            return estimate;
        }
        for (int j = 0; j < w.length; j++) {
            for (int i = 0; i < w[j].length; i++) {
                if (Math.abs(w[j][i] - n.w1[j][i]) > 1e-12) {
                    return Verdict.wrong("your numericalGradient left W changed (entry [" + j + "][" + i + "]): put each"
                            + " weight back after nudging it, or the next estimates are taken at the wrong point.");
                }
            }
        }
        return estimate;
    }

    // ---- the exercises ----

    /**
     * Exercise 1: how many entries of dW1 are exactly 0 for the single sample x = (0, 1), target 1?
     *
     * @param myCount the learner's count
     * @return the verdict
     */
    public static Verdict zeroGradients(Integer myCount) {
        Trace t = Backpropagation.trace(xorNetwork(), Losses.mse(), new double[][] {{0, 1}}, new double[][] {{1}});
        int zeros = 0;
        for (double[] row : t.layer(1).dW().toArray()) {
            for (double v : row) {
                zeros += v == 0 ? 1 : 0;
            }
        }
        return ExactCheck.of("number of zero entries of dW1 for x = (0, 1)", zeros)
                .hint("For one sample, dW1[j][i] = delta1_j x_i (BP4): which factor is 0, and for which entries?")
                .mistake(0, "For one sample, dW1[j][i] = delta1_j x_i: look at x_0.")
                .mistake(1, "x_0 feeds every hidden neuron j: count dW1[j][0] for each j.")
                .mistake(4, "x_1 = 1 is not 0, and no delta is 0 here.")
                .whenRight("A weight whose input is 0 gets no gradient from that sample: it did not contribute to z.")
                .check(myCount);
    }

    /**
     * Exercise 2: at the start of training, which layer's weights get the smaller gradients (the
     * largest |dW| entry of each layer)?
     *
     * @param myLayer 1 or 2
     * @return the verdict
     */
    public static Verdict slowestLayer(Integer myLayer) {
        Net n = Net.xor();
        double largest1 = largestMagnitude(n.trace.layer(1).dW().toArray());
        double largest2 = largestMagnitude(n.trace.layer(2).dW().toArray());
        int slowest = largest1 < largest2 ? 1 : 2;
        return ExactCheck.of("layer whose weights get the smaller gradients", slowest)
                .hint("Compare the largest |dW| entry of each layer, from your weightGradient on the XOR network.")
                .mistake(3 - slowest, "Each step back multiplies by a weight and by sigma'(z) <= 0.25 (BP2):"
                        + " look at the sizes of dW1 and dW2 again.")
                .whenRight("The hidden layer's gradients are about ten times smaller here, so it learns more slowly;"
                        + " with more layers this shrinking compounds (the vanishing gradient).")
                .check(myLayer);
    }

    /**
     * The 2-3-2 half adder with every weight 0.5 and every bias 0: the start of exercise 3.
     *
     * @return a new network
     */
    public static Network symmetricHalfAdderNetwork() {
        return Network.builder(2)
                .dense(new double[][] {{0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}}, new double[] {0, 0, 0}, Activations.sigmoid())
                .dense(new double[][] {{0.5, 0.5, 0.5}, {0.5, 0.5, 0.5}}, new double[] {0, 0}, Activations.sigmoid())
                .build();
    }

    /**
     * Exercise 3, first part: in the 2-3-2 half adder with all weights 0.5 and biases 0, how many
     * different values do the three hidden deltas of sample 0 take?
     *
     * @param myCount the learner's count
     * @return the verdict
     */
    public static Verdict symmetricDeltas(Integer myCount) {
        Trace t = Backpropagation.trace(symmetricHalfAdderNetwork(), Losses.mse(), X, HALF_ADDER_Y);
        int distinct = distinctRows(transpose(new double[][] {t.layer(1).delta().row(0)}));
        return ExactCheck.of("number of different hidden deltas of sample 0", distinct)
                .hint("Every hidden neuron has the same weights in and the same weights out: compare their z, a and"
                        + " sum_k w_kj delta_k.")
                .mistake(3, "Every hidden neuron j has the same z_j and the same w_kj to each output k: BP2 gives them"
                        + " the same delta.")
                .whenRight("Same delta, same gradient, same update: the hidden neurons start alike and stay alike.")
                .check(myCount);
    }

    /**
     * Exercise 3, second part: after training that network for {@value #EPOCHS} epochs with
     * learning rate {@value #LEARNING_RATE}, how many different rows does W1 have?
     *
     * @param myRows the learner's count
     * @return the verdict
     */
    public static Verdict symmetricRowsAfterTraining(Integer myRows) {
        Network net = symmetricHalfAdderNetwork();
        Trainer.builder().loss(Losses.mse()).optimizer(Optimizers.sgd(LEARNING_RATE)).epochs(EPOCHS).batchSize(X.length)
                .build().fit(net, X, HALF_ADDER_Y);
        int distinct = distinctRows(net.denseLayer(1).weights().values().toArray());
        return ExactCheck.of("number of different rows of W1 after training", distinct)
                .hint("Run your train on the all-0.5 network and look at W1: is any row different from the others?")
                .mistake(3, "Every epoch gives the three hidden neurons the same delta, so the same dW row and the same"
                        + " update: can they ever become different?")
                .whenRight("Three hidden neurons that stay identical are one neuron three times: this is why weights start"
                        + " random (breaking the symmetry).")
                .check(myRows);
    }

    // ---- helpers ----

    /** The XOR network's arrays and its trace on the four samples. */
    private record Net(double[][] x, double[][] y, double[][] w1, double[] b1, double[][] w2, double[] b2, Trace trace,
                       double[][] z1, double[][] a1, double[][] z2, double[][] a2) {
        static Net xor() {
            Network net = xorNetwork();
            Trace t = Backpropagation.trace(net, Losses.mse(), X, XOR_Y);
            return new Net(copy(X), copy(XOR_Y), net.denseLayer(1).weights().values().toArray(),
                    net.denseLayer(1).biases().values().row(0), net.denseLayer(2).weights().values().toArray(),
                    net.denseLayer(2).biases().values().row(0), t, t.layer(1).z().toArray(), t.layer(1).a().toArray(),
                    t.layer(2).z().toArray(), t.layer(2).a().toArray());
        }
    }

    private static Verdict matrix(LearnerCode<double[][]> run, ArrayCheck check) {
        return run.ran() ? check.check(run.value()) : run.problem();
    }

    private static double largestMagnitude(double[][] m) {
        double largest = 0;
        for (double[] row : m) {
            for (double v : row) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        return largest;
    }

    /** Rows that differ by more than 1e-12 in some entry count as different. */
    private static int distinctRows(double[][] m) {
        List<double[]> distinct = new ArrayList<>();
        for (double[] row : m) {
            boolean seen = false;
            for (double[] d : distinct) {
                boolean same = true;
                for (int i = 0; i < row.length; i++) {
                    same &= Math.abs(row[i] - d[i]) <= 1e-12;
                }
                seen |= same;
            }
            if (!seen) {
                distinct.add(row);
            }
        }
        return distinct.size();
    }
}
