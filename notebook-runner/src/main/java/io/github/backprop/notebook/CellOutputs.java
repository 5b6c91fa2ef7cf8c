package io.github.backprop.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * One cell's nbformat outputs, built from the notebook JVM's events in order: text written to
 * stdout and stderr is held until the next display, result, error or the cell's end, then becomes
 * a {@code stream} output (stdout before stderr, joined to the previous output if that is the same
 * stream); displays, results and errors are added as they come; an update replaces the data of this
 * cell's display with that id.
 */
final class CellOutputs {
    private final Integer executionCount;
    private final List<JsonObject> items = new ArrayList<>();
    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();
    private String error;

    /** @param executionCount the cell's execution count, which its result carries too; null if it never ran */
    CellOutputs(Integer executionCount) {
        this.executionCount = executionCount;
    }

    Integer executionCount() {
        return executionCount;
    }

    /** The error output's "ename: evalue", or null if the cell has none. */
    String error() {
        return error;
    }

    /** Applies one output event (stream, display, update, result or error). */
    void apply(KernelEvent type, JsonObject event) {
        switch (type) {
            case STREAM -> ("stderr".equals(event.get("name").getAsString()) ? stderr : stdout)
                    .append(event.get("text").getAsString());
            case DISPLAY -> {
                flushStreams();
                JsonObject o = new JsonObject();
                o.add("data", event.get("data"));
                o.add("metadata", event.get("metadata"));
                o.addProperty("output_type", "display_data");
                if (event.has("id")) {
                    o.add("_display_id", event.get("id"));
                }
                items.add(o);
            }
            case UPDATE -> {
                String id = event.get("id").getAsString();
                for (JsonObject o : items) {
                    JsonElement existing = o.get("_display_id");
                    if (existing != null && existing.getAsString().equals(id)) {
                        o.add("data", event.get("data"));
                        o.add("metadata", event.get("metadata"));
                    }
                }
            }
            case RESULT -> {
                flushStreams();
                JsonObject o = new JsonObject();
                o.add("data", event.get("data"));
                o.addProperty("execution_count", executionCount);
                o.add("metadata", event.get("metadata"));
                o.addProperty("output_type", "execute_result");
                items.add(o);
            }
            case ERROR -> error(event.get("ename").getAsString(), event.get("evalue").getAsString(),
                    event.getAsJsonArray("traceback"));
            default -> throw new IllegalArgumentException("not an output event: " + event);
        }
    }

    /** Adds an error output (the runner's own, e.g. a timeout, or the cell's). */
    void error(String ename, String evalue, JsonArray traceback) {
        flushStreams();
        JsonObject o = new JsonObject();
        o.addProperty("ename", ename);
        o.addProperty("evalue", evalue);
        o.addProperty("output_type", "error");
        o.add("traceback", traceback);
        items.add(o);
        error = ename + ": " + evalue;
    }

    /** The outputs in nbformat form (text not yet placed becomes the last stream outputs). */
    JsonArray toJson() {
        flushStreams();
        JsonArray array = new JsonArray();
        for (JsonObject o : items) {
            JsonObject copy = o.deepCopy();
            copy.remove("_display_id");
            array.add(copy);
        }
        return array;
    }

    private void flushStreams() {
        flush(stdout, "stdout");
        flush(stderr, "stderr");
    }

    private void flush(StringBuilder pending, String name) {
        if (pending.length() == 0) {
            return;
        }
        String text = pending.toString();
        pending.setLength(0);
        JsonObject last = items.isEmpty() ? null : items.get(items.size() - 1);
        if (last != null && "stream".equals(last.get("output_type").getAsString())
                && name.equals(last.get("name").getAsString())) {
            last.add("text", NotebookFile.lines(NotebookFile.text(last.get("text")) + text));
            return;
        }
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        o.addProperty("output_type", "stream");
        o.add("text", NotebookFile.lines(text));
        items.add(o);
    }
}
