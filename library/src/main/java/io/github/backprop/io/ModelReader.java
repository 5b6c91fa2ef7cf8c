package io.github.backprop.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.backprop.activation.Activation;
import io.github.backprop.nn.MaxPoolLayer;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.NetworkBuilder;
import io.github.backprop.nn.Padding;
import io.github.backprop.nn.RecurrentLayer;
import io.github.backprop.nn.Shape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import static io.github.backprop.io.JsonFields.activation;
import static io.github.backprop.io.JsonFields.array;
import static io.github.backprop.io.JsonFields.integer;
import static io.github.backprop.io.JsonFields.matrix;
import static io.github.backprop.io.JsonFields.positive;
import static io.github.backprop.io.JsonFields.text;
import static io.github.backprop.io.JsonFields.vector;

/**
 * Reads a network in the format {@link ModelJson} describes, in the order a reader would check it:
 * the JSON itself, the header, the input shape, then layer by layer through a {@link NetworkBuilder},
 * which checks each layer against the one before. The first problem found is reported, with the
 * path of the field it is in.
 */
final class ModelReader {
    private ModelReader() {
    }

    /** The network in this JSON text. */
    static Network read(String json) {
        JsonNode root = parse(json);
        int inputSize = header(root);
        JsonNode layers = root.get("layers");
        if (layers == null || !layers.isArray() || layers.isEmpty()) {
            throw new ModelFileException("\"layers\" must be a non-empty array: a network needs at least one layer");
        }
        NetworkBuilder builder = Network.builder(inputSize);
        inputShape(root, inputSize, builder);
        int expectedIn = inputSize;
        for (int l = 0; l < layers.size(); l++) {
            expectedIn = layer(layers.get(l), "layers[" + l + "]", expectedIn, builder);
        }
        return builder.build();
    }

