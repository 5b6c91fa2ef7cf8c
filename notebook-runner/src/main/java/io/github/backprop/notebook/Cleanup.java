package io.github.backprop.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the runner must not leave behind: the notebook JVMs it started (with anything they started)
 * and its temporary files. One shutdown hook, installed the first time something is registered,
 * ends the processes and deletes the files when this JVM is stopped (Ctrl-C, SIGTERM, or
 * {@code System.exit} from elsewhere) while a run is under way. A finished run unregisters what
 * it cleaned itself.
 */
final class Cleanup {
    private static final Set<Process> PROCESSES = ConcurrentHashMap.newKeySet();
    private static final Set<Path> PATHS = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;
    private static volatile boolean stopping;

    private Cleanup() {
    }

    /** Ends this process (and its descendants) if the runner's JVM stops before {@link #forget(Process)}. */
    static void track(Process process) {
        installHook();
        PROCESSES.add(process);
    }

    /** Deletes this file or folder (with its content) if the runner's JVM stops before {@link #forget(Path)}. */
    static void track(Path path) {
        installHook();
        PATHS.add(path);
    }

    /**
     * True once the runner's JVM is stopping: a notebook JVM that ends now was ended by the
     * shutdown hook, which is no failure of the notebook's.
     */
    static boolean stopping() {
        return stopping;
    }

    static void forget(Process process) {
        PROCESSES.remove(process);
    }

    static void forget(Path path) {
        PATHS.remove(path);
    }

    /** Ends a process and everything it started, and waits (briefly) until it is gone. */
    static void end(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes a file or a folder with its content; what cannot be deleted is left. */
    static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left behind; nothing else can be done here
                }
            });
        } catch (IOException e) {
            // the folder vanished or cannot be listed
        }
    }

    private static synchronized void installHook() {
        if (hookInstalled) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            PROCESSES.forEach(Cleanup::end);
            PATHS.forEach(Cleanup::delete);
        }, "notebook-runner-cleanup"));
        hookInstalled = true;
    }
}
