package io.github.backprop.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes small fixture notebooks for the tests: markdown and code cells with fixed ids. */
final class Fixtures {
    private final JsonObject notebook = new JsonObject();
    private final JsonArray cells = new JsonArray();

    private Fixtures() {
        JsonObject kernelspec = new JsonObject();
        kernelspec.addProperty("display_name", "Java");
        kernelspec.addProperty("language", "java");
        kernelspec.addProperty("name", "java");
        JsonObject metadata = new JsonObject();
        metadata.add("kernelspec", kernelspec);
        metadata.addProperty("custom_key", "kept");
        notebook.add("cells", cells);
        notebook.add("metadata", metadata);
        notebook.addProperty("nbformat", 4);
        notebook.addProperty("nbformat_minor", 5);
    }

    static Fixtures notebook() {
        return new Fixtures();
    }

    /**
     * A runner whose notebook JVMs compile with C1 only: the tests' cells are small, and this
     * halves the CPU each notebook JVM needs to start.
     */
    static NotebookRunner.Builder runner() {
        return NotebookRunner.builder().jvmOptions(FAST_START);
    }

    /** The JVM options of {@link #runner()}. */
    static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1");

    Fixtures markdown(String id, String text) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "markdown");
        cell.addProperty("id", id);
        JsonObject meta = new JsonObject();
        meta.addProperty("tag_for_test", id);
        cell.add("metadata", meta);
        cell.add("source", NotebookFile.lines(text));
        cells.add(cell);
        return this;
    }

    Fixtures code(String id, String source) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "code");
        cell.add("execution_count", null);
        cell.addProperty("id", id);
        cell.add("metadata", new JsonObject());
        cell.add("outputs", new JsonArray());
        cell.add("source", NotebookFile.lines(source));
        cells.add(cell);
        return this;
    }

    /** A code cell that already shows the output of an earlier run: {@code stale} on stdout, count 7. */
    Fixtures codeWithStaleOutput(String id, String source, String stale) {
        code(id, source);
        JsonObject cell = cells.get(cells.size() - 1).getAsJsonObject();
        JsonObject stream = new JsonObject();
        stream.addProperty("name", "stdout");
        stream.addProperty("output_type", "stream");
        stream.add("text", NotebookFile.lines(stale));
        cell.getAsJsonArray("outputs").add(stream);
        cell.addProperty("execution_count", 7);
        return this;
    }

    /** The notebook as JSON. */
    JsonObject toJson() {
        return notebook.deepCopy();
    }

    Path writeTo(Path file) throws IOException {
        NotebookFile.write(notebook, file);
        return file;
    }
}
