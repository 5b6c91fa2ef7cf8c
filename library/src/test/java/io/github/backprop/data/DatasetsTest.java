package io.github.backprop.data;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Data")
class DatasetsTest {

    @Nested
    @DisplayName("bundled with the library")
    class Bundled {
        @Test
        @DisplayName("are byte-for-byte the shared CSV files (SHA-256 as documented)")
        void checksums() throws Exception {
            assertEquals("9cc1c345c71bcc9b486b74cbf6063fa66f4bb5e0f603a4b3c3471ec2e5e8e355", sha256("iris.csv"));
            assertEquals("d7ff1341011182b7af3733b201a919cea2ffe00f25ff23ba48c5e791daffb498", sha256("digits.csv"));
        }

        @Test
        @DisplayName("iris has 150 flowers, 4 features and 3 named classes of 50")
        void iris() {
            Dataset iris = Datasets.iris();
            assertEquals(150, iris.size());
            assertEquals(4, iris.featureCount());
            assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
            int[] counts = new int[3];
            for (int label : iris.labels()) {
                counts[label]++;
            }
            assertArrayEquals(new int[] {50, 50, 50}, counts);
            assertEquals(5.1, iris.feature(0, 0), 0.0);
        }

        @Test
        @DisplayName("digits has 1797 images of 64 pixels scaled to [0, 1] and labels 0-9")
        void digits() {
            Dataset digits = Datasets.digits();
            assertEquals(1797, digits.size());
            assertEquals(64, digits.featureCount());
            assertEquals(10, digits.classCount());
            double max = Arrays.stream(digits.features()).flatMapToDouble(Arrays::stream).max().orElseThrow();
            double min = Arrays.stream(digits.features()).flatMapToDouble(Arrays::stream).min().orElseThrow();
            assertEquals(1.0, max);
            assertEquals(0.0, min);
            assertEquals(0, digits.label(0));
            assertEquals(5.0 / 16, digits.feature(0, 2), 0.0);
        }

        @Test
        @DisplayName("digits, read directly from the CSV, holds the same values as the Tablesaw table of the same file")
        void digitsMatchesItsTable() {
            Dataset digits = Datasets.digits();
            Table table = TableData.digitsTable();
            assertEquals(table.rowCount(), digits.size());
            for (int r = 0; r < table.rowCount(); r++) {
                for (int c = 0; c < 64; c++) {
                    assertEquals(table.numberColumn("p" + c).getDouble(r) / 16.0, digits.feature(r, c), 0.0);
                }
                assertEquals((int) table.numberColumn("label").getDouble(r), digits.label(r));
            }
        }

        @Test
        @DisplayName("iris, read directly from the CSV, is the dataset TableData makes of the Tablesaw table of the same file")
        void irisMatchesItsTable() {
            Dataset iris = Datasets.iris();
            Dataset fromTable = TableData.from(TableData.irisTable())
                    .features("sepal_length", "sepal_width", "petal_length", "petal_width")
                    .label("species")
                    .toDataset();
            assertEquals(150, iris.size());
            assertArrayEquals(fromTable.features(), iris.features());
            assertArrayEquals(fromTable.targets(), iris.targets());
            assertEquals(fromTable.classNames(), iris.classNames());
            assertEquals(fromTable.featureNames(), iris.featureNames());
            assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        }

