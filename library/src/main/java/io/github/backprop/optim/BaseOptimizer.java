package io.github.backprop.optim;

import io.github.backprop.nn.Parameter;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** What every optimiser shares: the learning rate, weight decay, and per-parameter memory. */
abstract class BaseOptimizer implements Optimizer {
    protected final double learningRate;
    protected final double weightDecay;
    private final Map<Parameter, double[][]> memory = new IdentityHashMap<>();

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
        beforeStep();
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

    /** Called once per step before the parameters are updated. */
    void beforeStep() {
    }

    /** How many arrays of memory per parameter (0 for plain SGD). */
    abstract int memorySlots();

    /**
     * Updates one parameter.
     *
     * @param w values, modified
     * @param dW gradients, read
     * @param decay the weight decay for this parameter (0 for biases)
     * @param memory this parameter's memory arrays, modified
     */
    abstract void update(double[] w, double[] dW, double decay, double[][] memory);

    private double[][] memory(Parameter p) {
        if (memorySlots() == 0) {
            // plain SGD remembers nothing: no lookup on every step
            return NO_MEMORY;
        }
        return memory.computeIfAbsent(p, k -> new double[memorySlots()][k.size()]);
    }

    private static final double[][] NO_MEMORY = new double[0][];

    String decaySuffix() {
        return weightDecay > 0 ? ", weightDecay=" + weightDecay : "";
    }

    @Override
    public String toString() {
        return name();
    }
}
