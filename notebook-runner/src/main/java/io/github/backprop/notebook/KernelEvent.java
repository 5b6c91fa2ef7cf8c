package io.github.backprop.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.List;
import java.util.Locale;

/**
 * What the notebook's JVM tells the runner while it works: one JSON object per line of the events
 * file, each with a {@code "type"}. The child writes an event the moment it happens, so whatever
 * ended the child (an exit, a crash, the runner's timeout), the runner still has everything up to
 * that moment and knows which cell was running.
 *
 * <p>The order is: {@link #READY} once (or {@link #FATAL}), then per cell {@link #START}, any
 * number of {@link #STREAM}, {@link #DISPLAY}, {@link #UPDATE}, then {@link #RESULT} or
 * {@link #ERROR}, then {@link #END}; and {@link #DONE} when the child stops normally (after the
 * last cell or the first failing one). These mirror Jupyter's own messages ({@code stream},
 * {@code display_data}, {@code update_display_data}, {@code execute_result}, {@code error}).
 */
enum KernelEvent {
    /** The start-up script ran; cells come next. */
    READY,
    /** The child cannot run the notebook at all: {@code message}. */
    FATAL,
    /** Cell {@code cell} (numbered from 1 over all cells) begins. */
    START,
    /** Text the cell wrote: {@code name} (stdout or stderr) and {@code text}. */
    STREAM,
    /** A display: {@code data} (MIME bundle), {@code metadata}, optional {@code id}. */
    DISPLAY,
    /** New {@code data} and {@code metadata} for the display {@code id}. */
    UPDATE,
    /** The cell's value: {@code data} and {@code metadata}. */
    RESULT,
    /** The cell failed: {@code ename}, {@code evalue}, {@code traceback}. */
    ERROR,
    /** Cell {@code cell} finished (with or without an error). */
    END,
    /** The child stops normally. */
    DONE;

    private static final String TYPE = "type";

    /** The event's name as written in the file. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A new event of this type, to be filled with its fields. */
    JsonObject create() {
        JsonObject o = new JsonObject();
        o.addProperty(TYPE, wireName());
        return o;
    }

    /**
     * The type of an event read from the file.
     *
     * @throws IllegalArgumentException if it has no known type
     */
    static KernelEvent of(JsonObject event) {
        JsonElement type = event.get(TYPE);
        if (type == null || !type.isJsonPrimitive()) {
            throw new IllegalArgumentException("an event without a type: " + event);
        }
        return valueOf(type.getAsString().toUpperCase(Locale.ROOT));
    }

    /** {@link #START} or {@link #END} for a cell. */
    JsonObject cell(int number) {
        JsonObject o = create();
        o.addProperty("cell", number);
        return o;
    }

    /** A {@link #STREAM} event. */
    static JsonObject stream(String name, String text) {
        JsonObject o = STREAM.create();
        o.addProperty("name", name);
        o.addProperty("text", text);
        return o;
    }

    /** An {@link #ERROR} event. */
    static JsonObject error(String ename, String evalue, List<String> traceback) {
        JsonObject o = ERROR.create();
        o.addProperty("ename", ename);
        o.addProperty("evalue", evalue);
        JsonArray tb = new JsonArray();
        traceback.forEach(tb::add);
        o.add("traceback", tb);
        return o;
    }

    /** A {@link #FATAL} event. */
    static JsonObject fatal(String message) {
        JsonObject o = FATAL.create();
        o.addProperty("message", message);
        return o;
    }
}
