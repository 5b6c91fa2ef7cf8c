package io.github.backprop.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.backprop.activation.Activation;
import io.github.backprop.activation.Activations;
import io.github.backprop.activation.LeakyRelu;
import io.github.backprop.nn.Conv2dLayer;
import io.github.backprop.nn.DenseLayer;
import io.github.backprop.nn.FlattenLayer;
import io.github.backprop.nn.Layer;
import io.github.backprop.nn.MaxPoolLayer;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Padding;
import io.github.backprop.nn.Parameter;
import io.github.backprop.nn.RecurrentLayer;
import io.github.backprop.nn.Shape;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Saves and loads networks as human-readable JSON:
 * <pre>{@code
 * {
 *   "format" : "backprop-network",
 *   "version" : 1,
 *   "inputSize" : 2,
 *   "layers" : [ {
 *     "type" : "dense",
 *     "inputSize" : 2,
 *     "outputSize" : 2,
 *     "activation" : "sigmoid",
 *     "weights" : [ [ 0.1, -0.2 ], [ 0.3, 0.4 ] ],
 *     "biases" : [ 0.0, 0.0 ]
 *   }, ... ]
 * }
 * }</pre>
 * Weights are written row by row (W[j][i] connects input i to neuron j) with every digit needed
 * to read back the same double. The other layer types:
 * <ul>
 *   <li>a network whose input is an image or a sequence also has
 *       {@code "inputShape" : { "type" : "image", "channels" : 1, "height" : 8, "width" : 8 }} or
 *       {@code { "type" : "sequence", "steps" : 5, "features" : 1 }};</li>
 *   <li>{@code "conv2d"}: {@code outChannels}, {@code kernelSize}, {@code padding} ("valid" or
 *       "same"), {@code activation}, {@code kernels} as K[o][c][p][q] (nested arrays,
 *       out-channels x in-channels x k x k) and {@code biases} (one per output channel);</li>
 *   <li>{@code "maxPool"}: {@code size}; {@code "flatten"}: nothing more;</li>
 *   <li>{@code "recurrent"}: {@code hiddenSize}, {@code output} ("last_step" or "every_step"),
 *       {@code inputWeights} (W_x, hidden x features), {@code recurrentWeights} (W_h, hidden x
 *       hidden) and {@code biases}.</li>
 * </ul>
 * Every layer also states its flat {@code inputSize} and {@code outputSize}, which loading checks
 * against the shapes. Loading checks everything and names the first problem found.
 * Saving writes a temporary file and then moves it into place, so a failed save never destroys an
 * existing file.
 */
