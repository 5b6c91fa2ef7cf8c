package io.github.backprop.data;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * From a Tablesaw {@link Table} to a {@link Dataset}: choose numeric feature columns and either a
 * label column (classification: each distinct label becomes a class, in order of first
 * appearance, with one-hot targets) or numeric target columns (regression).
 *
 * <pre>{@code
 * Table iris = TableData.readCsv(Path.of("data/iris.csv"));
 * Dataset data = TableData.from(iris)
 *         .features("sepal_length", "sepal_width", "petal_length", "petal_width")
 *         .label("species")
 *         .toDataset();
 * }</pre>
 * The table is only read, never changed. A conversion is set up and run by one thread.
 */
public final class TableData {
    private final Table table;
    private List<String> features = List.of();
    private String label;
    private List<String> targets = List.of();
    private boolean binaryTarget;

    private TableData(Table table) {
        this.table = table;
    }

    /**
     * Starts a conversion of this table.
     *
     * @param table a Tablesaw table (not modified)
     * @return the conversion, to be given features and a label or targets
     */
    public static TableData from(Table table) {
        Objects.requireNonNull(table, "table");
        return new TableData(table);
    }

    /**
     * Fisher's iris, bundled with the library, as a Tablesaw table: four measurements in cm
     * ({@code sepal_length}, {@code sepal_width}, {@code petal_length}, {@code petal_width}) and the
     * {@code species}, 150 rows. As a dataset: {@link Datasets#iris()}.
     *
     * @return the table
     */
    public static Table irisTable() {
        return bundled("iris.csv");
    }

    /**
     * The 8x8 digits, bundled with the library, as a Tablesaw table: pixels {@code p0..p63} (0-16,
     * row by row) and the {@code label}, 1797 rows. As a dataset: {@link Datasets#digits()}.
     *
     * @return the table
     */
    public static Table digitsTable() {
        return bundled("digits.csv");
    }

    private static Table bundled(String file) {
        try {
            return readCsv(Datasets.resource(file), file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the bundled " + file, e);
        }
    }

    /**
     * Reads a CSV file with a header row through Tablesaw.
     *
     * @param file the file
     * @return the table, named after the file
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it does not parse as CSV, naming the file
     */
    public static Table readCsv(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no CSV file at " + file.toAbsolutePath());
        }
        try {
            return Table.read().csv(CsvReadOptions.builder(file.toFile()).tableName(file.getFileName().toString()).build());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("could not parse " + file + " as CSV: " + e.getMessage(), e);
        }
    }

    /**
     * Reads CSV from a stream (e.g. a classpath resource).
     *
     * @param in the CSV text with a header row; closed afterwards
     * @param name the table's name, used in error messages
     * @return the table
     */
    public static Table readCsv(InputStream in, String name) throws IOException {
        try (InputStream stream = in) {
            return Table.read().csv(CsvReadOptions.builder(stream).tableName(name).build());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("could not parse " + name + " as CSV: " + e.getMessage(), e);
        }
    }

    /**
     * The numeric columns that become the network's inputs, in this order.
     *
     * @param columns column names
     * @return this conversion
     */
    public TableData features(String... columns) {
        this.features = List.of(columns);
        return this;
    }

    /**
     * The column holding each row's class (text or whole numbers); targets become one-hot vectors.
     *
     * @param column column name
     * @return this conversion
     */
    public TableData label(String column) {
        this.label = column;
        this.targets = List.of();
        return this;
    }

    /**
     * Like {@link #label(String)} for exactly two classes, but with a single 0/1 target (for a
     * sigmoid output with binary cross-entropy).
     *
     * @param column column name
     * @return this conversion
     */
    public TableData binaryLabel(String column) {
        label(column);
        this.binaryTarget = true;
        return this;
    }

    /**
     * Numeric target columns for regression (instead of a label).
     *
     * @param columns column names
     * @return this conversion
     */
    public TableData targets(String... columns) {
        this.targets = List.of(columns);
        this.label = null;
        return this;
    }

    /**
     * Builds the dataset.
     *
     * @return the dataset with feature names and, for a label, class names
     * @throws IllegalArgumentException for an empty table, no features, a missing or non-numeric
     *     column, a missing value (naming column and row), or a label with a single class
     */
    public Dataset toDataset() {
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException("table '" + table.name() + "' is empty: need at least one row");
        }
        if (features.isEmpty()) {
            throw new IllegalArgumentException("choose at least one feature column with features(...)");
        }
        if (label == null && targets.isEmpty()) {
            throw new IllegalArgumentException("choose a label(...) column or targets(...) columns");
        }
        double[][] x = numeric(features);
        if (label != null) {
            Column<?> col = column(label);
            Map<String, Integer> classes = new LinkedHashMap<>();
            int[] labels = new int[table.rowCount()];
            for (int r = 0; r < table.rowCount(); r++) {
                if (col.isMissing(r)) {
                    throw new IllegalArgumentException("label column '" + label + "' has a missing value at row " + r);
                }
                String value = col.getString(r);
                labels[r] = classes.computeIfAbsent(value, k -> classes.size());
            }
            if (classes.size() < 2) {
                throw new IllegalArgumentException("label column '" + label + "' has a single class ("
                        + classes.keySet() + "): classification needs at least two");
            }
            List<String> names = new ArrayList<>(classes.keySet());
            Dataset data;
            if (binaryTarget) {
                if (classes.size() != 2) {
                    throw new IllegalArgumentException("binaryLabel needs exactly two classes, column '" + label + "' has "
                            + classes.size() + ": " + names);
                }
                double[][] y = new double[labels.length][1];
                for (int r = 0; r < labels.length; r++) {
                    y[r][0] = labels[r];
                }
                data = Dataset.of(x, y);
            } else {
                data = Dataset.ofLabels(x, labels, classes.size());
            }
            return data.withNames(features, names);
        }
        return Dataset.of(x, numeric(targets)).withNames(features, List.of());
    }

    private double[][] numeric(List<String> names) {
        double[][] out = new double[table.rowCount()][names.size()];
        for (int c = 0; c < names.size(); c++) {
            Column<?> col = column(names.get(c));
            if (!(col instanceof NumericColumn<?> num)) {
                throw new IllegalArgumentException(notNumeric(col));
            }
            for (int r = 0; r < table.rowCount(); r++) {
                if (num.isMissing(r)) {
                    throw new IllegalArgumentException("column '" + names.get(c) + "' has a missing value at row " + r);
                }
                out[r][c] = num.getDouble(r);
            }
        }
        return out;
    }

    /**
     * Why a column is not numeric: for text, the first cell that is not a number, by row (a CSV column
     * with one such cell is read as text); otherwise its type.
     */
    private static String notNumeric(Column<?> col) {
        if (col instanceof StringColumn text) {
            for (int r = 0; r < text.size(); r++) {
                String cell = text.get(r);
                if (!text.isMissing(r) && !isNumber(cell)) {
                    return "column '" + col.name() + "' is text, not numeric: row " + r + " holds '" + cell
                            + "', which is not a number (rows count from 0, after the header line of a CSV file;"
                            + " only numeric columns can be features or targets)";
                }
            }
        }
        return "column '" + col.name() + "' is " + col.type().name()
                + ", not numeric: only numeric columns can be features or targets";
    }

    private static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Column<?> column(String name) {
        if (!table.columnNames().contains(name)) {
            throw new IllegalArgumentException("table '" + table.name() + "' has no column '" + name + "'; its columns are "
                    + table.columnNames());
        }
        return table.column(name);
    }
}
