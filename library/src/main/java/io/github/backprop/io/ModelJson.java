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
import io.github.backprop.nn.DenseLayer;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;

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
 * to read back the same double. Loading checks everything and names the first problem found.
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
        ArrayNode layers = root.putArray("layers");
        for (DenseLayer layer : network.layers()) {
            ObjectNode l = layers.addObject();
            l.put("type", "dense");
            l.put("inputSize", layer.inputSize());
            l.put("outputSize", layer.outputSize());
            l.put("activation", layer.activation().name());
            if (layer.activation() instanceof LeakyRelu leaky) {
                l.put("alpha", leaky.alpha());
            }
            ArrayNode w = l.putArray("weights");
            for (int j = 0; j < layer.outputSize(); j++) {
                ArrayNode row = w.addArray();
                for (int i = 0; i < layer.inputSize(); i++) {
                    row.add(layer.weights().value(j, i));
                }
            }
            ArrayNode b = l.putArray("biases");
            for (int j = 0; j < layer.outputSize(); j++) {
                b.add(layer.biases().value(0, j));
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
        int expectedIn = inputSize;
        for (int l = 0; l < layers.size(); l++) {
            String where = "layers[" + l + "]";
            JsonNode layer = layers.get(l);
            if (!layer.isObject()) {
                throw new ModelFileException(where + " must be an object");
            }
            String type = text(layer, "type", where);
            if (!"dense".equals(type)) {
                throw new ModelFileException(where + ".type \"" + type + "\" is unknown; known: dense");
            }
            int in = integer(layer, "inputSize", where);
            int out = integer(layer, "outputSize", where);
            if (in != expectedIn) {
                throw new ModelFileException(where + ".inputSize is " + in + " but the previous layer has "
                        + expectedIn + " outputs");
            }
            if (out <= 0) {
                throw new ModelFileException(where + ".outputSize must be positive, found " + out);
            }
            Activation f;
            try {
                JsonNode alpha = layer.get("alpha");
                f = Activations.byName(text(layer, "activation", where), alpha == null ? 0.01 : alpha.asDouble());
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(where + ".activation: " + e.getMessage(), e);
            }
            double[][] w = matrix(layer.get("weights"), out, in, where + ".weights");
            double[] b = vector(layer.get("biases"), out, where + ".biases");
            builder.dense(w, b, f);
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
        if (node == null || !node.isArray()) {
            throw new ModelFileException(where + " is missing or not an array of rows");
        }
        if (node.size() != rows) {
            throw new ModelFileException(where + " has " + node.size() + " rows, expected " + rows + " (outputSize)");
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
