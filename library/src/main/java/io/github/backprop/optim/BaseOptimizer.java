package io.github.backprop.optim;

import io.github.backprop.nn.Parameter;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every optimiser shares: the learning rate, weight decay, and per-parameter memory (kept in a
 * concurrent map, so that networks trained on several threads at once can share the optimiser; a
 * {@code Parameter} keeps {@code Object}'s identity {@code equals}).
 */
abstract class BaseOptimizer implements Optimizer {
    protected final double learningRate;
    protected final double weightDecay;
    private final Map<Parameter, Memory> memory = new ConcurrentHashMap<>();

    BaseOptimizer(double learningRate, double weightDecay) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be 0 or positive, got " + weightDecay);
        }
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public double weightDecay() {
        return weightDecay;
    }

    @Override
    public void step(List<Parameter> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            double decay = p.kind() == Parameter.Kind.WEIGHTS ? weightDecay : 0.0;
            update(p.valueArray(), p.gradientArray(), decay, memory(p));
        }
    }

    @Override
    public void reset() {
        memory.clear();
    }

    /** How many arrays of memory per parameter (0 for plain SGD). */
    abstract int memorySlots();

    /**
     * Updates one parameter.
     *
     * @param w values, modified
     * @param dW gradients, read
     * @param decay the weight decay for this parameter (0 for biases)
     * @param memory this parameter's memory (arrays and step count), modified
     */
    abstract void update(double[] w, double[] dW, double decay, Memory memory);

    private Memory memory(Parameter p) {
        if (memorySlots() == 0) {
            // plain SGD remembers nothing: no lookup on every step
            return NO_MEMORY;
        }
        Memory m = memory.get(p);
        return m != null ? m : memory.computeIfAbsent(p, k -> new Memory(memorySlots(), k.size()));
    }

    private static final Memory NO_MEMORY = new Memory(0, 0);

    /**
     * What an optimiser remembers about one parameter: arrays the size of the parameter (a velocity;
     * Adam's m and v) and how many updates it has had (Adam's t). Written only by the thread that
     * trains the parameter's network.
     */
    static final class Memory {
        /** The arrays, each the size of the parameter. */
        final double[][] arrays;
        /** Updates of this parameter so far, counted by the optimiser that needs the count. */
        long steps;

        Memory(int slots, int size) {
            this.arrays = new double[slots][size];
        }
    }

    String decaySuffix() {
        return weightDecay > 0 ? ", weightDecay=" + weightDecay : "";
    }

    @Override
    public String toString() {
        return name();
    }
}