        @Test
        @DisplayName("a malformed line of digits.csv is named with its line number, whatever is wrong with it")
        void malformedDigitLines() {
            String good = "0,".repeat(64) + "7";
            assertEquals(7, Datasets.digitRow(good, 2)[64]);
            for (String bad : List.of(good.replaceFirst("0", "17"), good.replaceFirst("0", "-1"),
                    good.replaceFirst("0,", ","), good + ",1", good.substring(2), good.replace("7", "10"),
                    good.replace("7", "x"), good + " ", "")) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> Datasets.digitRow(bad, 9));
                assertTrue(e.getMessage().contains("line 9"), e.getMessage());
            }
        }

        @Test
        @DisplayName("XOR has its four corners")
        void xor() {
            assertArrayEquals(new int[] {0, 1, 1, 0}, Datasets.xor().labels());
        }

        @Test
        @DisplayName("the 2-D datasets name their inputs x0 and x1, counted from 0 as in the notebooks")
        void inputNames() {
            assertEquals(List.of("x0", "x1"), Datasets.xor().featureNames());
            assertEquals(List.of("x0", "x1"), Datasets.moons(10, 0.1, 1).featureNames());
            assertEquals(List.of("x0", "x1"), Datasets.circles(10, 0.1, 0.5, 1).featureNames());
            assertEquals(List.of("x0", "x1"), Datasets.spirals(30, 3, 0.1, 1).featureNames());
        }
    }

    @Nested
    @DisplayName("digit tags, several per image")
    class DigitTags {
        @Test
        @DisplayName("are even, 5 or more, closed loop (0, 6, 8, 9) and prime (2, 3, 5, 7), as 0/1")
        void tagsOfEachDigit() {
            assertEquals(List.of("even", "5 or more", "closed loop", "prime"), Datasets.DIGIT_TAGS);
            assertArrayEquals(new double[] {1, 0, 1, 0}, Datasets.digitTags(0));
            assertArrayEquals(new double[] {0, 0, 0, 0}, Datasets.digitTags(1));
            assertArrayEquals(new double[] {1, 0, 0, 1}, Datasets.digitTags(2));
            assertArrayEquals(new double[] {0, 0, 0, 1}, Datasets.digitTags(3));
            assertArrayEquals(new double[] {1, 0, 0, 0}, Datasets.digitTags(4));
            assertArrayEquals(new double[] {0, 1, 0, 1}, Datasets.digitTags(5));
            assertArrayEquals(new double[] {1, 1, 1, 0}, Datasets.digitTags(6));
            assertArrayEquals(new double[] {0, 1, 0, 1}, Datasets.digitTags(7));
            assertArrayEquals(new double[] {1, 1, 1, 0}, Datasets.digitTags(8));
            assertArrayEquals(new double[] {0, 1, 1, 0}, Datasets.digitTags(9));
            assertThrows(IllegalArgumentException.class, () -> Datasets.digitTags(10));
        }

        @Test
        @DisplayName("turn labelled digits into a multi-label dataset: same pixels, tags as targets, no labels")
        void dataset() {
            Dataset digits = Datasets.digits();
            Dataset some = digits.rows(new int[] {0, 1, 2, 3});
            Dataset tagged = Datasets.digitTags(some);
            assertEquals(4, tagged.size());
            assertEquals(4, tagged.targetCount());
            assertFalse(tagged.hasLabels());
            assertArrayEquals(some.features(), tagged.features());
            for (int r = 0; r < 4; r++) {
                assertArrayEquals(Datasets.digitTags(some.label(r)), tagged.targetRow(r));
            }
            assertEquals(some.featureNames(), tagged.featureNames());
            assertTrue(assertThrows(IllegalArgumentException.class, () -> Datasets.digitTags(Datasets.iris()))
                    .getMessage().contains("3 classes"));
        }
    }

    @Nested
    @DisplayName("generated from a seed")
    class Generated {
        @Test
        @DisplayName("are the same for the same seed and differ for another")
        void deterministic() {
            assertArrayEquals(Datasets.moons(100, 0.1, 3).features(), Datasets.moons(100, 0.1, 3).features());
            assertFalse(Arrays.deepEquals(Datasets.moons(100, 0.1, 3).features(), Datasets.moons(100, 0.1, 4).features()));
            assertArrayEquals(Datasets.circles(50, 0.05, 0.5, 1).features(), Datasets.circles(50, 0.05, 0.5, 1).features());
            assertArrayEquals(Datasets.spirals(90, 3, 0.2, 1).features(), Datasets.spirals(90, 3, 0.2, 1).features());
        }

        @Test
        @DisplayName("have the documented shapes and classes")
        void shapes() {
            Dataset moons = Datasets.moons(101, 0.0, 1);
            assertEquals(101, moons.size());
            assertEquals(1, moons.targetCount());
            assertEquals(1.0, moons.feature(0, 0), 1e-15);
            Dataset spirals = Datasets.spirals(90, 3, 0.0, 1);
            assertEquals(3, spirals.classCount());
            Dataset circles = Datasets.circles(10, 0.0, 0.5, 1);
            assertEquals(0.5, Math.hypot(circles.feature(9, 0), circles.feature(9, 1)), 1e-12);
        }

        @Test
        @DisplayName("refuse impossible settings")
        void badSettings() {
            assertThrows(IllegalArgumentException.class, () -> Datasets.moons(1, 0.1, 1));
            assertThrows(IllegalArgumentException.class, () -> Datasets.moons(10, -1, 1));
            assertThrows(IllegalArgumentException.class, () -> Datasets.circles(10, 0.1, 1.5, 1));
            assertThrows(IllegalArgumentException.class, () -> Datasets.spirals(10, 1, 0.1, 1));
        }
    }

    @Nested
    @DisplayName("from a Tablesaw table")
    class FromTable {
        Table table() {
            return Table.create("t", DoubleColumn.create("a", 1, 2, 3, 4), DoubleColumn.create("b", 0, 1, 0, 1),
                    StringColumn.create("kind", "cat", "dog", "cat", "bird"));
        }

        @Test
        @DisplayName("maps labels to classes in order of appearance and keeps the names")
        void labels() {
            Dataset d = TableData.from(table()).features("a", "b").label("kind").toDataset();
            assertEquals(List.of("cat", "dog", "bird"), d.classNames());
            assertArrayEquals(new int[] {0, 1, 0, 2}, d.labels());
            assertArrayEquals(new double[] {0, 1, 0}, d.targetRow(1));
            assertEquals(List.of("a", "b"), d.featureNames());
        }

        @Test
        @DisplayName("reads numeric targets for regression")
        void regression() {
            Dataset d = TableData.from(table()).features("a").targets("b").toDataset();
            assertEquals(1, d.targetCount());
            assertEquals(1.0, d.target(3, 0));
        }

        @Test
        @DisplayName("names the problem: unknown column, non-numeric feature, missing value, single class, empty table")
        void badInput() {
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> TableData.from(table()).features("a", "nope").label("kind").toDataset()).getMessage().contains("no column 'nope'"));
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> TableData.from(table()).features("kind").label("kind").toDataset()).getMessage().contains("not numeric"));
            Table missing = table();
            missing.doubleColumn("a").setMissing(2);
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> TableData.from(missing).features("a").label("kind").toDataset()).getMessage().contains("missing value at row 2"));
            Table one = Table.create("t", DoubleColumn.create("a", 1, 2), StringColumn.create("k", "x", "x"));
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> TableData.from(one).features("a").label("k").toDataset()).getMessage().contains("single class"));
            Table empty = Table.create("e", DoubleColumn.create("a"), StringColumn.create("k"));
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> TableData.from(empty).features("a").label("k").toDataset()).getMessage().contains("empty"));
        }

        @Test
        @DisplayName("loads CSV files and names a file that cannot be read")
        void csv(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("small.csv");
            Files.writeString(file, "x,y,label\n1,2,a\n3,4,b\n");
            Dataset d = TableData.from(TableData.readCsv(file)).features("x", "y").label("label").toDataset();
            assertEquals(2, d.size());
            IOException e = assertThrows(IOException.class, () -> TableData.readCsv(dir.resolve("absent.csv")));
            assertTrue(e.getMessage().contains("absent.csv"));
            Path word = dir.resolve("word.csv");
            Files.writeString(word, "x,y,label\n1,2,a\n3,4,b\n5,six,a\n7,8,b\n");
            IllegalArgumentException notNumber = assertThrows(IllegalArgumentException.class,
                    () -> TableData.from(TableData.readCsv(word)).features("x", "y").label("label").toDataset());
            assertTrue(notNumber.getMessage().startsWith("column 'y' is text, not numeric: row 2 holds 'six', which is"
                    + " not a number"), notNumber.getMessage());
            Path ragged = dir.resolve("ragged.csv");
            Files.writeString(ragged, "x,y\n1,2\n3,4,5,6\n");
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> TableData.readCsv(ragged));
            assertTrue(bad.getMessage().contains("ragged.csv"), bad.getMessage());
        }
    }

    @Nested
    @DisplayName("split and scaled")
    class SplitAndScale {
        @Test
        @DisplayName("a seeded split is deterministic, stratified and leaves nothing out or twice")
        void split() {
            Dataset iris = Datasets.iris();
            TrainTestSplit a = TrainTestSplit.of(iris, 0.3, 5);
            TrainTestSplit b = TrainTestSplit.of(iris, 0.3, 5);
            assertArrayEquals(a.test().features(), b.test().features());
            assertEquals(45, a.test().size());
            assertEquals(105, a.train().size());
            int[] counts = new int[3];
            for (int l : a.test().labels()) {
                counts[l]++;
            }
            assertArrayEquals(new int[] {15, 15, 15}, counts);
            assertEquals(150, Datasets.iris().size());
        }

        @Test
        @DisplayName("a three-way split is stratified, deterministic, disjoint, and keeps the two-way split's test part")
        void threeWaySplit() {
            Dataset iris = Datasets.iris();
            TrainValidationTestSplit three = TrainValidationTestSplit.of(iris, 0.2, 0.3, 5);
            assertEquals(45, three.test().size());
            assertEquals(30, three.validation().size());
            assertEquals(75, three.train().size());
            int[] counts = new int[3];
            for (int l : three.validation().labels()) {
                counts[l]++;
            }
            assertArrayEquals(new int[] {10, 10, 10}, counts);
            assertArrayEquals(TrainTestSplit.of(iris, 0.3, 5).test().features(), three.test().features());
            assertArrayEquals(three.validation().features(), TrainValidationTestSplit.of(iris, 0.2, 0.3, 5).validation().features());
            List<String> dealt = new java.util.ArrayList<>();
            for (Dataset part : List.of(three.train(), three.validation(), three.test())) {
                for (int r = 0; r < part.size(); r++) {
                    dealt.add(Arrays.toString(part.featureRow(r)) + part.label(r));
                }
            }
            List<String> all = new java.util.ArrayList<>();
            for (int r = 0; r < iris.size(); r++) {
                all.add(Arrays.toString(iris.featureRow(r)) + iris.label(r));
            }
            java.util.Collections.sort(dealt);
            java.util.Collections.sort(all);
            assertEquals(all, dealt, "every row in exactly one part");
            assertEquals(150, three.train().size() + three.validation().size() + three.test().size());
            assertEquals(150, Datasets.iris().size());
        }

        @Test
        @DisplayName("a three-way split refuses fractions that leave no training rows or an empty part")
        void threeWaySplitRefusesBadFractions() {
            Dataset iris = Datasets.iris();
            assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainValidationTestSplit.of(iris, 0.5, 0.5, 1))
                    .getMessage().contains("leave rows for training"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainValidationTestSplit.of(iris, 0, 0.5, 1))
                    .getMessage().contains("validation fraction"));
            Dataset tiny = Dataset.of(new double[][] {{0}, {1}, {2}}, new double[][] {{0}, {1}, {2}});
            assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainValidationTestSplit.of(tiny, 0.1, 0.1, 1))
                    .getMessage().contains("empty"));
        }

        @Test
        @DisplayName("a scaler refuses values it cannot represent, naming the feature, instead of mapping them to 0")
        void scalerRefusesWhatItCannotRepresent() {
            Dataset extremes = Dataset.of(new double[][] {{-1e308, 1}, {1e308, 2}}, new double[][] {{0}, {1}})
                    .withNames(List.of("huge", "small"), List.of());
            IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                    () -> Scaler.minMax().fit(extremes));
            assertEquals("feature 0 ('huge') cannot be scaled: with values from -1.0E308 to 1.0E308 its range comes out"
                    + " as Infinity in double precision; divide the column by a large power of 10 first", range.getMessage());
            IllegalArgumentException std = assertThrows(IllegalArgumentException.class,
                    () -> Scaler.standardize().fit(extremes));
            assertTrue(std.getMessage().startsWith("feature 0 ('huge') cannot be scaled: with values from -1.0E308 to"
                    + " 1.0E308 its mean and standard deviation come out as"), std.getMessage());
            Dataset small = Dataset.of(new double[][] {{0}, {1e-300}}, new double[][] {{0}, {1}});
            Dataset far = Dataset.of(new double[][] {{0.5}, {1e308}}, new double[][] {{0}, {1}});
            IllegalArgumentException overflow = assertThrows(IllegalArgumentException.class,
                    () -> Scaler.minMax().fit(small).transform(far));
            assertTrue(overflow.getMessage().startsWith("feature 0 ('x0') at row 1 is 1.0E308, too far from the fitted min 0.0"),
                    overflow.getMessage());
        }

        @Test
        @DisplayName("a scaler is fitted on the training part only, so test values may leave [0, 1]")
        void scaler() {
            Dataset train = Dataset.of(new double[][] {{0, 5}, {10, 5}}, new double[][] {{0}, {1}});
            Dataset test = Dataset.of(new double[][] {{20, 5}}, new double[][] {{1}});
            Scaler s = Scaler.minMax().fit(train);
            assertArrayEquals(new double[] {2.0, 0.0}, s.transform(test).featureRow(0));
            Scaler z = Scaler.standardize().fit(train);
            assertArrayEquals(new double[] {-1.0, 0.0}, z.transform(train).featureRow(0));
            assertThrows(IllegalStateException.class, () -> Scaler.minMax().transform(train));
            assertArrayEquals(new double[] {20, 5}, test.featureRow(0));
        }
    }

    private static String sha256(String file) throws Exception {
        try (InputStream in = Datasets.class.getResourceAsStream("/io/github/backprop/data/" + file)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
