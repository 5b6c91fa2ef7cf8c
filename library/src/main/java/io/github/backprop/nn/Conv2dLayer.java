package io.github.backprop.nn;

import io.github.backprop.activation.Activation;

import java.util.Arrays;
import java.util.List;

/**
 * A 2-D convolution layer with stride 1: each output channel o slides its own kernel K[o] (one
 * k x k grid per input channel c) over the input image and adds its bias b[o]:
 * <pre>
 *   z[o][i][j] = b[o] + sum_c sum_p sum_q K[o][c][p][q] * a_prev[c][i+p-pad][j+q-pad]
 *   a[o][i][j] = f(z[o][i][j])
 * </pre>
 * where pad is 0 for {@link Padding#VALID} and (k - 1) / 2 for {@link Padding#SAME}, and a_prev
 * outside the image counts as 0. It is a dense layer whose weights are shared between positions
 * and connect only neighbouring pixels, so backpropagation has the same three steps with
 * different bookkeeping:
 * <pre>
 *   delta[o][i][j]  = dL/da[o][i][j] * f'(z[o][i][j])
 *   sum[c][y][x]    = sum_o sum_p sum_q K[o][c][p][q] * delta[o][y-p+pad][x-q+pad]   (dL/da_prev)
 *   dK[o][c][p][q]  = (1/B) sum_n sum_i sum_j delta[o][i][j] * a_prev[c][i+p-pad][j+q-pad]
 *   db[o]           = (1/B) sum_n sum_i sum_j delta[o][i][j]
 * </pre>
 *
 * <p>Layouts (one sample; a batch is samples one after the other): a_prev is
 * [c][y][x] ({@link #inputShape()}); z, a, f'(z) and delta are [o][i][j] ({@link #outputShape()});
 * the kernels parameter K is {@code outChannels x (inChannels * k * k)}, row o holding
 * K[o][c][p][q] in [c][p][q] order; the biases are {@code 1 x outChannels}.
 */
public final class Conv2dLayer implements Layer {
    private final int index;
    private final Shape.Image input;
    private final Shape.Image output;
    private final int kernel;
    private final Padding padding;
    private final int pad;
    private final Activation activation;
    private final Parameter kernels;
    private final Parameter biases;

    Conv2dLayer(int index, Shape.Image input, int outChannels, int kernel, Padding padding, Activation activation) {
        this.index = index;
        this.input = input;
        this.kernel = kernel;
        this.padding = padding;
        this.pad = padding.before(kernel);
        this.activation = activation;
        this.output = Shape.image(outChannels, padding.outputSize(input.height(), kernel),
                padding.outputSize(input.width(), kernel));
        this.kernels = new Parameter(Parameter.Kind.WEIGHTS, "K", index, outChannels,
                input.channels() * kernel * kernel);
        this.biases = new Parameter(Parameter.Kind.BIASES, index, 1, outChannels);
    }

    @Override
    public int index() {
        return index;
    }

    /** The input image, in-channels x height x width. */
    @Override
    public Shape.Image inputShape() {
        return input;
    }

