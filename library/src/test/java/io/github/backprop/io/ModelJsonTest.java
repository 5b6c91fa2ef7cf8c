package io.github.backprop.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.backprop.activation.Activations;
import io.github.backprop.activation.LeakyRelu;
import io.github.backprop.init.Initializers;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@DisplayName("Model files")
class ModelJsonTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final double[][] X = {{0.1, -0.7, 2.5}, {-3.0, 0.25, 1e-3}, {0, 0, 0}};

    /** Every activation, random weights and biases with all 17 significant digits. */
    static Network network() {
        return Network.builder(3)
                .dense(4, Activations.tanh())
                .dense(4, Activations.relu())
                .dense(3, Activations.leakyRelu(0.2))
                .dense(3, Activations.identity())
                .dense(2, Activations.sigmoid())
                .dense(2, Activations.softmax())
                .biasInitializer(Initializers.uniform(0.5))
                .seed(2024)
                .build();
    }

    /** The network's JSON, changed by {@code edit}. */
    static String edited(Consumer<ObjectNode> edit) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(ModelJson.toJson(network()));
            edit.accept(root);
            return MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode layer(ObjectNode root, int i) {
        return (ObjectNode) root.get("layers").get(i);
    }

    static String loadError(String json) {
        return assertThrows(ModelFileException.class, () -> ModelJson.fromJson(json)).getMessage();
    }

    @Nested
    @DisplayName("round trip")
    class RoundTrip {

        @Test
        @DisplayName("through JSON text gives bit-identical weights and predictions")
        void text() {
            Network original = network();
            Network loaded = ModelJson.fromJson(ModelJson.toJson(original));
            for (int i = 0; i < original.parameters().size(); i++) {
                assertEquals(original.parameters().get(i).values(), loaded.parameters().get(i).values());
            }
            assertArrayEquals(original.predict(X), loaded.predict(X));
        }

        @Test
        @DisplayName("through a file gives bit-identical predictions and the same architecture")
        void file(@TempDir Path dir) throws IOException {
            Network original = network();
            Path file = dir.resolve("model.json");
            ModelJson.save(original, file);
            Network loaded = ModelJson.load(file);
            assertArrayEquals(original.predict(X), loaded.predict(X));
            assertEquals(original.toString(), loaded.toString());
            assertEquals(0.2, assertInstanceOf(LeakyRelu.class, loaded.layer(3).activation()).alpha());
        }

        @Test
        @DisplayName("writes the documented fields: format, version, inputSize and per layer type, sizes, activation, weights, biases")
        void fields() throws IOException {
            Network net = Network.builder(2).dense(new double[][] {{0.1, -0.2}}, new double[] {0.3}, Activations.sigmoid()).build();
            ObjectNode root = (ObjectNode) MAPPER.readTree(ModelJson.toJson(net));
            assertEquals("backprop-network", root.get("format").asText());
            assertEquals(1, root.get("version").asInt());
            assertEquals(2, root.get("inputSize").asInt());
            ObjectNode l = layer(root, 0);
            assertEquals("dense", l.get("type").asText());
            assertEquals("sigmoid", l.get("activation").asText());
            assertEquals(-0.2, l.get("weights").get(0).get(1).asDouble());
            assertEquals(0.3, l.get("biases").get(0).asDouble());
        }

        @Test
        @DisplayName("saving replaces an existing file and leaves no temporary file behind")
        void replaces(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("model.json");
            Files.writeString(file, "old content");
            ModelJson.save(network(), file);
            assertEquals(ModelJson.toJson(network()), Files.readString(file));
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(1, files.count());
            }
        }
    }

    @Nested
    @DisplayName("saved files get the user's normal permissions")
    class Permissions {

        @BeforeEach
        void posixOnly(@TempDir Path dir) {
            assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "a POSIX file system");
        }

        @Test
        @DisplayName("a replaced file keeps its permissions, 0644 or 0640 alike")
        void replacedFileKeepsThem(@TempDir Path dir) throws IOException {
            for (String mode : List.of("rw-r--r--", "rw-r-----", "rw-rw-rw-")) {
                Path file = dir.resolve("model-" + mode + ".json");
                Files.writeString(file, "old");
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
                ModelJson.save(network(), file);
                assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
                assertEquals(ModelJson.toJson(network()), Files.readString(file));
            }
        }

        @Test
        @DisplayName("a new file gets the permissions any new file of the user gets (the umask's)")
        void newFileGetsTheDefault(@TempDir Path dir) throws IOException {
            Path usual = Files.createFile(dir.resolve("usual.txt"));
            Path file = dir.resolve("model.json");
            ModelJson.save(network(), file);
            assertEquals(Files.getPosixFilePermissions(usual), Files.getPosixFilePermissions(file));
        }

        @Test
        @DisplayName("saving through a symbolic link replaces the file it points to and keeps the link")
        void symbolicLink(@TempDir Path dir) throws IOException {
            Path real = dir.resolve("real.json");
            Files.writeString(real, "old");
            Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
            ModelJson.save(network(), link);
            assertTrue(Files.isSymbolicLink(link));
            assertEquals(ModelJson.toJson(network()), Files.readString(real));
        }
    }

    @Nested
    @DisplayName("a failed save")
    class FailedSave {

        @Test
        @DisplayName("of a network with a NaN weight names it and leaves the existing file unchanged")
        void nanWeight(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("model.json");
            ModelJson.save(network(), file);
            byte[] before = Files.readAllBytes(file);
            Network diverged = network();
            Parameter w2 = diverged.denseLayer(2).weights();
            // what a diverged optimiser leaves behind (Parameter.set would refuse it)
            w2.valueArray()[5] = Double.NaN;

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelJson.save(diverged, file));

            assertTrue(e.getMessage().contains("W2[1][1] is NaN"), e::getMessage);
            assertArrayEquals(before, Files.readAllBytes(file));
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(1, files.count(), "no temporary file is left behind");
            }
        }

        @Test
        @DisplayName("into a missing directory throws an IOException and creates nothing")
        void missingDirectory(@TempDir Path dir) {
            assertThrows(NoSuchFileException.class, () -> ModelJson.save(network(), dir.resolve("no/such/dir/model.json")));
            assertTrue(Files.notExists(dir.resolve("no")));
        }
    }

    @Nested
    @DisplayName("loading rejects, naming the problem")
    class Rejects {

        @Test
        @DisplayName("a truncated file")
        void truncated() {
            String json = ModelJson.toJson(network());
            String m = loadError(json.substring(0, json.length() / 2));
            assertTrue(m.startsWith("not valid JSON (is the file truncated?)"), m);
        }

        @Test
        @DisplayName("a truncated file, naming the file")
        void truncatedFile(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("broken.json");
            String json = ModelJson.toJson(network());
            Files.writeString(file, json.substring(0, json.length() - 10), StandardCharsets.UTF_8);
            ModelFileException e = assertThrows(ModelFileException.class, () -> ModelJson.load(file));
            assertTrue(e.getMessage().startsWith(file + ": not valid JSON"), e::getMessage);
        }

        @Test
        @DisplayName("an empty file and a JSON value that is not an object")
        void notAnObject() {
            assertTrue(loadError("").startsWith("expected a JSON object describing a network"), loadError(""));
            assertEquals("expected a JSON object describing a network, found array", loadError("[1, 2]"));
        }

        @Test
        @DisplayName("a weight row of the wrong length")
        void wrongRowLength() {
            String json = edited(root -> ((ArrayNode) layer(root, 0).get("weights").get(1)).add(0.5));
            assertEquals("layers[0].weights[1] has 4 values, expected 3", loadError(json));
        }

        @Test
        @DisplayName("the wrong number of weight rows or biases")
        void wrongCounts() {
            assertEquals("layers[1].weights has 3 rows, expected 4 (outputSize)",
                    loadError(edited(root -> ((ArrayNode) layer(root, 1).get("weights")).remove(0))));
            assertEquals("layers[2].biases has 4 values, expected 3",
                    loadError(edited(root -> ((ArrayNode) layer(root, 2).get("biases")).add(0.0))));
        }

        @Test
        @DisplayName("layers that do not chain (a layer's inputs differ from the previous layer's outputs)")
        void wrongChaining() {
            String json = edited(root -> layer(root, 1).put("inputSize", 5));
            assertEquals("layers[1].inputSize is 5 but the previous layer has 4 outputs", loadError(json));
        }

        @Test
        @DisplayName("a first layer whose inputs differ from the network's")
        void wrongInput() {
            assertEquals("layers[0].inputSize is 3 but the previous layer has 2 outputs",
                    loadError(edited(root -> root.put("inputSize", 2))));
        }

        @Test
        @DisplayName("an unknown activation, listing the known ones")
        void unknownActivation() {
            String m = loadError(edited(root -> layer(root, 0).put("activation", "swish")));
            assertTrue(m.startsWith("layers[0].activation: unknown activation 'swish'; known: sigmoid, tanh"), m);
        }

        @Test
        @DisplayName("an unknown layer type")
        void unknownType() {
            assertEquals("layers[0].type \"conv\" is unknown; known: dense, conv2d, maxPool, flatten, recurrent",
                    loadError(edited(root -> layer(root, 0).put("type", "conv"))));
        }

        @Test
        @DisplayName("a NaN weight, written as a string or as a bare token")
        void nanWeight() {
            String asString = edited(root -> ((ArrayNode) layer(root, 0).get("weights").get(2)).set(1, "NaN"));
            assertEquals("layers[0].weights[2][1] must be a finite number, found \"NaN\"", loadError(asString));
            String bare = ModelJson.toJson(network()).replaceFirst("(\"biases\" : \\[ )[-0-9.eE]+", "$1NaN");
            String m = loadError(bare);
            assertTrue(m.startsWith("not valid JSON") && m.contains("NaN"), m);
        }

        @Test
        @DisplayName("a weight too large to be a double")
        void infiniteWeight() {
            String json = ModelJson.toJson(network()).replaceFirst("(\"biases\" : \\[ )[-0-9.eE]+", "$11e999");
            assertEquals("layers[0].biases[0] must be a finite number, found Infinity", loadError(json));
        }

        @Test
        @DisplayName("a missing field")
        void missingField() {
            assertEquals("layers[3].biases is missing or not an array", loadError(edited(root -> layer(root, 3).remove("biases"))));
            assertEquals("layers[0].activation is missing or not a string",
                    loadError(edited(root -> layer(root, 0).remove("activation"))));
            assertEquals("\"inputSize\" is missing or not an integer", loadError(edited(root -> root.remove("inputSize"))));
        }

        @Test
        @DisplayName("no layers")
        void noLayers() {
            assertEquals("\"layers\" must be a non-empty array: a network needs at least one layer",
                    loadError(edited(root -> root.putArray("layers"))));
        }

        @Test
        @DisplayName("the wrong format")
        void wrongFormat() {
            assertEquals("\"format\" must be \"backprop-network\", found \"keras\"", loadError(edited(root -> root.put("format", "keras"))));
        }

        @Test
        @DisplayName("another version")
        void wrongVersion() {
            assertEquals("unsupported version 2; this library reads version 1", loadError(edited(root -> root.put("version", 2))));
            assertEquals("\"version\" is missing or not an integer", loadError(edited(root -> root.put("version", "1"))));
        }

        @Test
        @DisplayName("a file of bytes that are not text, with the library's own exception naming the file and the byte")
        void garbageBytes(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("photo.json");
            Files.write(file, new byte[] {'{', ' ', (byte) 0xFF, (byte) 0xD8, 0, 1});
            ModelFileException e = assertThrows(ModelFileException.class, () -> ModelJson.load(file));
            assertEquals(file + ": not a model file: byte 2 (of 6) is not UTF-8 text, and a model file is the JSON"
                    + " text ModelJson.save writes", e.getMessage());
        }

        @Test
        @DisplayName("a field of the wrong type, such as a leaky ReLU's alpha written as text")
        void alphaOfTheWrongType() {
            assertEquals("layers[2].alpha (leaky ReLU's slope) must be a finite number, found \"abc\"",
                    loadError(edited(root -> layer(root, 2).put("alpha", "abc"))));
            assertEquals("layers[2].alpha (leaky ReLU's slope) must be a finite number, found true",
                    loadError(edited(root -> layer(root, 2).put("alpha", true))));
            assertEquals(0.2, ((LeakyRelu) ModelJson.fromJson(ModelJson.toJson(network()))
                    .layer(3).activation()).alpha());
        }

        @Test
        @DisplayName("content after the network's JSON, naming where it starts")
        void trailingContent() {
            String json = ModelJson.toJson(network());
            String twice = json + json;
            String m = loadError(twice);
            int lines = (int) json.chars().filter(c -> c == '\n').count();
            assertEquals("more content after the end of the network's JSON, at line " + (lines + 1) + ", column 1: a"
                    + " model file holds one JSON object and nothing after it (were two files joined?)", m);
            assertTrue(loadError(json + "garbage").startsWith("more content after the end of the network's JSON"));
            assertEquals(ModelJson.toJson(ModelJson.fromJson(json + "\n  \n")), json, "white space after it is fine");
        }

        @Test
        @DisplayName("a file that does not exist, with an IOException")
        void noFile(@TempDir Path dir) {
            assertThrows(NoSuchFileException.class, () -> ModelJson.load(dir.resolve("missing.json")));
        }
    }
}
