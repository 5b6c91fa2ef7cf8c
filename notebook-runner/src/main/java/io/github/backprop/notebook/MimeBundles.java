package io.github.backprop.notebook;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * Turns basekernel's {@link DisplayData} into the events that carry it: nbformat MIME bundles
 * (text as a list of lines, images as one base64 string) and metadata. This is the one place that
 * knows basekernel's display type on the way out of the notebook JVM.
 */
final class MimeBundles {
    private static final Gson GSON = new Gson();

    private MimeBundles() {
    }

    /** A {@link KernelEvent#DISPLAY} event, with the display id if the data has one. */
    static JsonObject display(DisplayData data) {
        JsonObject o = withData(KernelEvent.DISPLAY, data);
        if (data.hasDisplayId()) {
            o.addProperty("id", data.getDisplayId());
        }
        return o;
    }

    /** A {@link KernelEvent#UPDATE} event for the display {@code id}. */
    static JsonObject update(String id, DisplayData data) {
        JsonObject o = withData(KernelEvent.UPDATE, data);
        o.addProperty("id", id);
        return o;
    }

    /** A {@link KernelEvent#RESULT} event. */
    static JsonObject result(DisplayData data) {
        return withData(KernelEvent.RESULT, data);
    }

    private static JsonObject withData(KernelEvent type, DisplayData data) {
        JsonObject o = type.create();
        o.add("data", bundle(data));
        o.add("metadata", metadata(data));
        return o;
    }

    private static JsonObject bundle(DisplayData data) {
        JsonObject bundle = new JsonObject();
        for (Map.Entry<String, Object> e : field(data, "data").entrySet()) {
            Object v = e.getValue();
            if (v instanceof String s) {
                bundle.add(e.getKey(), e.getKey().startsWith("image/") && !e.getKey().equals("image/svg+xml")
                        ? new JsonPrimitive(s) : NotebookFile.lines(s));
            } else {
                bundle.add(e.getKey(), GSON.toJsonTree(v));
            }
        }
        return bundle;
    }

    private static JsonObject metadata(DisplayData data) {
        JsonObject meta = new JsonObject();
        for (Map.Entry<String, Object> e : field(data, "metadata").entrySet()) {
            meta.add(e.getKey(), GSON.toJsonTree(e.getValue()));
        }
        return meta;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(DisplayData data, String name) {
        try {
            Field f = DisplayData.class.getDeclaredField(name);
            f.setAccessible(true);
            Object map = f.get(data);
            return map == null ? Map.of() : (Map<String, Object>) map;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read basekernel DisplayData." + name, e);
        }
    }
}
