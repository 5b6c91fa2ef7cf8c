package io.github.backprop.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.backprop.activation.Activation;
import io.github.backprop.activation.LeakyRelu;
import io.github.backprop.nn.Layer;
import io.github.backprop.nn.LayerSink;
import io.github.backprop.nn.MaxPoolLayer;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Padding;
import io.github.backprop.nn.Parameter;
import io.github.backprop.nn.RecurrentLayer;
import io.github.backprop.nn.Shape;

/** Writes a network in the format {@link ModelJson} describes: each layer writes itself, through {@link Layer#addTo}. */
final class ModelWriter {
    private ModelWriter() {
    }

    /** The network as pretty-printed JSON; refuses NaN and infinite values, naming the first. */
    static String write(Network network) {
        requireFinite(network);
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        root.put("format", ModelJson.FORMAT);
        root.put("version", ModelJson.VERSION);
        root.put("inputSize", network.inputSize());
        if (!(network.inputShape() instanceof Shape.Vector)) {
            JsonFields.writeShape(root.putObject("inputShape"), network.inputShape());
        }
        ArrayNode layers = root.putArray("layers");
        for (Layer layer : network.layers()) {
            layer.addTo(new LayerNode(layers.addObject(), layer));
        }
        try {
            return JsonFields.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    private static void requireFinite(Network network) {
        for (Parameter p : network.parameters()) {
            for (int r = 0; r < p.rows(); r++) {
                for (int c = 0; c < p.cols(); c++) {
                    double v = p.value(r, c);
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("cannot save the network: " + p.name() + "[" + r + "][" + c
                                + "] is " + v + " (did training diverge?), and a model file needs finite numbers");
                    }
                }
            }
        }
    }

    /** One layer's JSON object: its type and sizes, then what the layer describes. */
    private static final class LayerNode implements LayerSink {
        private final ObjectNode node;
        private final Layer layer;

        LayerNode(ObjectNode node, Layer layer) {
            this.node = node;
            this.layer = layer;
        }

        /** "type", "inputSize", "outputSize": the fields every layer starts with. */
        private void start(String type) {
            node.put("type", type);
            node.put("inputSize", layer.inputSize());
            node.put("outputSize", layer.outputSize());
        }

        @Override
        public LayerSink dense(double[][] weights, double[] biases, Activation activation) {
            start("dense");
            writeActivation(activation);
            writeMatrix(node.putArray("weights"), weights);
            writeVector(node.putArray("biases"), biases);
            return this;
        }

        @Override
        public LayerSink conv2d(double[][][][] kernels, double[] biases, Padding padding, Activation activation) {
            start("conv2d");
            node.put("outChannels", kernels.length);
            node.put("kernelSize", kernels[0][0].length);
            node.put("padding", padding.toString());
            writeActivation(activation);
            ArrayNode k = node.putArray("kernels");
            for (double[][][] perOutput : kernels) {
                ArrayNode channels = k.addArray();
                for (double[][] grid : perOutput) {
                    writeMatrix(channels.addArray(), grid);
                }
            }
            writeVector(node.putArray("biases"), biases);
            return this;
        }

        @Override
        public LayerSink maxPool(int size, MaxPoolLayer.Leftover leftover) {
            start("maxPool");
            node.put("size", size);
            if (leftover != MaxPoolLayer.Leftover.REFUSE) {
                node.put("leftover", JsonFields.lowerCase(leftover));
            }
            return this;
        }

        @Override
        public LayerSink flatten() {
            start("flatten");
            return this;
        }

        @Override
        public LayerSink recurrent(double[][] inputWeights, double[][] recurrentWeights, double[] biases,
                                   RecurrentLayer.Output output) {
            start("recurrent");
            node.put("hiddenSize", inputWeights.length);
            node.put("output", JsonFields.lowerCase(output));
            writeMatrix(node.putArray("inputWeights"), inputWeights);
            writeMatrix(node.putArray("recurrentWeights"), recurrentWeights);
            writeVector(node.putArray("biases"), biases);
            return this;
        }

        private void writeActivation(Activation f) {
            node.put("activation", f.name());
            if (f instanceof LeakyRelu leaky) {
                node.put("alpha", leaky.alpha());
            }
        }

        private static void writeMatrix(ArrayNode array, double[][] rows) {
            for (double[] row : rows) {
                writeVector(array.addArray(), row);
            }
        }

        private static void writeVector(ArrayNode array, double[] values) {
            for (double v : values) {
                array.add(v);
            }
        }
    }
}
