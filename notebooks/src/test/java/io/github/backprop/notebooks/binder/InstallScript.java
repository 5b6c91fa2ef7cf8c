package io.github.backprop.notebooks.binder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Runs {@code binder/install-kernel.sh} in a clean environment, and builds stand-in IJava zips for it. */
final class InstallScript {
    /** Tests run in notebooks/, so the repository root is its parent. */
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path SCRIPT = REPO.resolve("binder/install-kernel.sh");
    /** The layout of IJava's release zip ijava-1.3.0.zip. */
    static final List<String> RELEASE_LAYOUT = List.of(
            "install.py", "java/kernel.json", "java/ijava-1.3.0.jar", "java/dependency-licenses/dependencies.html");
    /** Every setting the script reads from the environment; a test sets only the ones it means to. */
    private static final List<String> SETTINGS = List.of(
            "IJAVA_ZIP", "IJAVA_URL", "JUPYTER_DATA_DIR", "KERNEL_HEAP", "KERNEL_VECTOR_API", "KERNEL_JVM_OPTIONS", "NOTEBOOK_JARS",
            "NB_PYTHON_PREFIX", "JAVA_HOME", "JJAVA_KERNEL_DIR");
    /** JJava's kernel.json as {@code pip install jjava} installs it (JJava 1.0-a6 and 1.0-a7 ship the same file). */
    static final String JJAVA_KERNEL_JSON = """
            {
                "argv": [
                    "java",
                    "-jar",
                    "{resource_dir}/jjava-launcher.jar",
                    "{resource_dir}/jjava.jar",
                    "{connection_file}"
                ],
                "display_name": "Java (jjava)",
                "language": "java",
                "interrupt_mode": "message",
                "env": {
                },
                "metadata": {
                }
            }
            """;

    record Result(int exitCode, String output) {
    }

    private InstallScript() {
    }

    /** Runs the script with the given environment settings and arguments; JAVA_HOME is this JVM's unless given. */
    static Result run(Map<String, String> settings, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        SETTINGS.forEach(pb.environment()::remove);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(settings);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Settings for an offline install of {@code zip} into {@code dataDir} with {@code jars} as the jar folder. */
    static Map<String, String> offline(Path zip, Path dataDir, Path jars) {
        return new HashMap<>(Map.of("IJAVA_ZIP", zip.toString(), "JUPYTER_DATA_DIR", dataDir.toString(),
                "NOTEBOOK_JARS", jars.toString()));
    }

    /** A zip holding {@code entries}; a jar entry holds the bytes "jar bytes", anything else "{}". */
    static Path zip(Path file, List<String> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (String e : entries) {
                out.putNextEntry(new ZipEntry(e));
                out.write((e.endsWith(".jar") ? "jar bytes" : "{}").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return file;
    }

    /** A stand-in for JJava's kernel folder after {@code pip install jjava}: its kernel.json and (dummy) jars. */
    static Path jjavaKernel(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kernel.json"), JJAVA_KERNEL_JSON);
        Files.writeString(dir.resolve("jjava-launcher.jar"), "jar bytes");
        Files.writeString(dir.resolve("jjava.jar"), "jar bytes");
        return dir;
    }

    /** A stand-in for notebooks/lib: a folder holding a (dummy) library jar. */
    static Path jarFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("backprop-0.1.0-SNAPSHOT.jar"), "jar bytes");
        return dir;
    }
}