    /** The output image: out-channels x height x width (the input's height and width with SAME padding). */
    @Override
    public Shape.Image outputShape() {
        return output;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    /** [K, b]. */
    @Override
    public List<Parameter> parameters() {
        return List.of(kernels, biases);
    }

    /** The kernels K ({@code outChannels x (inChannels * k * k)}, row o in [c][p][q] order) and dK. */
    public Parameter kernels() {
        return kernels;
    }

    /** The biases b, one per output channel, and db. */
    public Parameter biases() {
        return biases;
    }

    /** The kernel size k (kernels are k x k). */
    public int kernelSize() {
        return kernel;
    }

    /** VALID or SAME. */
    public Padding padding() {
        return padding;
    }

    /** Input channels C. */
    public int inChannels() {
        return input.channels();
    }

    /** Output channels, one kernel each. */
    public int outChannels() {
        return output.channels();
    }

    /**
     * One kernel value K[o][c][p][q].
     *
     * @param o output channel
     * @param c input channel
     * @param p kernel row
     * @param q kernel column
     * @return the weight
     */
    public double kernel(int o, int c, int p, int q) {
        return kernels.value(o, kernelColumn(c, p, q));
    }

    /**
     * The column of K[o][c][p][q] in the {@link #kernels()} parameter: (c * k + p) * k + q.
     *
     * @param c input channel
     * @param p kernel row
     * @param q kernel column
     * @return the column
     */
    public int kernelColumn(int c, int p, int q) {
        if (c < 0 || c >= input.channels() || p < 0 || p >= kernel || q < 0 || q >= kernel) {
            throw new IndexOutOfBoundsException("kernel position (c=" + c + ", p=" + p + ", q=" + q
                    + ") is outside " + input.channels() + " channels of " + kernel + "x" + kernel);
        }
        return (c * kernel + p) * kernel + q;
    }

    /** Describes this layer as {@code conv2d(K, b, padding, f)}, with K[o][c][p][q]. */
    @Override
    public void addTo(LayerSink sink) {
        double[][][][] k = new double[outChannels()][inChannels()][kernel][kernel];
        for (int o = 0; o < k.length; o++) {
            for (int c = 0; c < k[o].length; c++) {
                for (int p = 0; p < kernel; p++) {
                    for (int q = 0; q < kernel; q++) {
                        k[o][c][p][q] = kernel(o, c, p, q);
                    }
                }
            }
        }
        sink.conv2d(k, biases.values().row(0), padding, activation);
    }

    @Override
    public void forward(double[] aPrev, int aPrevOffset, int rows, double[] z, double[] a) {
        double[] k = kernels.valueArray();
        double[] b = biases.valueArray();
        int channels = input.channels();
        int height = input.height();
        int width = input.width();
        int outSize = output.size();
        for (int n = 0; n < rows; n++) {
            int in = aPrevOffset + n * input.size();
            int out = n * outSize;
            for (int o = 0; o < output.channels(); o++) {
                for (int i = 0; i < output.height(); i++) {
                    for (int j = 0; j < output.width(); j++) {
                        double s = b[o];
                        for (int c = 0; c < channels; c++) {
                            for (int p = 0; p < kernel; p++) {
                                int y = i + p - pad;
                                if (y < 0 || y >= height) {
                                    continue;
                                }
                                int kRow = ((o * channels + c) * kernel + p) * kernel;
                                int aRow = in + (c * height + y) * width;
                                for (int q = 0; q < kernel; q++) {
                                    int x = j + q - pad;
                                    if (x >= 0 && x < width) {
                                        s += k[kRow + q] * aPrev[aRow + x];
                                    }
                                }
                            }
                        }
                        // z[o][i][j] = b[o] + sum_c sum_p sum_q K[o][c][p][q] * a_prev[c][i+p-pad][j+q-pad]
                        z[out + output.index(o, i, j)] = s;
                    }
                }
            }
        }
        // a = f(z)
        activation.forward(z, a, rows, outSize);
    }

    /**
     * dL/da_prev: each input pixel collects the deltas of every output its kernel window touched,
     * weighted by the kernel value that connected them.
     */
    @Override
    public void backpropagate(double[] delta, double[] aPrev, int aPrevOffset, int rows, double[] sum) {
        double[] k = kernels.valueArray();
        int channels = input.channels();
        int height = input.height();
        int width = input.width();
        Arrays.fill(sum, 0, rows * input.size(), 0.0);
        for (int n = 0; n < rows; n++) {
            int in = n * input.size();
            int out = n * output.size();
            for (int o = 0; o < output.channels(); o++) {
                for (int i = 0; i < output.height(); i++) {
                    for (int j = 0; j < output.width(); j++) {
                        double d = delta[out + output.index(o, i, j)];
                        for (int c = 0; c < channels; c++) {
                            for (int p = 0; p < kernel; p++) {
                                int y = i + p - pad;
                                if (y < 0 || y >= height) {
                                    continue;
                                }
                                int kRow = ((o * channels + c) * kernel + p) * kernel;
                                int sRow = in + (c * height + y) * width;
                                for (int q = 0; q < kernel; q++) {
                                    int x = j + q - pad;
                                    if (x >= 0 && x < width) {
                                        // sum[c][y][x] = sum_o sum_p sum_q K[o][c][p][q] * delta[o][y-p+pad][x-q+pad]
                                        sum[sRow + x] += k[kRow + q] * d;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** dK and db, averaged over the batch. */
    @Override
    public void gradients(double[] aPrev, int aPrevOffset, double[] z, double[] delta, int rows) {
        double[] dK = kernels.gradientArray();
        double[] db = biases.gradientArray();
        int channels = input.channels();
        int height = input.height();
        int width = input.width();
        Arrays.fill(dK, 0.0);
        Arrays.fill(db, 0.0);
        for (int n = 0; n < rows; n++) {
            int in = aPrevOffset + n * input.size();
            int out = n * output.size();
            for (int o = 0; o < output.channels(); o++) {
                for (int i = 0; i < output.height(); i++) {
                    for (int j = 0; j < output.width(); j++) {
                        double d = delta[out + output.index(o, i, j)];
                        // db[o] = sum_n sum_i sum_j delta[o][i][j] ...
                        db[o] += d;
                        for (int c = 0; c < channels; c++) {
                            for (int p = 0; p < kernel; p++) {
                                int y = i + p - pad;
                                if (y < 0 || y >= height) {
                                    continue;
                                }
                                int kRow = ((o * channels + c) * kernel + p) * kernel;
                                int aRow = in + (c * height + y) * width;
                                for (int q = 0; q < kernel; q++) {
                                    int x = j + q - pad;
                                    if (x >= 0 && x < width) {
                                        // dK[o][c][p][q] = sum_n sum_i sum_j delta[o][i][j] * a_prev[c][i+p-pad][j+q-pad] ...
                                        dK[kRow + q] += d * aPrev[aRow + x];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // ... averaged over the batch: dK = (1/B) sum_n ..., db = (1/B) sum_n ...
        double inv = 1.0 / rows;
        for (int i = 0; i < dK.length; i++) {
            dK[i] *= inv;
        }
        for (int o = 0; o < db.length; o++) {
            db[o] *= inv;
        }
    }

    /** e.g. {@code conv2d 3x3 same, image 1x8x8 -> image 4x8x8 (relu)}. */
    @Override
    public String toString() {
        return "conv2d " + kernel + "x" + kernel + " " + padding + ", " + input + " -> " + output + " (" + activation + ")";
    }
}
