package io.github.backprop.notebook;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * Turns a kernel's {@code DisplayData} into the events that carry it: nbformat MIME bundles (text as
 * a list of lines, images as one base64 string) and metadata. This is the one place that knows the
 * display types on the way out of the notebook JVM: basekernel's
 * ({@code io.github.spencerpark.jupyter.kernel.display.DisplayData}, IJava) and JJava's
 * ({@code org.dflib.jjava.jupyter.kernel.display.DisplayData}), which have the same shape: private
 * maps {@code data}, {@code metadata} and {@code transientData} (where the display id is). They are
 * read by reflection, so this class loads in either dialect's JVM, where only one of them exists.
 */
final class MimeBundles {
    private static final Gson GSON = new Gson();
    /** The transient key of a display's id, in both kernels and in Jupyter's messages. */
    private static final String DISPLAY_ID = "display_id";

    private MimeBundles() {
    }

    /** A {@link KernelEvent#DISPLAY} event, with the display id if the data has one. */
    static JsonObject display(Object data) {
        JsonObject o = withData(KernelEvent.DISPLAY, data);
        String id = displayId(data);
        if (id != null) {
            o.addProperty("id", id);
        }
        return o;
    }

    /** The display id the data carries, or null. */
    private static String displayId(Object data) {
        Object id = field(data, "transientData").get(DISPLAY_ID);
        return id == null ? null : String.valueOf(id);
    }

    /** A {@link KernelEvent#UPDATE} event for the display {@code id}. */
    static JsonObject update(String id, Object data) {
        JsonObject o = withData(KernelEvent.UPDATE, data);
        o.addProperty("id", id);
        return o;
    }

    /** A {@link KernelEvent#RESULT} event. */
    static JsonObject result(Object data) {
        return withData(KernelEvent.RESULT, data);
    }

    private static JsonObject withData(KernelEvent type, Object data) {
        JsonObject o = type.create();
        o.add("data", bundle(data));
        o.add("metadata", metadata(data));
        return o;
    }

    private static JsonObject bundle(Object data) {
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

    private static JsonObject metadata(Object data) {
        JsonObject meta = new JsonObject();
        for (Map.Entry<String, Object> e : field(data, "metadata").entrySet()) {
            meta.add(e.getKey(), GSON.toJsonTree(e.getValue()));
        }
        return meta;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(Object data, String name) {
        for (Class<?> c = data.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                Object map = f.get(data);
                return map == null ? Map.of() : (Map<String, Object>) map;
            } catch (NoSuchFieldException e) {
                // declared further up, if at all
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + "." + name, e);
            }
        }
        throw new IllegalStateException("not a kernel's DisplayData: " + data.getClass().getName() + " has no field " + name);
    }
}
