package io.github.backprop.notebook;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which Java kernel the notebook's JVM emulates: the API a notebook's code sees (its kernel type,
 * renderer and display statics), the start-up script, the magics and the warnings they print.
 * Both kernels run cells through JShell and render a cell's last expression with their renderer;
 * the runner does the same in either dialect.
 */
public enum KernelDialect {
    /**
     * IJava 1.3.0 (SpencerPark/IJava): basekernel 2.3.0's API ({@code io.github.spencerpark.jupyter.kernel}),
     * IJava's start-up script, {@code getKernelInstance()}, and the magics {@code %jars} (files) and
     * {@code %classpath} (files and folders).
     */
    IJAVA("ijava", "IJava 1.3.0"),
    /**
     * JJava (dflib/jjava), IJava's maintained successor: its API {@code org.dflib.jjava:jjava-jupyter:1.0-a6}
     * ({@code org.dflib.jjava.jupyter}), its start-up script with {@code kernel()}, the magic
     * {@code %classpath}, the deprecated {@code %jars} and {@code getKernelInstance()} with the
     * warnings JJava prints, and the extensions ({@code META-INF/services/org.dflib.jjava.jupyter.Extension})
     * that JJava installs from the jars {@code %classpath} adds.
     */
    JJAVA("jjava", "JJava");

    private final String option;
    private final String kernelName;

    KernelDialect(String option, String kernelName) {
        this.option = option;
        this.kernelName = kernelName;
    }

    /** The dialect's name on the command line ({@code --kernel ijava|jjava}) and in the notebook JVM's arguments. */
    public String option() {
        return option;
    }

    /** The kernel's name, for messages: "IJava 1.3.0" or "JJava". */
    public String kernelName() {
        return kernelName;
    }

    /**
     * The dialect with this command-line name.
     *
     * @param option {@code ijava} or {@code jjava} (any case)
     * @return the dialect
     * @throws IllegalArgumentException naming the choices if there is no such dialect
     */
    public static KernelDialect fromOption(String option) {
        for (KernelDialect d : values()) {
            if (d.option.equals(option.toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown kernel '" + option + "': choose "
                + Arrays.stream(values()).map(KernelDialect::option).collect(Collectors.joining(" or ")));
    }
}
