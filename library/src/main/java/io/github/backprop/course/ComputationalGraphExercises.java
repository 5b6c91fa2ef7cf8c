package io.github.backprop.course;

import io.github.backprop.activation.Activations;
import io.github.backprop.autograd.Value;
import io.github.backprop.gradient.Backpropagation;
import io.github.backprop.gradient.Trace;
import io.github.backprop.exercise.NumberCheck;
import io.github.backprop.exercise.Verdict;
import io.github.backprop.loss.Losses;
import io.github.backprop.nn.Network;

/**
 * The exercises of the notebook "the computational graph": predict a gradient from the gate rules
 * (multiply swaps, max routes, gradients add at forks, a ReLU that is off passes nothing back),
 * then verify it with {@link Value}s. The right values are computed here with the Value engine (or
 * the layer library's trace), from the numbers the notebook gives.
 */
public final class ComputationalGraphExercises {
    private ComputationalGraphExercises() {
    }

    /**
     * Exercise 1: the gradients of a and b in L = a * b, with a = 2 and b = -5.
     *
     * @param myAGrad the learner's dL/da
     * @param myBGrad the learner's dL/db
     * @return the verdict on both
     */
    public static Verdict multiplySwaps(double myAGrad, double myBGrad) {
        Value a = Value.of(2, "a");
        Value b = Value.of(-5, "b");
        a.mul(b).backward();
        String swaps = "Multiply swaps: each input receives the arriving gradient (1 at L) times the other input.";
        NumberCheck aCheck = NumberCheck.of("dL/da in L = a * b", a.grad())
                .hint(swaps)
                .mistake(a.data(), swaps)
                .mistake(1, "1 and 1 is the rule of add; d(a*b)/da = b.");
        NumberCheck bCheck = NumberCheck.of("dL/db in L = a * b", b.grad())
                .hint(swaps)
                .mistake(b.data(), swaps)
                .mistake(1, "1 and 1 is the rule of add; d(a*b)/db = a.")
                .whenRight("The input with the smaller size gets the larger gradient: a nudge to a is multiplied by b.");
        return Verdict.all(aCheck.check(myAGrad), bCheck.check(myBGrad));
    }

    /**
     * Exercise 2: the gradient of x in L = x * x at x = 3.
     *
     * @param myXGrad the learner's dL/dx
     * @return the verdict
     */
    public static Verdict forkSquare(double myXGrad) {
        Value x = Value.of(3, "x");
        x.mul(x).backward();
        return NumberCheck.of("dL/dx in L = x * x at x = 3", x.grad())
                .hint("x is used twice (a fork): each use receives the other factor, and gradients add at forks.")
                .mistake(3, "That is what one use of x receives. x is used twice, and gradients add at forks.")
                .mistake(9, "That is the value x * x, not its gradient.")
                .whenRight("3 from each use, added at the fork: d(x^2)/dx = 2x.")
                .check(myXGrad);
    }

    /**
     * Exercise 3: the gradients of a and b in L = max(a, b) * c, with a = 1, b = 4 and c = 2.
     *
     * @param myAGrad the learner's dL/da
     * @param myBGrad the learner's dL/db
     * @return the verdict on both
     */
    public static Verdict maxRoutes(double myAGrad, double myBGrad) {
        Value a = Value.of(1, "a");
        Value b = Value.of(4, "b");
        Value c = Value.of(2, "c");
        a.max(b).mul(c).backward();
        String routes = "Max routes: the larger input receives all of the gradient arriving at max, the other none.";
        NumberCheck aCheck = NumberCheck.of("dL/da in L = max(a, b) * c", a.grad())
                .hint(routes)
                .mistake(c.data(), routes)
                .mistake(1, routes);
        NumberCheck bCheck = NumberCheck.of("dL/db in L = max(a, b) * c", b.grad())
                .hint("The gradient arriving at m = max(a, b) is dL/dm = c (multiply swaps); max passes it on.")
                .mistake(1, "The gradient arriving at m = max(a, b) is dL/dm = c, not 1 (multiply swaps).")
                .mistake(b.data(), "That is the value of max(a, b); its gradient is dL/dm = c (multiply swaps), passed on whole.");
        return Verdict.all(aCheck.check(myAGrad), bCheck.check(myBGrad));
    }

