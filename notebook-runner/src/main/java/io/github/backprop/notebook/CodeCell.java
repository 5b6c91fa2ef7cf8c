package io.github.backprop.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A code cell as the notebook JVM receives it: its number (from 1, counting every cell, as Jupyter
 * shows them) and its source. The runner hands the child a file of these, so the child never reads
 * the notebook itself.
 *
 * @param number position in the notebook, from 1, over all cells
 * @param source the cell's code
 */
record CodeCell(int number, String source) {

    /** Writes cells to a file for the notebook JVM. */
    static void writeAll(List<CodeCell> cells, Path file) throws IOException {
        JsonArray array = new JsonArray();
        for (CodeCell c : cells) {
            JsonObject o = new JsonObject();
            o.addProperty("cell", c.number());
            o.addProperty("source", c.source());
            array.add(o);
        }
        Files.writeString(file, array.toString(), StandardCharsets.UTF_8);
    }

    /** Reads the cells the runner wrote. */
    static List<CodeCell> readAll(Path file) throws IOException {
        List<CodeCell> cells = new ArrayList<>();
        try {
            for (JsonElement e : new JsonParser().parse(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonArray()) {
                JsonObject o = e.getAsJsonObject();
                cells.add(new CodeCell(o.get("cell").getAsInt(), o.get("source").getAsString()));
            }
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException("the cell list " + file + " is damaged: " + e.getMessage(), e);
        }
        return cells;
    }
}
