package io.github.backprop.course;

import io.github.backprop.activation.Activation;
import io.github.backprop.activation.Activations;
import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.exercise.ExactCheck;
import io.github.backprop.exercise.NumberCheck;
import io.github.backprop.exercise.Verdict;
import io.github.backprop.loss.Loss;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.optim.Optimizers;
import io.github.backprop.train.Trainer;

/**
 * The exercises of the notebook "why cross-entropy": one sigmoid neuron, z = w x + b, a = sigma(z),
 * trained with the MSE and with cross-entropy (the binary cross-entropy of the course card). The
 * right values are computed here with the layer library from the starts the notebook uses.
 */
public final class CrossEntropyExercises {
    /** The notebook's learning rate. */
    public static final double LEARNING_RATE = 0.15;

    private static final Activation SIGMA = Activations.sigmoid();

    private CrossEntropyExercises() {
    }

    /**
     * The neuron with weight w and bias b.
     *
     * @param w the weight
     * @param b the bias
     * @return a new one-input, one-neuron sigmoid network
     */
    public static Network neuron(double w, double b) {
        return Network.builder(1).dense(new double[][] {{w}}, new double[] {b}, Activations.sigmoid()).build();
    }

    /**
     * Exercise 1: sigma'(z) at the good start w = 0.6, b = 0.9, input x = 1.
     *
     * @param mySlope the learner's sigma'(z)
     * @return the verdict
     */
    public static Verdict slopeAtGoodStart(double mySlope) {
        // z = w x + b
        double z = 0.6 * 1 + 0.9;
        double a = SIGMA.value(z);
        double slope = SIGMA.derivative(z, a);
        return NumberCheck.of("sigma'(z) at w = 0.6, b = 0.9, x = 1", slope)
                .hint("z = w x + b, then sigma'(z) = sigma(z) (1 - sigma(z)).")
                .mistake(a, "That is a = sigma(z), the output; the slope is sigma(z) (1 - sigma(z)).")
                .mistake(0.25, "0.25 is the largest slope, at z = 0; compute z = w x + b first.")
                .mistake(SIGMA.derivative(0.6, SIGMA.value(0.6)), "Add the bias: z = w x + b.")
                .check(mySlope);
    }

    /**
     * Exercise 2: at the good start, how many times larger the cross-entropy gradient dL/dw is than
     * the MSE gradient.
     *
     * @param myRatio the learner's ratio
     * @return the verdict
     */
    public static Verdict gradientRatioAtGoodStart(double myRatio) {
        double mse = dLdw(0.6, 0.9, 1, 0, Losses.mse());
        double crossEntropy = dLdw(0.6, 0.9, 1, 0, Losses.binaryCrossEntropy());
        double ratio = crossEntropy / mse;
        return NumberCheck.of("(dL/dw with cross-entropy) / (dL/dw with the MSE) at w = 0.6, b = 0.9", ratio)
                .hint("Divide (a - y) x by (a - y) sigma'(z) x: what is left?")
                .mistake(mse / crossEntropy, "That is the MSE's gradient over cross-entropy's: the other way round.")
                .whenRight("Only 1 / sigma'(z) apart: at a start that is not saturated both losses learn, cross-entropy"
                        + " a few times faster.")
                .check(myRatio);
    }

    /**
     * Exercise 3: dL/dw at the bad start w = b = 2 with the input x = 0 (target 0).
     *
     * @param myGrad the learner's dL/dw (the same for both losses)
     * @return the verdict
     */
    public static Verdict zeroInput(double myGrad) {
        double grad = dLdw(2, 2, 0, 0, Losses.mse());
        double crossEntropy = dLdw(2, 2, 0, 0, Losses.binaryCrossEntropy());
        if (grad != crossEntropy) {
            throw new IllegalStateException("the two losses should give the same dL/dw for x = 0, got " + grad + " and " + crossEntropy);
        }
        double a = SIGMA.value(2);
        return NumberCheck.of("dL/dw at w = b = 2 for the input x = 0", grad)
                .hint("dL/dw = delta x for either loss: look at x.")
                .mistake(dLdw(2, 2, 1, 0, Losses.mse()), "That is the MSE's dL/dw for x = 1; the input is now 0.")
                .mistake(dLdw(2, 2, 1, 0, Losses.binaryCrossEntropy()), "That is cross-entropy's dL/dw for x = 1; the input is now 0.")
                .mistake(a, "That is delta (= dL/db) of cross-entropy; dL/dw = delta x.")
                .mistake(a * SIGMA.derivative(2, a), "That is delta (= dL/db) of the MSE; dL/dw = delta x.")
                .whenRight("A weight whose input is 0 gets no gradient, whatever the loss: only the bias learns from this sample.")
                .check(myGrad);
    }

    /**
     * Exercise 4: from w = b = -2 with the target y = 1 (saturated, and wrong the other way), after
     * 30 epochs with learning rate {@value #LEARNING_RATE}, is the cross-entropy neuron's output
     * closer to the target than the MSE neuron's?
     *
     * @param myAnswer true or false
     * @return the verdict
     */
    public static Verdict crossEntropyCloserAfter30(Boolean myAnswer) {
        double mse = outputAfter(-2, -2, 1, Losses.mse(), 30);
        double crossEntropy = outputAfter(-2, -2, 1, Losses.binaryCrossEntropy(), 30);
        boolean closer = Math.abs(crossEntropy - 1) < Math.abs(mse - 1);
        return ExactCheck.of("prediction for the mirrored start", closer)
                .hint("At a = 0.018 and y = 1 the neuron is saturated and wrong, as in the notebook but mirrored: which"
                        + " loss's gradient keeps the small sigma'(z)?")
                .whenRight("The mirror image of the notebook's experiment: the MSE's gradient carries sigma'(z), tiny at"
                        + " z = -4, and cross-entropy's does not.")
                .check(myAnswer);
    }

    /** dL/dw of the neuron (w, b) for input x and target y, from the layer library's trace. */
    static double dLdw(double w, double b, double x, double y, Loss loss) {
        return Backpropagation.trace(neuron(w, b), loss, new double[][] {{x}}, new double[][] {{y}}).layer(1).dW().get(0, 0);
    }

    /** The output for input 1 after training the neuron (w, b) towards y for some epochs. */
    static double outputAfter(double w, double b, double y, Loss loss, int epochs) {
        Network n = neuron(w, b);
        Trainer.builder().loss(loss).optimizer(Optimizers.sgd(LEARNING_RATE)).epochs(epochs).batchSize(1).build()
                .fit(n, new double[][] {{1}}, new double[][] {{y}});
        return n.predict(new double[] {1})[0];
    }
}