    /**
     * Exercise 4: the gradient of w in L = relu(w * x + b), with w = 0.5, x = 2 and b = -3.
     *
     * @param myWGrad the learner's dL/dw
     * @return the verdict
     */
    public static Verdict reluOff(double myWGrad) {
        Value w = Value.of(0.5, "w");
        Value x = Value.of(2, "x");
        Value b = Value.of(-3, "b");
        w.mul(x).add(b).relu().backward();
        return NumberCheck.of("dL/dw in L = relu(w * x + b)", w.grad())
                .hint("Compute z = w x + b first: what is the slope of relu at that z?")
                .mistake(x.data(), "That would be right if relu passed the gradient on unchanged. Compute z = w x + b"
                        + " first: is the ReLU on or off there, and what is its slope?")
                .mistake(1, "Compute z = w x + b first: what is the slope of relu at that z?")
                .whenRight("A ReLU that is off (z < 0) passes nothing back: none of its weights learn from this sample.")
                .check(myWGrad);
    }

    /**
     * The 2-2-2 network of Matt Mazur's example (notebook 7): the 2-2-1 network of notebooks 1-5
     * with a second output neuron, W[2] = {{0.40, 0.45}, {0.50, 0.55}}, b[2] = (0.60, 0.60).
     *
     * @return a new network
     */
    public static Network mazurTwoOutputs() {
        return Network.builder(2)
                .dense(new double[][] {{0.15, 0.20}, {0.25, 0.30}}, new double[] {0.35, 0.35}, Activations.sigmoid())
                .dense(new double[][] {{0.40, 0.45}, {0.50, 0.55}}, new double[] {0.60, 0.60}, Activations.sigmoid())
                .build();
    }

    /**
     * Exercise 5: in the 2-2-2 network with x = (0.05, 0.10) and the targets y = (0.99, 0.01),
     * dL/da of hidden neuron 0, a[1]_0, which feeds both output neurons.
     *
     * @param myGrad the learner's dL/da[1]_0
     * @return the verdict
     */
    public static Verdict forkInNetwork(double myGrad) {
        Trace t = Backpropagation.trace(mazurTwoOutputs(), Losses.mse(), TutorialNetworks.X, new double[][] {{0.99, 0.01}});
        double w00 = t.layer(2).weights().get(0, 0);
        double w10 = t.layer(2).weights().get(1, 0);
        double delta0 = t.layer(2).delta().get(0, 0);
        double delta1 = t.layer(2).delta().get(0, 1);
        // dL/da_0 = sum_k w_k0 delta_k: one term per use of a_0
        double grad = w00 * delta0 + w10 * delta1;
        return NumberCheck.of("dL/da[1]_0 for y = (0.99, 0.01)", grad)
                .hint("a[1]_0 feeds both output neurons k: add w_k0 delta_k over both, with each output delta from BP1"
                        + " for the new targets.")
                .mistake(w00 * delta0, "That is the path through output neuron 0 only: a[1]_0 also feeds output neuron 1,"
                        + " and gradients add at forks.")
                .mistake(w10 * delta1, "That is the path through output neuron 1 only: a[1]_0 also feeds output neuron 0,"
                        + " and gradients add at forks.")
                .mistake(t.layer(1).delta().get(0, 0), "That is delta = dL/dz[1]_0, after the sigmoid's slope; the question"
                        + " asks for dL/da[1]_0, the sum before it.")
                .whenRight("The two paths pull in opposite directions here, and the sum decides.")
                .check(myGrad);
    }
}
