package io.github.backprop.io;

import io.github.backprop.activation.Activations;
import io.github.backprop.nn.MaxPoolLayer;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Padding;
import io.github.backprop.nn.Parameter;
import io.github.backprop.nn.RecurrentLayer;
import io.github.backprop.nn.Shape;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Model files with convolution, pooling, flatten and recurrent layers")
class ModelJsonLayersTest {

    static Network convNet() {
        return Network.builder(Shape.image(2, 6, 6))
                .conv2d(3, 3, Padding.SAME, Activations.leakyRelu(0.1))
                .maxPool(2)
                .conv2d(2, 2, Padding.VALID, Activations.tanh())
                .flatten()
                .dense(3, Activations.softmax())
                .seed(8)
                .build();
    }

    static Network recurrentNet() {
        return Network.builder(Shape.sequence(4, 2))
                .recurrent(3, RecurrentLayer.Output.EVERY_STEP)
                .recurrent(2)
                .dense(1, Activations.sigmoid())
                .seed(9)
                .build();
    }

    static double[] sample(int size) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = Math.sin(i * 0.7);
        }
        return x;
    }

    static void assertSameNetwork(Network expected, Network actual) {
        assertEquals(expected.inputShape(), actual.inputShape());
        assertEquals(expected.toString(), actual.toString());
        assertEquals(expected.parameters().size(), actual.parameters().size());
        for (int i = 0; i < expected.parameters().size(); i++) {
            Parameter p = expected.parameters().get(i);
            assertEquals(p.name(), actual.parameters().get(i).name());
            assertArrayEquals(p.valueArray(), actual.parameters().get(i).valueArray(), 0.0, p.name());
        }
        double[] x = sample(expected.inputSize());
        assertArrayEquals(expected.predict(x), actual.predict(x), 0.0);
    }

    @Nested
    @DisplayName("survive a round trip bit for bit")
    class RoundTrip {

        @Test
        @DisplayName("for a convolutional network, with the input shape and the kernels as K[o][c][p][q]")
        void conv() {
            Network net = convNet();
            String json = ModelJson.toJson(net);
            assertTrue(json.contains("\"inputShape\""), json);
            assertTrue(json.contains("\"type\" : \"conv2d\""), json);
            assertTrue(json.contains("\"padding\" : \"same\""), json);
            assertTrue(json.contains("\"type\" : \"maxPool\""), json);
            assertTrue(json.contains("\"type\" : \"flatten\""), json);
            assertSameNetwork(net, ModelJson.fromJson(json));
        }

        @Test
        @DisplayName("for stacked recurrent layers, through a file")
        void recurrent(@TempDir Path dir) throws IOException {
            Network net = recurrentNet();
            Path file = dir.resolve("rnn.json");
            ModelJson.save(net, file);
            String json = java.nio.file.Files.readString(file);
            assertTrue(json.contains("\"output\" : \"every_step\""), json);
            assertTrue(json.contains("\"recurrentWeights\""), json);
            assertSameNetwork(net, ModelJson.load(file));
        }

        @Test
        @DisplayName("for max pooling that drops leftover rows and columns, which the file says")
        void poolDroppingLeftovers() {
            Network net = Network.builder(Shape.image(1, 5, 5)).maxPool(2, MaxPoolLayer.Leftover.DROP).flatten()
                    .dense(1, Activations.sigmoid()).seed(3).build();
            String json = ModelJson.toJson(net);
            assertTrue(json.contains("\"leftover\" : \"drop\""), json);
            assertSameNetwork(net, ModelJson.fromJson(json));
            assertFalse(ModelJson.toJson(convNet()).contains("leftover"), "a dividing window writes nothing new");
        }

        @Test
        @DisplayName("and a dense network's file has no inputShape, as before")
        void denseUnchanged() {
            String json = ModelJson.toJson(Network.builder(2).dense(1, Activations.sigmoid()).seed(1).build());
            assertTrue(!json.contains("inputShape"), json);
        }
    }

    @Nested
    @DisplayName("are rejected, naming the place, when")
    class Malformed {
        final String conv = ModelJson.toJson(convNet());
        final String rnn = ModelJson.toJson(recurrentNet());

        ModelFileException reading(String json) {
            return assertThrows(ModelFileException.class, () -> ModelJson.fromJson(json));
        }

        @Test
        @DisplayName("a kernel grid has the wrong size")
        void kernelSize() {
            String broken = conv.replaceFirst("\"kernelSize\" : 3", "\"kernelSize\" : 2");
            ModelFileException e = reading(broken);
            assertTrue(e.getMessage().contains("layers[0].kernels[0][0] has 3 rows, expected 2 (kernelSize)"),
                    e.getMessage());
        }

        @Test
        @DisplayName("the padding or the recurrent output is unknown")
        void names() {
            assertTrue(reading(conv.replace("\"same\"", "\"full\"")).getMessage()
                    .contains("layers[0].padding \"full\" is unknown; known: valid, same"));
            assertTrue(reading(rnn.replace("\"every_step\"", "\"all\"")).getMessage()
                    .contains("layers[0].output \"all\" is unknown; known: last_step, every_step"));
        }

        @Test
        @DisplayName("a stated output size does not match the layer")
        void outputSize() {
            String broken = conv.replaceFirst("\"outputSize\" : 27", "\"outputSize\" : 28")
                    .replaceFirst("\"inputSize\" : 27", "\"inputSize\" : 28");
            ModelFileException e = reading(broken);
            assertTrue(e.getMessage().contains("layers[1].outputSize is 28 but this maxPool layer gives image 3x3x3 (27 values)"),
                    e.getMessage());
        }

        @Test
        @DisplayName("the input shape does not match the input size")
        void inputShape() {
            ModelFileException e = reading(conv.replace("\"width\" : 6", "\"width\" : 5"));
            assertTrue(e.getMessage().contains("\"inputShape\" (image 2x6x5) has 60 values but \"inputSize\" is 72"),
                    e.getMessage());
        }

        @Test
        @DisplayName("a layer does not fit the shape it reads")
        void layerDoesNotFit() {
            String broken = conv.replace("\"size\" : 2", "\"size\" : 7");
            ModelFileException e = reading(broken);
            assertTrue(e.getMessage().contains("layers[1]: layer 2 (maxPool): a 7x7 window does not fit"), e.getMessage());
        }

        @Test
        @DisplayName("a pooling window does not divide the image and the file does not say to drop the leftovers")
        void poolLeftovers() {
            String dropping = ModelJson.toJson(Network.builder(Shape.image(1, 5, 5))
                    .maxPool(2, MaxPoolLayer.Leftover.DROP).build());
            ModelFileException e = reading(dropping.replace(",\n    \"leftover\" : \"drop\"", ""));
            assertTrue(e.getMessage().contains("layers[0]: layer 1 (maxPool): a 2x2 window does not divide the 5x5 input")
                    && e.getMessage().endsWith("(in a model file: \"leftover\" : \"drop\")"), e.getMessage());
            String unknown = conv.replace("\"size\" : 2", "\"size\" : 2, \"leftover\" : \"keep\"");
            assertTrue(reading(unknown).getMessage().contains("layers[1].leftover \"keep\" is unknown; known: refuse, drop"));
        }

        @Test
        @DisplayName("recurrent weights have the wrong shape")
        void recurrentWeights() {
            String broken = rnn.replaceFirst("\"hiddenSize\" : 3", "\"hiddenSize\" : 4");
            ModelFileException e = reading(broken);
            assertTrue(e.getMessage().contains("layers[0].inputWeights has 3 rows, expected 4 (hiddenSize)"), e.getMessage());
        }

        @Test
        @DisplayName("the layer type is unknown, listing the known ones")
        void unknownType() {
            ModelFileException e = reading(conv.replaceFirst("\"conv2d\"", "\"conv3d\""));
            assertTrue(e.getMessage().contains("known: dense, conv2d, maxPool, flatten, recurrent"), e.getMessage());
        }
    }
}
