package io.github.backprop.display;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * Switches on inline display in JJava as soon as the library is on the notebook's class path: JJava
 * looks for {@code META-INF/services/org.dflib.jjava.jupyter.Extension} in every jar that
 * {@code %classpath} (or {@code JJAVA_CLASSPATH}) adds, and installs the extensions it lists, this
 * one included. Installing does what {@link Notebook#setup()} does, so in JJava that call finds
 * everything done. You never call this class yourself.
 */
public final class JJavaExtension implements Extension {
    /** Called by JJava's service loader. */
    public JJavaExtension() {
    }

    /**
     * Registers the library's renderers with the kernel's renderer, and lets {@link LiveTrainingDisplay}
     * show training in it. When Tablesaw or XChart, which the renderers need, is not on the class path
     * yet (the library's jar was added on its own), it does nothing, so adding the jar does not fail;
     * {@link Notebook#setup()}, run once they are there, registers the renderers then.
     *
     * @param kernel the JJava kernel installing this extension
     */
    @Override
    public void install(BaseKernel kernel) {
        if (Notebook.renderingDependenciesPresent(JJavaExtension.class.getClassLoader())) {
            Notebook.attach(JJavaDisplay.attach(kernel));
        }
    }

    /**
     * Stops showing live training in the kernel, which is shutting down.
     *
     * @param kernel the kernel that installed this extension
     */
    @Override
    public void uninstall(BaseKernel kernel) {
        Notebook.detach();
    }
}
