package io.github.backprop.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.backprop.activation.Activation;
import io.github.backprop.activation.Activations;
import io.github.backprop.nn.MaxPoolLayer;
import io.github.backprop.nn.Padding;
import io.github.backprop.nn.RecurrentLayer;
import io.github.backprop.nn.Shape;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields of a model file, read and written: numbers, names and arrays, each read with a check
 * whose message names the field's path (e.g. {@code layers[1].weights[0][2]}) and what was found.
 */
final class JsonFields {
    /** Indents the JSON it writes. */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFields() {
    }

    /**
     * The activation a model file names: the format's own names (the ones {@link Activation#name()}
     * gives), with leaky ReLU's slope alpha.
     */
    static Activation activationByName(String name, double alpha) {
        return switch (name) {
            case "sigmoid" -> Activations.sigmoid();
            case "tanh" -> Activations.tanh();
            case "relu" -> Activations.relu();
            case "leaky_relu" -> Activations.leakyRelu(alpha);
            case "identity" -> Activations.identity();
            case "softmax" -> Activations.softmax();
            default -> throw new IllegalArgumentException("unknown activation '" + name
                    + "'; known: sigmoid, tanh, relu, leaky_relu, identity, softmax");
        };
    }

    static void writeShape(ObjectNode node, Shape shape) {
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

    static Shape readShape(JsonNode node, String where) {
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

    static Activation activation(JsonNode layer, String where) {
        JsonNode alpha = layer.get("alpha");
        if (alpha != null && !(alpha.isNumber() && Double.isFinite(alpha.asDouble()))) {
            throw new ModelFileException(path(where, "alpha") + " (leaky ReLU's slope) must be a finite number, found "
                    + (alpha.isNumber() ? String.valueOf(alpha.asDouble()) : alpha.toString()));
        }
        try {
            return activationByName(text(layer, "activation", where), alpha == null ? 0.01 : alpha.asDouble());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(where + ".activation: " + e.getMessage(), e);
        }
    }

    static Padding padding(JsonNode layer, String where) {
        return named(layer, "padding", where, Padding.values(), Padding::toString);
    }

    static RecurrentLayer.Output recurrentOutput(JsonNode layer, String where) {
        return named(layer, "output", where, RecurrentLayer.Output.values(), JsonFields::lowerCase);
    }

    static MaxPoolLayer.Leftover leftover(JsonNode layer, String where) {
        return named(layer, "leftover", where, MaxPoolLayer.Leftover.values(), JsonFields::lowerCase);
    }

    /** An enum's name as a model file writes it, e.g. {@code last_step}. */
    static String lowerCase(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The value whose name, as the file writes it, is the text of {@code field}; else a message listing the known names. */
    private static <E extends Enum<E>> E named(JsonNode layer, String field, String where, E[] values,
                                               Function<E, String> nameInFile) {
        String name = text(layer, field, where);
        for (E e : values) {
            if (nameInFile.apply(e).equals(name)) {
                return e;
            }
        }
        throw new ModelFileException(path(where, field) + " \"" + name + "\" is unknown; known: "
                + Arrays.stream(values).map(nameInFile).collect(Collectors.joining(", ")));
    }

    static int positive(JsonNode node, String field, String where) {
        int v = integer(node, field, where);
        if (v <= 0) {
            throw new ModelFileException(path(where, field) + " must be positive, found " + v);
        }
        return v;
    }

    static JsonNode array(JsonNode node, int size, String where, String what) {
        if (node == null || !node.isArray()) {
            throw new ModelFileException(where + " is missing or not an array");
        }
        if (node.size() != size) {
            throw new ModelFileException(where + " has " + node.size() + " entries, expected " + size + " (" + what + ")");
        }
        return node;
    }

    static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new ModelFileException(path(where, field) + " is missing or not a string");
        }
        return v.asText();
    }

    static int integer(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isInt()) {
            throw new ModelFileException(path(where, field) + " is missing or not an integer");
        }
        return v.asInt();
    }

    static double[][] matrix(JsonNode node, int rows, int cols, String where) {
        return matrix(node, rows, cols, where, "outputSize");
    }

    static double[][] matrix(JsonNode node, int rows, int cols, String where, String rowsAre) {
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

    static double[] vector(JsonNode node, int size, String where) {
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

    static String path(String where, String field) {
        return where.isEmpty() ? "\"" + field + "\"" : where + "." + field;
    }
}
