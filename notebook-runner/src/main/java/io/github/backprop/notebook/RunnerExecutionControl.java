package io.github.backprop.notebook;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs snippets in this JVM, as IJava's execution control does, and keeps each expression's live
 * result object (JShell itself would only keep its string form) so the runner can render it.
 *
 * <p>Like IJava's, it extends JShell's {@link DirectExecutionControl} and runs every snippet on one
 * long-lived thread. It does not extend {@code LocalExecutionControl}: on newer JDKs (25, unlike
 * 17) that class rewrites each snippet class to call a cancel check that only its own
 * {@code invoke} loads ({@code NoClassDefFoundError: REPL/$Cancel$} otherwise), and on 17 its stop
 * relies on {@code Thread.stop}, which throws from JDK 20 on. The runner needs neither: the cell timeout is
 * enforced by the parent process, which ends this JVM.
 */
final class RunnerExecutionControl extends DirectExecutionControl {
    /** Marker for a null result, since the map cannot hold null. */
    static final Object NULL = new Object();

    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private final ExecutorService cellThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "notebook-cell");
        t.setDaemon(true);
        return t;
    });

    /** Takes (and forgets) the live value stored under the key JShell reported as the snippet's value. */
    Object takeResult(String key) {
        return results.remove(key);
    }

    /** Forgets every value not taken, so that no cell's values outlive it through this map. */
    void forgetResults() {
        results.clear();
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Future<Object> run = cellThread.submit(() -> {
            Thread.currentThread().setContextClassLoader(loader);
            return doitMethod.invoke(null);
        });
        Object value;
        try {
            value = run.get();
        } catch (ExecutionException e) {
            // the InvocationTargetException (or other failure) of doitMethod.invoke, as JShell expects it
            Throwable t = e.getCause();
            if (t instanceof Exception ex) {
                throw ex;
            }
            throw new java.lang.reflect.InvocationTargetException(t);
        }
        String key = UUID.randomUUID().toString();
        results.put(key, value == null ? NULL : value);
        return key;
    }

    /** Hands JShell this execution control. */
    static final class Provider implements ExecutionControlProvider {
        private RunnerExecutionControl control;

        @Override
        public String name() {
            return "backprop-notebook-runner";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            control = new RunnerExecutionControl();
            return control;
        }

        RunnerExecutionControl control() {
            return control;
        }
    }
}