public final class ModelJson {
    /** The value of the "format" field. */
    public static final String FORMAT = "backprop-network";
    /** The version this library writes and reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelJson() {
    }

    /**
     * The network as JSON text.
     *
     * @param network the network (not modified)
     * @return pretty-printed JSON
     * @throws IllegalArgumentException if a weight or bias is NaN or infinite (such a file could
     *     not be loaded again), naming the first one
     */
    public static String toJson(Network network) {
        requireFinite(network);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("inputSize", network.inputSize());
        if (!(network.inputShape() instanceof Shape.Vector)) {
            writeShape(root.putObject("inputShape"), network.inputShape());
        }
        ArrayNode layers = root.putArray("layers");
        for (Layer layer : network.layers()) {
            ObjectNode l = layers.addObject();
            if (layer instanceof DenseLayer dense) {
                l.put("type", "dense");
                l.put("inputSize", dense.inputSize());
                l.put("outputSize", dense.outputSize());
                writeActivation(l, dense.activation());
                writeMatrix(l.putArray("weights"), dense.weights());
                writeVector(l.putArray("biases"), dense.biases());
            } else if (layer instanceof Conv2dLayer conv) {
                l.put("type", "conv2d");
                l.put("inputSize", conv.inputSize());
                l.put("outputSize", conv.outputSize());
                l.put("outChannels", conv.outChannels());
                l.put("kernelSize", conv.kernelSize());
                l.put("padding", conv.padding().toString());
                writeActivation(l, conv.activation());
                ArrayNode kernels = l.putArray("kernels");
                int k = conv.kernelSize();
                for (int o = 0; o < conv.outChannels(); o++) {
                    ArrayNode perOutput = kernels.addArray();
                    for (int c = 0; c < conv.inChannels(); c++) {
                        ArrayNode grid = perOutput.addArray();
                        for (int p = 0; p < k; p++) {
                            ArrayNode row = grid.addArray();
                            for (int q = 0; q < k; q++) {
                                row.add(conv.kernel(o, c, p, q));
                            }
                        }
                    }
                }
                writeVector(l.putArray("biases"), conv.biases());
            } else if (layer instanceof MaxPoolLayer pool) {
                l.put("type", "maxPool");
                l.put("inputSize", pool.inputSize());
                l.put("outputSize", pool.outputSize());
                l.put("size", pool.size());
            } else if (layer instanceof FlattenLayer flatten) {
                l.put("type", "flatten");
                l.put("inputSize", flatten.inputSize());
                l.put("outputSize", flatten.outputSize());
            } else if (layer instanceof RecurrentLayer rnn) {
                l.put("type", "recurrent");
                l.put("inputSize", rnn.inputSize());
                l.put("outputSize", rnn.outputSize());
                l.put("hiddenSize", rnn.hiddenSize());
                l.put("output", rnn.output().name().toLowerCase(java.util.Locale.ROOT));
                writeMatrix(l.putArray("inputWeights"), rnn.inputWeights());
                writeMatrix(l.putArray("recurrentWeights"), rnn.recurrentWeights());
                writeVector(l.putArray("biases"), rnn.biases());
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    /**
     * Saves the network to a file, replacing it only once the new content is completely written.
     *
     * @param network the network (not modified)
     * @param file where to write
     * @throws IOException if the file cannot be written (an existing file is left as it was)
     * @throws IllegalArgumentException if a weight or bias is NaN or infinite (nothing is written)
     */
    public static void save(Network network, Path file) throws IOException {
        String json = toJson(network);
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = Files.createTempFile(dir, absolute.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Loads a network from a file.
     *
     * @param file a file written by {@link #save}
     * @return the network
     * @throws IOException if the file cannot be read
     * @throws ModelFileException if the content is not a valid network, naming the file and the problem
     */
    public static Network load(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return fromJson(text);
        } catch (ModelFileException e) {
            throw new ModelFileException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a network from JSON text.
     *
     * @param json the text
     * @return the network
     * @throws ModelFileException naming the first problem found
     */
    public static Network fromJson(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ModelFileException("not valid JSON (is the file truncated?): " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelFileException("expected a JSON object describing a network, found "
                    + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase()));
        }
        String format = text(root, "format", "");
        if (!FORMAT.equals(format)) {
            throw new ModelFileException("\"format\" must be \"" + FORMAT + "\", found \"" + format + "\"");
        }
        int version = integer(root, "version", "");
        if (version != VERSION) {
            throw new ModelFileException("unsupported version " + version + "; this library reads version " + VERSION);
        }
        int inputSize = integer(root, "inputSize", "");
        if (inputSize <= 0) {
            throw new ModelFileException("\"inputSize\" must be positive, found " + inputSize);
        }
        JsonNode layers = root.get("layers");
        if (layers == null || !layers.isArray() || layers.isEmpty()) {
            throw new ModelFileException("\"layers\" must be a non-empty array: a network needs at least one layer");
        }
        Network.Builder builder = Network.builder(inputSize);
        JsonNode shapeNode = root.get("inputShape");
        if (shapeNode != null) {
            Shape shape = readShape(shapeNode, "inputShape");
            if (shape.size() != inputSize) {
                throw new ModelFileException("\"inputShape\" (" + shape + ") has " + shape.size()
                        + " values but \"inputSize\" is " + inputSize);
            }
            builder.inputShape(shape);
        }
        int expectedIn = inputSize;
        for (int l = 0; l < layers.size(); l++) {
            String where = "layers[" + l + "]";
            JsonNode layer = layers.get(l);
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
                    case "dense" -> {
                        Activation f = activation(layer, where);
                        double[][] w = matrix(layer.get("weights"), out, in, where + ".weights");
                        double[] b = vector(layer.get("biases"), out, where + ".biases");
                        builder.dense(w, b, f);
                    }
                    case "conv2d" -> {
                        int outChannels = positive(layer, "outChannels", where);
                        int k = positive(layer, "kernelSize", where);
                        Padding padding = padding(layer, where);
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
                    case "maxPool" -> builder.maxPool(positive(layer, "size", where));
                    case "flatten" -> builder.flatten();
                    case "recurrent" -> {
                        int hidden = positive(layer, "hiddenSize", where);
                        RecurrentLayer.Output output = recurrentOutput(layer, where);
                        int features = builder.currentShape() instanceof Shape.Sequence seq ? seq.features() : in;
                        double[][] wx = matrix(layer.get("inputWeights"), hidden, features, where + ".inputWeights", "hiddenSize");
                        double[][] wh = matrix(layer.get("recurrentWeights"), hidden, hidden, where + ".recurrentWeights",
                                "hiddenSize");
                        double[] b = vector(layer.get("biases"), hidden, where + ".biases");
                        builder.recurrent(wx, wh, b, output);
                    }
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
            expectedIn = out;
        }
        return builder.build();
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

    private static void writeShape(ObjectNode node, Shape shape) {
        if (shape instanceof Shape.Image image) {
            node.put("type", "image");
            node.put("channels", image.channels());
            node.put("height", image.height());
            node.put("width", image.width());
        } else if (shape instanceof Shape.Sequence sequence) {
            node.put("type", "sequence");
            node.put("steps", sequence.steps());
            node.put("features", sequence.features());
        } else {
            node.put("type", "vector");
            node.put("size", shape.size());
        }
    }

    private static Shape readShape(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new ModelFileException(where + " must be an object");
        }
        String type = text(node, "type", where);
        return switch (type) {
            case "image" -> Shape.image(positive(node, "channels", where), positive(node, "height", where),
                    positive(node, "width", where));
            case "sequence" -> Shape.sequence(positive(node, "steps", where), positive(node, "features", where));
            case "vector" -> Shape.vector(positive(node, "size", where));
            default -> throw new ModelFileException(where + ".type \"" + type + "\" is unknown; known: vector, image, sequence");
        };
    }

    private static void writeActivation(ObjectNode node, Activation f) {
        node.put("activation", f.name());
        if (f instanceof LeakyRelu leaky) {
            node.put("alpha", leaky.alpha());
        }
    }

    private static Activation activation(JsonNode layer, String where) {
        try {
            JsonNode alpha = layer.get("alpha");
            return Activations.byName(text(layer, "activation", where), alpha == null ? 0.01 : alpha.asDouble());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(where + ".activation: " + e.getMessage(), e);
        }
    }

    private static Padding padding(JsonNode layer, String where) {
        String name = text(layer, "padding", where);
        for (Padding p : Padding.values()) {
            if (p.toString().equals(name)) {
                return p;
            }
        }
        throw new ModelFileException(where + ".padding \"" + name + "\" is unknown; known: valid, same");
    }

    private static RecurrentLayer.Output recurrentOutput(JsonNode layer, String where) {
        String name = text(layer, "output", where);
        for (RecurrentLayer.Output o : RecurrentLayer.Output.values()) {
            if (o.name().toLowerCase(java.util.Locale.ROOT).equals(name)) {
                return o;
            }
        }
        throw new ModelFileException(where + ".output \"" + name + "\" is unknown; known: last_step, every_step");
    }

    private static void writeMatrix(ArrayNode node, Parameter p) {
        for (int j = 0; j < p.rows(); j++) {
            ArrayNode row = node.addArray();
            for (int i = 0; i < p.cols(); i++) {
                row.add(p.value(j, i));
            }
        }
    }

    private static void writeVector(ArrayNode node, Parameter p) {
        for (int j = 0; j < p.cols(); j++) {
            node.add(p.value(0, j));
        }
    }

    private static int positive(JsonNode node, String field, String where) {
        int v = integer(node, field, where);
        if (v <= 0) {
            throw new ModelFileException(path(where, field) + " must be positive, found " + v);
        }
        return v;
    }

    private static JsonNode array(JsonNode node, int size, String where, String what) {
        if (node == null || !node.isArray()) {
            throw new ModelFileException(where + " is missing or not an array");
        }
        if (node.size() != size) {
            throw new ModelFileException(where + " has " + node.size() + " entries, expected " + size + " (" + what + ")");
        }
        return node;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new ModelFileException(path(where, field) + " is missing or not a string");
        }
        return v.asText();
    }

    private static int integer(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isInt()) {
            throw new ModelFileException(path(where, field) + " is missing or not an integer");
        }
        return v.asInt();
    }

    private static double[][] matrix(JsonNode node, int rows, int cols, String where) {
        return matrix(node, rows, cols, where, "outputSize");
    }

    private static double[][] matrix(JsonNode node, int rows, int cols, String where, String rowsAre) {
        if (node == null || !node.isArray()) {
            throw new ModelFileException(where + " is missing or not an array of rows");
        }
        if (node.size() != rows) {
            throw new ModelFileException(where + " has " + node.size() + " rows, expected " + rows + " (" + rowsAre + ")");
        }
        double[][] m = new double[rows][];
        for (int j = 0; j < rows; j++) {
            m[j] = vector(node.get(j), cols, where + "[" + j + "]");
        }
        return m;
    }

    private static double[] vector(JsonNode node, int size, String where) {
        if (node == null || !node.isArray()) {
            throw new ModelFileException(where + " is missing or not an array");
        }
        if (node.size() != size) {
            throw new ModelFileException(where + " has " + node.size() + " values, expected " + size);
        }
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            JsonNode x = node.get(i);
            if (!x.isNumber() || !Double.isFinite(x.asDouble())) {
                // a number too large for a double reads as Infinity; anything else is shown as written
                throw new ModelFileException(where + "[" + i + "] must be a finite number, found "
                        + (x.isNumber() ? String.valueOf(x.asDouble()) : x.toString()));
            }
            v[i] = x.asDouble();
        }
        return v;
    }

    private static String path(String where, String field) {
        return where.isEmpty() ? "\"" + field + "\"" : where + "." + field;
    }
}
