package io.github.backprop.internal.kernel;

import java.util.Locale;

/** Where {@link Kernels#chosen()} is decided: once per JVM, from the Vector API's presence and {@code backprop.kernels}. */
final class KernelChoice {
    /** Whether this JVM was started with {@code --add-modules jdk.incubator.vector}. */
    static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private static final String PROPERTY = "backprop.kernels";
    private static final String KIND = readKind();

    /** The kernels every layer, activation, optimiser and data set uses. */
    static final Kernels KERNELS = switch (KIND) {
        case "vector" -> new VectorApiKernels(Kernels.Sharing.BY_SIZE, VectorApiKernels.Tiles.LARGE_ONLY);
        case "plain" -> new PlainKernels(Kernels.Sharing.BY_SIZE);
        default -> new PlainKernels(Kernels.Sharing.NEVER, "reference (the layers' own loops)");
    };

    /** The kernels that replace the layers' loops, or null where the reference was asked for. */
    static final Kernels FAST = KIND.equals("reference") ? null : KERNELS;

    private KernelChoice() {
    }

    private static String readKind() {
        String property = System.getProperty(PROPERTY);
        if (property == null || property.isBlank()) {
            return VECTOR_API ? "vector" : "plain";
        }
        String kind = property.trim().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "plain", "reference" -> {
                return kind;
            }
            case "vector" -> {
                if (!VECTOR_API) {
                    throw new IllegalArgumentException("system property " + PROPERTY
                            + "=vector needs the JVM option --add-modules jdk.incubator.vector");
                }
                return kind;
            }
            default -> throw new IllegalArgumentException("system property " + PROPERTY
                    + " must be vector, plain or reference, got '" + property + "'");
        }
    }
}
