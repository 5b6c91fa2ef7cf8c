package io.github.backprop.examples;

import io.github.backprop.nn.Network;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plain-Java user can leave Tablesaw, XChart and Jackson out: {@link PlainJavaXor} trains, traces
 * and checks XOR in a JVM whose class path holds the library's own classes and that one program.
 */
@DisplayName("The library without its notebook dependencies")
class PlainJavaTest {

    @Test
    @DisplayName("trains XOR, traces a sample and passes the gradient check with only its own classes on the class path")
    void trainsWithItsOwnClassesAlone(@TempDir Path dir) throws Exception {
        List<String> lines = runXor(dir, "plain");
        assertTrue(Double.parseDouble(lines.get(0).replace("final loss ", "")) < 0.01, lines::toString);
        assertTrue(Double.parseDouble(lines.get(1).replace("output for (1, 0) ", "")) > 0.85, lines::toString);
        assertTrue(Double.parseDouble(lines.get(2).replace("gradient check ", "")) < 1e-7, lines::toString);
    }

    @Test
    @DisplayName("the readable loops (-Dbackprop.kernels=reference) train to the same numbers, bit for bit, as the plain kernels")
    void readableLoopsTrainToTheSameNumbers(@TempDir Path dir) throws Exception {
        assertEquals(runXor(dir, "plain"), runXor(dir, "reference"));
    }

    /** PlainJavaXor's three lines of output, in a JVM with the library's classes and these kernels alone. */
    private static List<String> runXor(Path dir, String kernels) throws Exception {
        Path libraryClasses = Path.of(Network.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path program = dir.resolve("io/github/backprop/examples/PlainJavaXor.class");
        if (!Files.exists(program)) {
            Files.createDirectories(program.getParent());
            try (var in = PlainJavaXor.class.getResourceAsStream("PlainJavaXor.class")) {
                Files.copy(in, program);
            }
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(javaBin, "-Dbackprop.kernels=" + kernels, "-cp",
                libraryClasses + java.io.File.pathSeparator + dir, PlainJavaXor.class.getName())
                .redirectErrorStream(true)
                .start();
        // a generous bound, only so that a hang fails the test instead of the build
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = read(process);
        assertTrue(finished, "the program did not finish: " + output);
        assertEquals(0, process.exitValue(), output);
        List<String> lines = output.lines().filter(l -> !l.startsWith("WARNING")).toList();
        assertEquals(3, lines.size(), output);
        return lines;
    }

    private static String read(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
