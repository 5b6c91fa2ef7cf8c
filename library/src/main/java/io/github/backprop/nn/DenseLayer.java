package io.github.backprop.nn;

import io.github.backprop.activation.Activation;
import io.github.backprop.internal.kernel.Kernels;

import java.util.List;

/**
 * A fully connected layer l: z = W a_prev + b, a = f(z).
 *
 * <p>W is {@code outputSize x inputSize} (W[j][i] = w_ji connects input i to neuron j) and b has one
 * value per neuron. For a batch the samples are rows, one after the other, and every sum below is
 * taken sample by sample.
 *
 * <p><b>The equations as loops.</b> Each step of the dense layer is a method of a few lines with
 * its equation above the line that computes it: {@code weightedInputs} (z = W a_prev + b),
 * {@code backpropagatedSums} (sum_j = sum_k w_kj * delta_k, the sum in the hidden delta of the
 * layer below), {@code weightGradients} (dW = delta a_prevᵀ) and {@code biasGradients} (db = delta),
 * both averaged over the batch. These loops are the reference: training computes the same sums with
 * fast kernels (tiles, threads; not part of the API), which tests compare with them on every path.
 * Without the Vector API the kernels give the same numbers bit for bit; with it
 * ({@code --add-modules jdk.incubator.vector}) they take each term with a fused multiply-add, one
 * rounding instead of two, so the last digits can differ. Start the JVM with
 * {@code -Dbackprop.kernels=reference} to have the loops themselves run.
 */
public final class DenseLayer implements Layer {
    /** The kernels that compute the sums in place of the loops below, or null where the loops run. */
    private static final Kernels FAST = Kernels.fast();

    private final int index;
    private final int inputSize;
    private final int outputSize;
    private final Activation activation;
    private final Parameter weights;
    private final Parameter biases;

    DenseLayer(int index, int inputSize, int outputSize, Activation activation) {
        this.index = index;
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        this.activation = activation;
        this.weights = new Parameter(Parameter.Kind.WEIGHTS, index, outputSize, inputSize);
        this.biases = new Parameter(Parameter.Kind.BIASES, index, 1, outputSize);
    }

    /** This layer's number l, counted from 1 (the input is layer 0). */
    @Override
    public int index() {
        return index;
    }

    /** Number of inputs (neurons in the previous layer). */
    @Override
    public int inputSize() {
        return inputSize;
    }

    /** Number of neurons. */
    @Override
    public int outputSize() {
        return outputSize;
    }

    /** A vector of {@link #inputSize()} values. */
    @Override
    public Shape inputShape() {
        return Shape.vector(inputSize);
    }

    /** A vector of {@link #outputSize()} values. */
    @Override
    public Shape outputShape() {
        return Shape.vector(outputSize);
    }

    /** The activation f. */
    @Override
    public Activation activation() {
        return activation;
    }

    /** [W, b]. */
    @Override
    public List<Parameter> parameters() {
        return List.of(weights, biases);
    }

    /** The weights W ({@code outputSize x inputSize}) and their gradient dW. */
    public Parameter weights() {
        return weights;
    }

    /** The biases b ({@code outputSize}) and their gradient db. */
    public Parameter biases() {
        return biases;
    }

    /** Describes this layer as {@code dense(W, b, f)}. */
    @Override
    public void addTo(LayerSink sink) {
        sink.dense(weights.values().toArray(), biases.values().row(0), activation);
    }

    /**
     * The forward pass through this layer for a batch: z = W a_prev + b, then a = f(z). Writes z and
     * a; reads a_prev.
     *
     * @param aPrev the previous layer's activations (rows x inputSize), from {@code aPrevOffset}
     * @param aPrevOffset index of the first input value
     * @param rows samples in the batch
     * @param z weighted inputs (rows x outputSize), overwritten
     * @param a activations (rows x outputSize), overwritten
     */
    @Override
    public void forward(double[] aPrev, int aPrevOffset, int rows, double[] z, double[] a) {
        weightedInputs(FAST, aPrev, aPrevOffset, rows, z);
        // a = f(z)
        activation.forward(z, a, rows, outputSize);
    }

