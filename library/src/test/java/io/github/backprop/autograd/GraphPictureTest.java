package io.github.backprop.autograd;

import io.github.backprop.chart.Picture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A picture of a graph")
class GraphPictureTest {

    /** The loss of the 2-2-1 network of notebooks 01-05 after backward(): 29 values. */
    static Value handWorkedLoss() {
        Mlp mlp = Mlp.from(MlpTest.handWorked());
        Value loss = Mlp.mse(mlp.forward(MlpTest.X[0]).output(), MlpTest.Y[0]).label("L");
        loss.backward();
        return loss;
    }

    /** A graph of exactly {@code size} values with forks and long edges, from a seeded generator. */
    static Value randomGraph(int size, long seed) {
        Random random = new Random(seed);
        List<Value> values = new ArrayList<>();
        List<Value> unused = new ArrayList<>();
        // the graph: every value made, plus one + per unused value but the first, to join them
        while (values.size() + Math.max(0, unused.size() - 1) < size) {
            boolean lastOne = values.size() + Math.max(0, unused.size() - 1) == size - 1;
            Value v;
            if (values.size() < 2 || (lastOne && unused.isEmpty())) {
                v = Value.of(random.nextDouble() - 0.5, "c" + values.size());
            } else if (lastOne) {
                v = unused.remove(random.nextInt(unused.size())).sigmoid();
            } else {
                Value a = values.get(random.nextInt(values.size()));
                Value b = values.get(random.nextInt(values.size()));
                int kind = random.nextInt(5);
                v = switch (kind) {
                    case 0 -> a.add(b);
                    case 1 -> a.mul(b);
                    case 2 -> a.tanh();
                    case 3 -> b.sigmoid();
                    default -> Value.of(random.nextDouble() - 0.5, "c" + values.size());
                };
                for (Value input : v.inputs()) {
                    unused.remove(input);
                }
            }
            values.add(v);
            unused.add(v);
        }
        Value root = unused.get(0);
        for (int k = 1; k < unused.size(); k++) {
            root = root.add(unused.get(k));
        }
        return root.label("root");
    }

    static BufferedImage decode(Picture picture) throws IOException {
        byte[] png = picture.toPng();
        assertTrue(png.length > 1000, "a PNG of some size, got " + png.length + " bytes");
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Nested
    @DisplayName("of the 2-2-1 network's loss")
    class HandWorked {
        @Test
        @DisplayName("is a PNG that fits a notebook's width, drawn top to bottom because the graph is 12 columns deep")
        void png() throws IOException {
            Picture picture = GraphPicture.of(handWorkedLoss());
            BufferedImage image = decode(picture);
            assertEquals(picture.width(), image.getWidth());
            assertTrue(image.getWidth() >= 400 && image.getWidth() <= GraphPicture.NOTEBOOK_WIDTH, "width " + image.getWidth());
            assertTrue(image.getHeight() >= 600 && image.getHeight() <= 1400, "height " + image.getHeight());
            assertEquals("graph of L: 29 values", picture.title());
        }

        @Test
        @DisplayName("draws different pictures before and after backward() (the grads are shown)")
        void gradsShown() {
            Mlp mlp = Mlp.from(MlpTest.handWorked());
            Value loss = Mlp.mse(mlp.forward(MlpTest.X[0]).output(), MlpTest.Y[0]).label("L");
            byte[] before = GraphPicture.of(loss).toPng();
            loss.backward();
            byte[] after = GraphPicture.of(loss).toPng();
            assertTrue(!Arrays.equals(before, after));
        }
    }

    @Test
    @DisplayName("of a small expression is drawn left to right")
    void smallLeftToRight() throws IOException {
        Value a = Value.of(2, "a");
        Value b = Value.of(-3, "b");
        Value out = a.mul(b).add(a).label("out");
        out.backward();
        GraphLayout layout = new GraphLayout(out.topologicalOrder(), 100, 50, 30, GraphLayout.Direction.LEFT_TO_RIGHT);
        assertEquals(3, layout.columnCount());
        BufferedImage image = decode(GraphPicture.of(out));
        assertTrue(image.getWidth() > image.getHeight(), image.getWidth() + "x" + image.getHeight());
    }

    @Nested
    @DisplayName("lays out")
    class Layout {
        @Test
        @DisplayName("every value after its inputs, the root alone in the last column, no two boxes or bend points overlapping")
        void noOverlaps() {
            for (Value root : List.of(handWorkedLoss(), randomGraph(60, 1), randomGraph(45, 2), randomGraph(30, 3))) {
                for (GraphLayout.Direction d : GraphLayout.Direction.values()) {
                    GraphLayout layout = new GraphLayout(root.topologicalOrder(), 110, 52, 30, d);
                    assertLayout(layout, root);
                }
            }
        }

        void assertLayout(GraphLayout layout, Value root) {
            GraphLayout.Node last = layout.boxes.get(layout.boxes.size() - 1);
            assertTrue(last.value == root && last.column == layout.columnCount() - 1);
            for (GraphLayout.Edge e : layout.edges) {
                assertTrue(e.from().column < e.to().column, "edges run forwards");
                for (int k = 1; k < e.path().size(); k++) {
                    assertEquals(e.path().get(k - 1).column + 1, e.path().get(k).column, "one column per step");
                }
            }
            List<GraphLayout.Node> all = new ArrayList<>(layout.boxes);
            for (GraphLayout.Edge e : layout.edges) {
                all.addAll(e.path().subList(1, e.path().size() - 1));
            }
            boolean across = layout.direction == GraphLayout.Direction.LEFT_TO_RIGHT;
            for (int i = 0; i < all.size(); i++) {
                for (int j = i + 1; j < all.size(); j++) {
                    GraphLayout.Node p = all.get(i);
                    GraphLayout.Node q = all.get(j);
                    if (p.column != q.column) {
                        continue;
                    }
                    double gap = Math.abs(across ? p.y - q.y : p.x - q.x);
                    double room = (extent(layout, p) + extent(layout, q)) / 2;
                    assertTrue(gap >= room, "overlap in column " + p.column + ": " + gap + " < " + room);
                }
            }
            for (GraphLayout.Node n : layout.boxes) {
                assertTrue(n.x - layout.boxWidth / 2.0 >= 0 && n.x + layout.boxWidth / 2.0 <= layout.width, "inside horizontally");
                assertTrue(n.y - layout.boxHeight / 2.0 >= 0 && n.y + layout.boxHeight / 2.0 <= layout.height, "inside vertically");
            }
        }

        double extent(GraphLayout layout, GraphLayout.Node n) {
            if (n.value == null) {
                return GraphLayout.BEND;
            }
            return layout.direction == GraphLayout.Direction.LEFT_TO_RIGHT ? layout.boxHeight : layout.boxWidth;
        }

        @Test
        @DisplayName("random graphs with fewer crossings than their first order")
        void fewerCrossings() {
            for (Value root : List.of(randomGraph(60, 1), randomGraph(45, 2), randomGraph(30, 3))) {
                GraphLayout layout = new GraphLayout(root.topologicalOrder(), 110, 52, 30, GraphLayout.Direction.TOP_TO_BOTTOM);
                assertTrue(layout.crossings() < layout.crossingsBefore, layout.crossings() + " vs " + layout.crossingsBefore);
            }
        }
    }

    @Nested
    @DisplayName("of a graph that is too large")
    class TooLarge {
        @Test
        @DisplayName("is refused with the number of values and what to do instead")
        void refused() {
            Value root = randomGraph(61, 7);
            assertEquals(61, root.topologicalOrder().size());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GraphPicture.of(root));
            assertTrue(e.getMessage().contains("61 values") && e.getMessage().contains("at most 60")
                    && e.getMessage().contains("sub-expression"), e.getMessage());
        }

        @Test
        @DisplayName("is drawn up to 60 values")
        void sixty() throws IOException {
            Value root = randomGraph(60, 7);
            assertEquals(60, root.topologicalOrder().size());
            BufferedImage image = decode(GraphPicture.of(root));
            assertTrue(image.getWidth() < 4000 && image.getHeight() < 4000, image.getWidth() + "x" + image.getHeight());
        }
    }

