package io.github.backprop.notebook;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs snippets in this JVM, as IJava's execution control does, and keeps each expression's live
 * result object (JShell itself would only keep its string form) so the runner can render it.
 */
final class RunnerExecutionControl extends LocalExecutionControl {
    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private final AtomicReference<Thread> running = new AtomicReference<>();

    /** Takes (and forgets) the live value stored under the key JShell reported as the snippet's value. */
    Object takeResult(String key) {
        return results.remove(key);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        AtomicReference<Object> value = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                value.set(doitMethod.invoke(null));
            } catch (InvocationTargetException e) {
                failure.set(e);
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "notebook-cell");
        worker.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        running.set(worker);
        worker.start();
        try {
            worker.join();
        } finally {
            running.set(null);
        }
        Throwable t = failure.get();
        if (t instanceof InvocationTargetException ite) {
            throw ite;
        }
        if (t instanceof Exception e) {
            throw e;
        }
        if (t != null) {
            throw new InvocationTargetException(t);
        }
        String key = UUID.randomUUID().toString();
        results.put(key, value.get() == null ? NULL : value.get());
        return key;
    }

    /** Interrupts the running cell, as IJava's interrupt does. */
    void interruptRunning() {
        Thread t = running.get();
        if (t != null) {
            t.interrupt();
        }
    }

    /** Stops the running cell even if it ignores interruption (used after a timeout). */
    @SuppressWarnings({"deprecation", "removal"})
    void killRunning() {
        Thread t = running.get();
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                t.stop();
            }
        }
    }

    /** Marker for a null result, since the map cannot hold null. */
    static final Object NULL = new Object();

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
