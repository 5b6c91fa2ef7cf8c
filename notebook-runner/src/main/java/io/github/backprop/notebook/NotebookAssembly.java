package io.github.backprop.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds the executed notebook from the notebook JVM's events: each cell that started gets the
 * outputs it produced and the next execution count; the run's failure is the first cell that
 * reported an error or, if none did, the cell at which the runner gave up on the JVM (which then
 * gets an error output saying why); every code cell that did not start loses its old outputs, so
 * nothing stale is left.
 */
final class NotebookAssembly implements Consumer<JsonObject> {
    private final Map<Integer, CellOutputs> outputs = new HashMap<>();
    /** The cell between its start and end events, else null. */
    private CellOutputs running;
    /** The cell that started last. */
    private CellOutputs last;
    private int executionCount;

    @Override
    public void accept(JsonObject event) {
        KernelEvent type = KernelEvent.of(event);
        switch (type) {
            case START -> {
                running = new CellOutputs(++executionCount);
                last = running;
                outputs.put(event.get("cell").getAsInt(), running);
            }
            case END -> running = null;
            case STREAM, DISPLAY, RESULT, ERROR -> {
                if (running != null) {
                    running.apply(type, event);
                }
                // else: written or displayed by a thread the cell left running, after the cell
                // ended; no cell shows it
            }
            case UPDATE -> {
                if (last != null) {
                    last.apply(type, event); // a display of the last cell may still be updated
                }
            }
            default -> {
                // READY, DONE, FATAL: the run's progress, which KernelProcess follows
            }
        }
    }

    /**
     * Writes the outputs into the notebook and names the failure, if any.
     *
     * @param source the notebook file
     * @param notebook the notebook as read (its cells are changed in place)
     * @param ending how the notebook JVM's run ended
     */
    ExecutedNotebook finish(Path source, JsonObject notebook, KernelProcess.Ending ending) {
        List<JsonObject> cells = NotebookFile.cells(notebook);
        ExecutedNotebook.CellFailure failure = null;
        for (int i = 0; i < cells.size() && failure == null; i++) {
            CellOutputs o = outputs.get(i + 1);
            if (o != null && o.error() != null) {
                failure = new ExecutedNotebook.CellFailure(source, i + 1, o.error());
            }
        }
        if (failure == null && ending.failed()) {
            failure = new ExecutedNotebook.CellFailure(source, ending.cell(), ending.ename() + ": " + ending.evalue());
            if (ending.cell() > 0) {
                JsonArray traceback = new JsonArray();
                traceback.add(ending.ename() + ": " + ending.evalue());
                outputs.computeIfAbsent(ending.cell(), n -> new CellOutputs(null))
                        .error(ending.ename(), ending.evalue(), traceback);
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i);
            if (!"code".equals(cell.get("cell_type").getAsString())) {
                continue;
            }
            CellOutputs o = outputs.get(i + 1);
            cell.add("outputs", o == null ? new JsonArray() : o.toJson());
            cell.add("execution_count", o == null || o.executionCount() == null ? JsonNull.INSTANCE
                    : new JsonPrimitive(o.executionCount()));
        }
        return new ExecutedNotebook(source, notebook, failure);
    }
}