    /**
     * The sums for the previous layer's neurons j: sum_j = sum_k w_kj * delta_k, where k runs over
     * this layer's neurons.
     */
    @Override
    public void backpropagate(double[] delta, double[] aPrev, int aPrevOffset, int rows, double[] sum) {
        backpropagatedSums(FAST, delta, rows, sum);
    }

    /** dW = delta a_prevᵀ and db = delta, averaged over the batch. */
    @Override
    public void gradients(double[] aPrev, int aPrevOffset, double[] z, double[] delta, int rows) {
        weightGradients(FAST, aPrev, aPrevOffset, delta, rows);
        biasGradients(delta, rows);
    }

    /**
     * z = W a_prev + b for every sample: the loops below, or the same sums by the fast kernels if
     * given (package-private, so that tests can compare the two).
     */
    void weightedInputs(Kernels fast, double[] aPrev, int aPrevOffset, int rows, double[] z) {
        double[] w = weights.valueArray();
        double[] b = biases.valueArray();
        if (fast != null) {
            // every sample at once: z = a_prev · Wᵀ, then b added to every row
            fast.multiplyTransposedB(aPrev, aPrevOffset, rows, inputSize, w, outputSize, z);
            fast.addRowVector(z, rows, outputSize, b);
            return;
        }
        for (int n = 0; n < rows; n++) {
            int aN = aPrevOffset + n * inputSize;
            for (int j = 0; j < outputSize; j++) {
                double sum = 0;
                for (int i = 0; i < inputSize; i++) {
                    sum += w[j * inputSize + i] * aPrev[aN + i];
                }
                // z = W a_prev + b   (z_j = sum_i w_ji a_prev,i + b_j)
                z[n * outputSize + j] = sum + b[j];
            }
        }
    }

    /**
     * The sums passed down to the previous layer, for every sample: the loops below, or the same sums
     * by the fast kernels if given.
     */
    void backpropagatedSums(Kernels fast, double[] delta, int rows, double[] sum) {
        double[] w = weights.valueArray();
        if (fast != null) {
            // every sample at once: delta · W
            fast.multiply(delta, rows, outputSize, w, inputSize, sum);
            return;
        }
        for (int n = 0; n < rows; n++) {
            for (int j = 0; j < inputSize; j++) {
                double s = 0;
                for (int k = 0; k < outputSize; k++) {
                    s += delta[n * outputSize + k] * w[k * inputSize + j];
                }
                // sum_j = sum_k w_kj * delta_k
                sum[n * inputSize + j] = s;
            }
        }
    }

    /**
     * dW, averaged over the batch because the batch loss is the mean of the samples' losses: the
     * loops below, or the same sums by the fast kernels if given.
     */
    void weightGradients(Kernels fast, double[] aPrev, int aPrevOffset, double[] delta, int rows) {
        double[] dW = weights.gradientArray();
        double perSample = 1.0 / rows;
        if (fast != null) {
            // every weight at once: dW = (1/B) deltaᵀ · a_prev
            fast.multiplyTransposedA(delta, rows, outputSize, aPrev, aPrevOffset, inputSize, perSample, dW);
            return;
        }
        for (int j = 0; j < outputSize; j++) {
            for (int i = 0; i < inputSize; i++) {
                double sum = 0;
                for (int n = 0; n < rows; n++) {
                    sum += delta[n * outputSize + j] * aPrev[aPrevOffset + n * inputSize + i];
                }
                // dW = delta a_prevᵀ, averaged over the batch   (dW_ji = (1/B) sum_n delta_n,j a_prev,n,i)
                dW[j * inputSize + i] = sum * perSample;
            }
        }
    }

    /** db, averaged over the batch (a loop in any JVM: it is too little work for the kernels). */
    void biasGradients(double[] delta, int rows) {
        double[] db = biases.gradientArray();
        double perSample = 1.0 / rows;
        for (int j = 0; j < outputSize; j++) {
            double sum = 0;
            for (int n = 0; n < rows; n++) {
                sum += delta[n * outputSize + j];
            }
            // db = delta, averaged over the batch   (db_j = (1/B) sum_n delta_n,j)
            db[j] = sum * perSample;
        }
    }

    @Override
    public String toString() {
        return "dense " + inputSize + " -> " + outputSize + " (" + activation + ")";
    }
}
