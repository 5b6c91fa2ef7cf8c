package io.github.backprop.optim;

import io.github.backprop.nn.Parameter;

import java.util.List;

/**
 * Updates parameters from their gradients: one call to {@link #step} is one gradient-descent step.
 *
 * <p>Optimisers with memory (momentum's velocity; Adam's m, v and step count t) keep it per
 * parameter object: one optimiser can train several networks, one after another or on several
 * threads at once, and each network's parameters get a memory of their own, starting at zero, as
 * with an optimiser of its own. Training the same network again continues its memory;
 * {@link #reset()} forgets all of it. Plain SGD remembers nothing. Like the network, one parameter is
 * updated by one thread at a time.
 */
public interface Optimizer {

    /** A short description for tables, e.g. {@code sgd(lr=0.5)}. */
    String name();

    /** The learning rate (step size). */
    double learningRate();

    /** The L2 weight-decay coefficient lambda (0 when off); applied to weights, never to biases. */
    double weightDecay();

    /**
     * Updates every parameter's values from its gradient. Modifies the parameters' values and the
     * optimiser's own memory; reads the gradients.
     *
     * @param parameters the parameters to update, e.g. {@code network.parameters()}
     */
    void step(List<Parameter> parameters);

    /** Forgets all memory (velocities, moment estimates, step counts), of every parameter; not while a step runs. */
    void reset();

    /**
     * The same optimiser with L2 weight decay: each weight's gradient gets lambda * w added
     * before the update (the gradient of lambda/2 * ||W||^2). Biases are not decayed.
     *
     * @param lambda the coefficient, at least 0
     * @return a new optimiser with fresh memory
     */
    Optimizer withWeightDecay(double lambda);
}
