package io.github.backprop.optim;

import io.github.backprop.nn.Parameter;

import java.util.List;

/**
 * Updates parameters from their gradients: one call to {@link #step} is one gradient-descent step.
 *
 * <p>Optimisers with memory (momentum, Adam) keep it per parameter object, so use one optimiser
 * per network (or call {@link #reset()} before reusing it).
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

    /** Forgets all memory (velocities, moment estimates, step count). */
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
