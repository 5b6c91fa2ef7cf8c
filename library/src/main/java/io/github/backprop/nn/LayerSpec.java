package io.github.backprop.nn;

import io.github.backprop.activation.Activation;
import io.github.backprop.init.Initializer;

import java.util.Random;

/**
 * One layer the {@link NetworkBuilder} will build: the shape it reads, the shape it gives, and its
 * parameters, either given (hand-worked examples, loaded files, copies) or to be drawn by the
 * initialisers when the network is built.
 */
sealed interface LayerSpec {
    /** The shape the layer reads. */
    Shape input();

    /** The shape the layer gives. */
    Shape output();

    /** True if the parameters are drawn by the initialisers. */
    boolean needsRandom();

    /**
     * Makes the layer, numbered l, with its given parameters or with parameters drawn from {@code random},
     * each parameter in the order of {@link Layer#parameters()}.
     */
    Layer create(int l, Initializer weightInit, Initializer biasInit, Random random);

    /** Copies given values (already checked for shape) through {@link Parameter#set}, which rejects NaN and infinities. */
    static void setAll(Parameter p, double[][] values) {
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[r].length; c++) {
                p.set(r, c, values[r][c]);
            }
        }
    }

    /** A dense layer; {@code weights} and {@code biases} null unless given. */
    record Dense(Shape.Vector input, int size, Activation activation, double[][] weights, double[] biases)
            implements LayerSpec {
        @Override
        public Shape output() {
            return Shape.vector(size);
        }

        @Override
        public boolean needsRandom() {
            return weights == null;
        }

        @Override
        public Layer create(int l, Initializer weightInit, Initializer biasInit, Random random) {
            DenseLayer layer = new DenseLayer(l, input.size(), size, activation);
            if (weights != null) {
                setAll(layer.weights(), weights);
                setAll(layer.biases(), new double[][] {biases});
            } else {
                weightInit.initialize(layer.weights().valueArray(), input.size(), size, random);
                biasInit.initialize(layer.biases().valueArray(), input.size(), size, random);
            }
            return layer;
        }
    }

    /** A 2-D convolution; {@code kernels} (K[o][c][p][q]) and {@code biases} null unless given. */
    record Conv(Shape.Image input, int outChannels, int kernel, Padding padding, Activation activation,
                double[][][][] kernels, double[] biases) implements LayerSpec {
        @Override
        public Shape output() {
            return Shape.image(outChannels, padding.outputSize(input.height(), kernel),
                    padding.outputSize(input.width(), kernel));
        }

        @Override
        public boolean needsRandom() {
            return kernels == null;
        }

        @Override
        public Layer create(int l, Initializer weightInit, Initializer biasInit, Random random) {
            Conv2dLayer layer = new Conv2dLayer(l, input, outChannels, kernel, padding, activation);
            if (kernels != null) {
                for (int o = 0; o < outChannels; o++) {
                    for (int c = 0; c < input.channels(); c++) {
                        for (int p = 0; p < kernel; p++) {
                            for (int q = 0; q < kernel; q++) {
                                layer.kernels().set(o, layer.kernelColumn(c, p, q), kernels[o][c][p][q]);
                            }
                        }
                    }
                }
                setAll(layer.biases(), new double[][] {biases});
            } else {
                int area = kernel * kernel;
                int fanIn = input.channels() * area;
                int fanOut = outChannels * area;
                weightInit.initialize(layer.kernels().valueArray(), fanIn, fanOut, random);
                biasInit.initialize(layer.biases().valueArray(), fanIn, fanOut, random);
            }
            return layer;
        }
    }

    /** Max pooling over size x size windows. */
    record Pool(Shape.Image input, int size, MaxPoolLayer.Leftover leftover) implements LayerSpec {
        @Override
        public Shape output() {
            return Shape.image(input.channels(), input.height() / size, input.width() / size);
        }

        @Override
        public boolean needsRandom() {
            return false;
        }

        @Override
        public Layer create(int l, Initializer weightInit, Initializer biasInit, Random random) {
            return new MaxPoolLayer(l, input, size, leftover);
        }
    }

    /** Flatten: an image or a sequence read as a vector. */
    record Flatten(Shape input) implements LayerSpec {
        @Override
        public Shape output() {
            return Shape.vector(input.size());
        }

        @Override
        public boolean needsRandom() {
            return false;
        }

        @Override
        public Layer create(int l, Initializer weightInit, Initializer biasInit, Random random) {
            return new FlattenLayer(l, input);
        }
    }

    /** A tanh recurrent layer; the weights and biases null unless given. */
    record Recurrent(Shape.Sequence input, int hiddenSize, RecurrentLayer.Output outputKind, double[][] inputWeights,
                     double[][] recurrentWeights, double[] biases) implements LayerSpec {
        @Override
        public Shape output() {
            return outputKind == RecurrentLayer.Output.LAST_STEP ? Shape.vector(hiddenSize)
                    : Shape.sequence(input.steps(), hiddenSize);
        }

        @Override
        public boolean needsRandom() {
            return inputWeights == null;
        }

        @Override
        public Layer create(int l, Initializer weightInit, Initializer biasInit, Random random) {
            RecurrentLayer layer = new RecurrentLayer(l, input, hiddenSize, outputKind);
            if (inputWeights != null) {
                setAll(layer.inputWeights(), inputWeights);
                setAll(layer.recurrentWeights(), recurrentWeights);
                setAll(layer.biases(), new double[][] {biases});
            } else {
                weightInit.initialize(layer.inputWeights().valueArray(), input.features(), hiddenSize, random);
                weightInit.initialize(layer.recurrentWeights().valueArray(), hiddenSize, hiddenSize, random);
                biasInit.initialize(layer.biases().valueArray(), input.features(), hiddenSize, random);
            }
            return layer;
        }
    }
}