    @Nested
    @DisplayName("keeps no shared state")
    class NoSharedState {
        @Test
        @DisplayName("two threads building and drawing the same graph get the same results and the same PNG bytes")
        void twoThreads() throws Exception {
            Callable<Object[]> job = () -> {
                Value loss = handWorkedLoss();
                return new Object[] {GraphPicture.of(loss).toPng(), loss.data(), GraphPicture.of(randomGraph(50, 9)).toPng()};
            };
            Object[] alone = job.call();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Object[]>> results = pool.invokeAll(List.of(job, job, job, job));
                for (Future<Object[]> f : results) {
                    Object[] r = f.get();
                    assertArrayEquals((byte[]) alone[0], (byte[]) r[0]);
                    assertEquals(alone[1], r[1]);
                    assertArrayEquals((byte[]) alone[2], (byte[]) r[2]);
                }
            } finally {
                pool.shutdown();
                assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
            }
        }

        @Test
        @DisplayName("every static field in the package is a final constant")
        void noStaticMutableFields() {
            for (Class<?> type : List.of(Value.class, Nonlinearity.class, Neuron.class, NeuronLayer.class, Mlp.class,
                    GraphPicture.class, GraphLayout.class)) {
                for (Field f : type.getDeclaredFields()) {
                    int m = f.getModifiers();
                    if (Modifier.isStatic(m) && !f.isSynthetic() && !f.isEnumConstant()) {
                        assertTrue(Modifier.isFinal(m), type.getSimpleName() + "." + f.getName() + " is static and not final");
                        assertTrue(f.getType().isPrimitive() || f.getType() == String.class
                                        || f.getType() == java.awt.Font.class || f.getType() == java.awt.Color.class,
                                type.getSimpleName() + "." + f.getName() + " is a " + f.getType().getSimpleName());
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("is a copy: drawing on the image it was made from afterwards changes nothing")
    void pictureOfCopies() {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        Picture picture = Picture.of("four by three", image);
        image.setRGB(1, 1, 0xFFFFFF);
        assertEquals(0, picture.image().getRGB(1, 1) & 0xFFFFFF);
        assertEquals(4, picture.width());
        assertEquals("four by three (4x3 image)", picture.toString());
    }

    @Test
    @DisplayName("shows numbers with four significant digits and no trailing zeros")
    void numbers() {
        assertEquals("data 0.3775", GraphPicture.line("data", 0.3775));
        assertEquals("grad 1", GraphPicture.line("grad", 1.0));
        assertEquals("grad 0", GraphPicture.line("grad", 0.0));
        assertEquals("data -0.01337", GraphPicture.line("data", -0.013367920));
        assertEquals("grad 1.25e-05", GraphPicture.line("grad", 1.25e-5));
        assertEquals("data 1.106", GraphPicture.line("data", 1.10590596705977));
    }
}
