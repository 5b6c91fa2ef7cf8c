package io.github.backprop.notebook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A notebook after a run: its cells with their new outputs, and the failure that stopped the run,
 * if any. The notebook is kept in memory; {@link #write(Path)} saves it.
 */
public final class ExecutedNotebook {
    private final Path source;
    private final JsonObject notebook;
    private final CellFailure failure;

    ExecutedNotebook(Path source, JsonObject notebook, CellFailure failure) {
        this.source = source;
        this.notebook = notebook;
        this.failure = failure;
    }

    /**
     * Why a run stopped.
     *
     * @param notebook the notebook file
     * @param cellNumber the failing cell, counted from 1 over all cells (markdown included); 0 if
     *     the notebook itself could not be read or the runner failed
     * @param message what went wrong
     */
    public record CellFailure(Path notebook, int cellNumber, String message) {
        @Override
        public String toString() {
            return notebook + ", cell " + cellNumber + ": " + message;
        }
    }

    /** The notebook that was run. */
    public Path source() {
        return source;
    }

    /** True if every code cell ran without error. */
    public boolean succeeded() {
        return failure == null;
    }

    /** The failure that stopped the run, if any. */
    public Optional<CellFailure> failure() {
        return Optional.ofNullable(failure);
    }

    /** Every cell as it is now, in order. */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        int n = 1;
        for (JsonObject c : NotebookFile.cells(notebook)) {
            cells.add(new Cell(n++, c));
        }
        return cells;
    }

    /**
     * The cell with this id.
     *
     * @param id the cell's nbformat id
     * @return the cell
     * @throws IllegalArgumentException if there is no such cell
     */
    public Cell cell(String id) {
        for (Cell c : cells()) {
            if (id.equals(c.id())) {
                return c;
            }
        }
        throw new IllegalArgumentException("no cell with id '" + id + "' in " + source);
    }

    /** The text of every markdown cell, joined with blank lines. */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        for (Cell c : cells()) {
            if ("markdown".equals(c.type())) {
                sb.append(c.source()).append("\n\n");
            }
        }
        return sb.toString();
    }

    /**
     * Writes the notebook with its new outputs (nbformat 4, Jupyter's layout).
     *
     * @param file where to write
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        NotebookFile.write(notebook, file);
    }

    /** The notebook as nbformat JSON text. */
    public String toJson() throws IOException {
        return NotebookFile.toJson(notebook);
    }

    /** One cell of an executed notebook. */
    public static final class Cell {
        private final int number;
        private final JsonObject json;

        Cell(int number, JsonObject json) {
            this.number = number;
            this.json = json;
        }

        /** Position in the notebook, from 1, counting every kind of cell. */
        public int number() {
            return number;
        }

        /** The nbformat cell id, or null for notebooks older than nbformat 4.5. */
        public String id() {
            JsonElement id = json.get("id");
            return id == null || id.isJsonNull() ? null : id.getAsString();
        }

        /** code, markdown or raw. */
        public String type() {
            return json.get("cell_type").getAsString();
        }

        /** The cell's source text. */
        public String source() {
            return NotebookFile.text(json.get("source"));
        }

        /** The number of output entries (code cells only). */
        public int outputCount() {
            return json.has("outputs") ? json.getAsJsonArray("outputs").size() : 0;
        }

        /** The output types in order, e.g. [stream, display_data, execute_result]. */
        public List<String> outputTypes() {
            List<String> types = new ArrayList<>();
            if (json.has("outputs")) {
                for (JsonElement o : json.getAsJsonArray("outputs")) {
                    types.add(o.getAsJsonObject().get("output_type").getAsString());
                }
            }
            return types;
        }

        /** The text/plain of the execute_result, if the cell has one. */
        public Optional<String> resultText() {
            return data("execute_result", "text/plain");
        }

        /**
         * The first value of a MIME type among the outputs of one output type.
         *
         * @param outputType execute_result or display_data
         * @param mimeType e.g. text/plain, text/html, image/png
         * @return the value (base64 for images)
         */
        public Optional<String> data(String outputType, String mimeType) {
            if (!json.has("outputs")) {
                return Optional.empty();
            }
            for (JsonElement o : json.getAsJsonArray("outputs")) {
                JsonObject out = o.getAsJsonObject();
                if (outputType.equals(out.get("output_type").getAsString()) && out.has("data")
                        && out.getAsJsonObject("data").has(mimeType)) {
                    return Optional.of(NotebookFile.text(out.getAsJsonObject("data").get(mimeType)));
                }
            }
            return Optional.empty();
        }

        /** Everything the cell printed to stdout. */
        public String stdout() {
            return stream("stdout");
        }

        /** Everything the cell (or the kernel, such as a deprecation warning) printed to stderr. */
        public String stderr() {
            return stream("stderr");
        }

        private String stream(String name) {
            StringBuilder sb = new StringBuilder();
            if (json.has("outputs")) {
                for (JsonElement o : json.getAsJsonArray("outputs")) {
                    JsonObject out = o.getAsJsonObject();
                    if ("stream".equals(out.get("output_type").getAsString()) && name.equals(out.get("name").getAsString())) {
                        sb.append(NotebookFile.text(out.get("text")));
                    }
                }
            }
            return sb.toString();
        }

        /** The error output's ename and evalue, if any. */
        public Optional<String> error() {
            if (json.has("outputs")) {
                for (JsonElement o : json.getAsJsonArray("outputs")) {
                    JsonObject out = o.getAsJsonObject();
                    if ("error".equals(out.get("output_type").getAsString())) {
                        return Optional.of(out.get("ename").getAsString() + ": " + out.get("evalue").getAsString());
                    }
                }
            }
            return Optional.empty();
        }

        /** The execution count, or null if the cell did not run. */
        public Integer executionCount() {
            JsonElement c = json.get("execution_count");
            return c == null || c.isJsonNull() ? null : c.getAsInt();
        }
    }
}
