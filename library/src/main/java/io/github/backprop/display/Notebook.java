package io.github.backprop.display;

import io.github.backprop.gradient.ForwardPass;
import io.github.backprop.gradient.Trace;
import io.github.backprop.chart.NetworkDiagram;
import io.github.backprop.chart.Picture;
import io.github.backprop.check.GradientCheckResult;
import io.github.backprop.data.Dataset;
import io.github.backprop.eval.ConfusionMatrix;
import io.github.backprop.train.History;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Switches on inline display in a Jupyter notebook whose kernel is IJava 1.3.0 or JJava. After
 * <pre>{@code
 * Notebook.setup();
 * }</pre>
 * a Tablesaw {@link Table} shows as an HTML table (long tables truncated, with a note of the hidden
 * rows), a chart or {@link Picture} as a PNG image, and the library's own results (training
 * {@link History}, {@link Trace}, {@link ForwardPass}, {@link GradientCheckResult},
 * {@link ConfusionMatrix}, {@link Dataset}, {@link NetworkDiagram}) as tables or pictures, whenever
 * they are a cell's last expression or passed to {@code display(...)}. It also lets
 * {@link LiveTrainingDisplay} show training as it happens.
 *
 * <p>How it finds the kernel, in this order:
 * <ul>
 *   <li><b>JJava</b>: its static {@code org.dflib.jjava.jupyter.kernel.BaseKernel.notebookKernel()}.
 *       JJava has usually done the work already: it installs the library's {@link JJavaExtension}
 *       when {@code %classpath} adds the library's jar.</li>
 *   <li><b>IJava</b> and kernels that emulate it (the project's headless notebook runner): the static
 *       {@code getKernelInstance()} of IJava's {@code io.github.spencerpark.ijava.IJava}, or of the
 *       runner's {@code io.github.backprop.notebook.runtime.Kernel}, returning a basekernel kernel.</li>
 * </ul>
 * The same line therefore compiles and works in both kernels and never calls JJava's
 * {@code getKernelInstance()}, which JJava deprecates with a warning. Running it again registers
 * nothing twice. The kernels' APIs are optional: without them (plain Java, JShell) the library loads
 * and runs as usual, and {@code setup()} says that no kernel was found.
 *
 * <p>This package is the only one that uses a kernel's display API; the rest of the library never
 * needs it.
 */
public final class Notebook {
    /** What {@link #setup()} returns when tables and charts will show inline. */
    public static final String READY = "backprop: tables and charts will show inline";
    /** What {@link #setup()} returns outside IJava and JJava. */
    public static final String NO_KERNEL = "backprop: no IJava or JJava kernel is running here, so tables and charts print as text"
            + " (Notebook.setup() switches on inline display in a Jupyter notebook with one of those kernels)";

    /** JJava's kernel type, present only inside JJava (and in tests against its API). */
    private static final String JJAVA_API = "org.dflib.jjava.jupyter.kernel.BaseKernel";
    /** basekernel's kernel type, present inside IJava (which bundles it) and the headless runner. */
    private static final String BASEKERNEL_API = "io.github.spencerpark.jupyter.kernel.BaseKernel";
    /** A class of each library the renderers need, with the library's name, for the message when one is missing. */
    private static final Map<String, String> RENDERING_DEPENDENCIES = Map.of(
            "tech.tablesaw.api.Table", "Tablesaw",
            "org.knowm.xchart.XYChart", "XChart");

    private static final Map<Object, Boolean> REGISTERED = Collections.synchronizedMap(new WeakHashMap<>());
    private static volatile LiveTrainingDisplay.Sink sink;

    private Notebook() {
    }

    /**
     * Finds the running kernel and registers the library's renderers with it (once per kernel).
     * In JJava the library's {@link JJavaExtension} has usually registered them already, and this
     * only confirms it.
     *
     * @return {@link #READY}, shown as the setup cell's output; or {@link #NO_KERNEL} outside
     *         IJava and JJava (plain Java, JShell, another kernel), where values print as text
     * @throws IllegalStateException inside a kernel whose class path lacks Tablesaw or XChart (the
     *         message names the missing one)
     */
    public static String setup() {
        ClassLoader loader = Notebook.class.getClassLoader();
        if (present(JJAVA_API, loader)) {
            org.dflib.jjava.jupyter.kernel.BaseKernel kernel = JJavaDisplay.runningKernel();
            if (kernel != null) {
                requireRenderingDependencies(loader);
                attach(JJavaDisplay.attach(kernel));
                return READY;
            }
        }
        if (present(BASEKERNEL_API, loader)) {
            BaseKernel kernel = IJavaDisplay.runningKernel(loader);
            if (kernel != null) {
                requireRenderingDependencies(loader);
                attach(IJavaDisplay.attach(kernel));
                return READY;
            }
        }
        return NO_KERNEL;
    }

    /**
     * Registers the library's renderers with the given basekernel kernel (once per kernel), as
     * {@link #setup()} does with the kernel it finds.
     *
     * @param kernel the notebook's kernel: {@code getKernelInstance()} in IJava
     * @return {@link #READY}
     * @deprecated JJava's {@code getKernelInstance()} returns a kernel of another type, so
     *             {@code Notebook.setup(getKernelInstance())} compiles only in IJava; use
     *             {@link #setup()}, which works in both
     */
    @Deprecated(since = "0.1.0")
    public static String setup(BaseKernel kernel) {
        if (kernel == null) {
            throw new IllegalArgumentException("no kernel: call Notebook.setup() inside an IJava or JJava notebook");
        }
        attach(IJavaDisplay.attach(kernel));
        return READY;
    }

    /** Where live displays go: the kernel last set up, or null outside a notebook. */
    static LiveTrainingDisplay.Sink sink() {
        return sink;
    }

    /** Makes {@code kernelSink} the place live displays go. */
    static void attach(LiveTrainingDisplay.Sink kernelSink) {
        sink = kernelSink;
    }

    /** Forgets the kernel (it is shutting down): live displays do nothing again. */
    static void detach() {
        sink = null;
    }

    /**
     * Records that the library's renderers are being registered with {@code renderer}.
     *
     * @return true the first time for that renderer, false after (nothing is registered twice)
     */
    static boolean firstTime(Object renderer) {
        return REGISTERED.putIfAbsent(renderer, Boolean.TRUE) == null;
    }

    /** Whether Tablesaw and XChart, which the renderers need, can be loaded. */
    static boolean renderingDependenciesPresent(ClassLoader loader) {
        return missingRenderingDependencies(loader).isEmpty();
    }

    private static void requireRenderingDependencies(ClassLoader loader) {
        List<String> missing = missingRenderingDependencies(loader);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("backprop: " + String.join(" and ", missing)
                    + " not on the notebook's class path; add the library's dependencies with %classpath (or %maven in JJava),"
                    + " then run Notebook.setup() again");
        }
    }

    private static List<String> missingRenderingDependencies(ClassLoader loader) {
        List<String> missing = new ArrayList<>();
        RENDERING_DEPENDENCIES.forEach((className, library) -> {
            if (!present(className, loader)) {
                missing.add(library + " (" + className + ")");
            }
        });
        Collections.sort(missing);
        return missing;
    }

    private static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