    /**
     * The JSON tree: one object and nothing after it but white space, or a message with the line and
     * column where the text stops being JSON.
     */
    private static JsonNode parse(String json) {
        JsonNode root;
        try (JsonParser parser = JsonFields.MAPPER.createParser(json)) {
            try {
                root = JsonFields.MAPPER.readTree(parser);
            } catch (JsonProcessingException e) {
                throw new ModelFileException("not valid JSON (is the file truncated?): " + e.getOriginalMessage()
                        + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
            }
            JsonLocation extra;
            try {
                extra = parser.nextToken() == null ? null : parser.currentTokenLocation();
            } catch (JsonProcessingException e) {
                extra = e.getLocation();
            }
            if (root != null && extra != null) {
                throw new ModelFileException("more content after the end of the network's JSON, at line "
                        + extra.getLineNr() + ", column " + extra.getColumnNr()
                        + ": a model file holds one JSON object and nothing after it (were two files joined?)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelFileException("expected a JSON object describing a network, found "
                    + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        return root;
    }

    /** Checks "format" and "version"; returns "inputSize". */
    private static int header(JsonNode root) {
        String format = text(root, "format", "");
        if (!ModelJson.FORMAT.equals(format)) {
            throw new ModelFileException("\"format\" must be \"" + ModelJson.FORMAT + "\", found \"" + format + "\"");
        }
        int version = integer(root, "version", "");
        if (version != ModelJson.VERSION) {
            throw new ModelFileException("unsupported version " + version + "; this library reads version "
                    + ModelJson.VERSION);
        }
        int inputSize = integer(root, "inputSize", "");
        if (inputSize <= 0) {
            throw new ModelFileException("\"inputSize\" must be positive, found " + inputSize);
        }
        return inputSize;
    }

    /** An image or sequence input ("inputShape"), if the file has one, with as many values as "inputSize". */
    private static void inputShape(JsonNode root, int inputSize, NetworkBuilder builder) {
        JsonNode shapeNode = root.get("inputShape");
        if (shapeNode == null) {
            return;
        }
        Shape shape = JsonFields.readShape(shapeNode, "inputShape");
        if (shape.size() != inputSize) {
            throw new ModelFileException("\"inputShape\" (" + shape + ") has " + shape.size()
                    + " values but \"inputSize\" is " + inputSize);
        }
        builder.inputShape(shape);
    }

    /**
     * Adds the layer at {@code where} to the builder, after checking its sizes against the layer before
     * and the builder's own checks (which it reports as the file's problem).
     *
     * @return the layer's output size, the next layer's expected input size
     */
    private static int layer(JsonNode layer, String where, int expectedIn, NetworkBuilder builder) {
        if (!layer.isObject()) {
            throw new ModelFileException(where + " must be an object");
        }
        String type = text(layer, "type", where);
        int in = integer(layer, "inputSize", where);
        int out = integer(layer, "outputSize", where);
        if (in != expectedIn) {
            throw new ModelFileException(where + ".inputSize is " + in + " but the previous layer has "
                    + expectedIn + " outputs");
        }
        if (out <= 0) {
            throw new ModelFileException(where + ".outputSize must be positive, found " + out);
        }
        try {
            switch (type) {
                case "dense" -> dense(layer, where, in, out, builder);
                case "conv2d" -> conv2d(layer, where, builder);
                case "maxPool" -> maxPool(layer, where, builder);
                case "flatten" -> builder.flatten();
                case "recurrent" -> recurrent(layer, where, in, builder);
                default -> throw new ModelFileException(where + ".type \"" + type
                        + "\" is unknown; known: dense, conv2d, maxPool, flatten, recurrent");
            }
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(where + ": " + e.getMessage(), e);
        }
        int actualOut = builder.currentShape().size();
        if (out != actualOut) {
            throw new ModelFileException(where + ".outputSize is " + out + " but this " + type + " layer gives "
                    + builder.currentShape() + " (" + actualOut + " values)");
        }
        return out;
    }

    private static void dense(JsonNode layer, String where, int in, int out, NetworkBuilder builder) {
        Activation f = activation(layer, where);
        double[][] w = matrix(layer.get("weights"), out, in, where + ".weights");
        double[] b = vector(layer.get("biases"), out, where + ".biases");
        builder.dense(w, b, f);
    }

    private static void conv2d(JsonNode layer, String where, NetworkBuilder builder) {
        int outChannels = positive(layer, "outChannels", where);
        int k = positive(layer, "kernelSize", where);
        Padding padding = JsonFields.padding(layer, where);
        Activation f = activation(layer, where);
        int inChannels = builder.currentShape() instanceof Shape.Image image ? image.channels() : 1;
        double[][][][] kernels = new double[outChannels][][][];
        JsonNode kn = array(layer.get("kernels"), outChannels, where + ".kernels", "outChannels");
        for (int o = 0; o < outChannels; o++) {
            String ko = where + ".kernels[" + o + "]";
            JsonNode perOutput = array(kn.get(o), inChannels, ko, "input channels");
            kernels[o] = new double[inChannels][][];
            for (int c = 0; c < inChannels; c++) {
                kernels[o][c] = matrix(perOutput.get(c), k, k, ko + "[" + c + "]", "kernelSize");
            }
        }
        double[] b = vector(layer.get("biases"), outChannels, where + ".biases");
        builder.conv2d(kernels, b, padding, f);
    }

    private static void maxPool(JsonNode layer, String where, NetworkBuilder builder) {
        int size = positive(layer, "size", where);
        MaxPoolLayer.Leftover leftover = layer.has("leftover") ? JsonFields.leftover(layer, where)
                : MaxPoolLayer.Leftover.REFUSE;
        // a window that fits but leaves rows or columns over is refused unless the file says to drop them
        boolean leavesSomeOver = builder.currentShape() instanceof Shape.Image im
                && size <= im.height() && size <= im.width()
                && (im.height() % size != 0 || im.width() % size != 0);
        try {
            builder.maxPool(size, leftover);
        } catch (IllegalArgumentException e) {
            if (leftover == MaxPoolLayer.Leftover.REFUSE && leavesSomeOver) {
                throw new ModelFileException(where + ": " + e.getMessage()
                        + " (in a model file: \"leftover\" : \"drop\")", e);
            }
            throw e;
        }
    }

    private static void recurrent(JsonNode layer, String where, int in, NetworkBuilder builder) {
        int hidden = positive(layer, "hiddenSize", where);
        RecurrentLayer.Output output = JsonFields.recurrentOutput(layer, where);
        int features = builder.currentShape() instanceof Shape.Sequence seq ? seq.features() : in;
        double[][] wx = matrix(layer.get("inputWeights"), hidden, features, where + ".inputWeights", "hiddenSize");
        double[][] wh = matrix(layer.get("recurrentWeights"), hidden, hidden, where + ".recurrentWeights",
                "hiddenSize");
        double[] b = vector(layer.get("biases"), hidden, where + ".biases");
        builder.recurrent(wx, wh, b, output);
    }
}
