package io.github.backprop.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;

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

    Path writeTo(Path file) throws IOException {
        NotebookFile.write(notebook, file);
        return file;
    }
}
