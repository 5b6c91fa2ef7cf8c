package io.github.backprop.bench;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The side-by-side comparison (benchmark/compare.sh and benchmark/python/): the script is clean,
 * the table is computed right, and the numpy reference reproduces the spec's values. Tools that
 * are missing skip these tests on a developer's machine but fail them in CI (CI=true), where
 * .ci/run installs them.
 */
@DisplayName("The numpy/PyTorch comparison")
class ComparisonScriptsTest {
    static final Path BENCHMARK = Path.of("").toAbsolutePath();
    static final String PYTHON = "/usr/bin/python3";

    record Run(int exit, String out, String err) {
    }

    static Run run(String stdin, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(BENCHMARK.toFile()).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out, err);
    }

    static void requireTool(String check) throws IOException, InterruptedException {
        boolean present = run(null, "sh", "-c", check).exit() == 0;
        assumeTrue(present || "true".equals(System.getenv("CI")), "not installed: " + check);
    }

    @Test
    @DisplayName("compare.sh passes shellcheck")
    void shellcheck() throws Exception {
        requireTool("command -v shellcheck");
        Run r = run(null, "shellcheck", "compare.sh");
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    @Test
    @DisplayName("the README, docs/benchmarks.md and compare.sh run the workloads with the same JVM options")
    void sameOptionsEverywhere() throws Exception {
        Matcher script = Pattern.compile("java_opts=\\$\\{JAVA_OPTS:-\"([^\"]+)\"}")
                .matcher(Files.readString(BENCHMARK.resolve("compare.sh")));
        assertTrue(script.find(), "compare.sh sets java_opts");
        String options = script.group(1);
        for (Path doc : List.of(BENCHMARK.resolve("../README.md"), BENCHMARK.resolve("../docs/benchmarks.md"))) {
            List<String> commands = Files.readAllLines(doc).stream()
                    .filter(line -> line.startsWith("java ") && line.contains("benchmark.jar w"))
                    .toList();
            assertEquals(List.of(
                    "java " + options + " -jar benchmark/target/benchmark.jar w1",
                    "java " + options + " -jar benchmark/target/benchmark.jar w2",
                    "java " + options + " -jar benchmark/target/benchmark.jar w3"), commands, doc.toString());
        }
    }

    @Nested
    @DisplayName("summarise.py")
    class Summary {
        static final String LINES = String.join("\n",
                "{\"impl\": \"backprop-java\", \"workload\": \"digits\", \"seconds_per_epoch\": 0.002, \"final_loss_ok\": true, \"peak_rss_mb\": 300}",
                "{\"impl\": \"backprop-java\", \"workload\": \"digits\", \"seconds_per_epoch\": 0.004, \"final_loss_ok\": true, \"peak_rss_mb\": 310}",
                "{\"impl\": \"backprop-java\", \"workload\": \"digits\", \"seconds_per_epoch\": 0.009, \"final_loss_ok\": true, \"peak_rss_mb\": 305}",
                "{\"impl\": \"numpy-f64\", \"workload\": \"digits\", \"seconds_per_epoch\": 0.002, \"final_loss_ok\": true, \"peak_rss_mb\": 36}",
                "");

        @Test
        @DisplayName("reports each implementation's median, its ratio to this library's median and the largest memory")
        void medianAndRatio() throws Exception {
            requireTool("command -v " + PYTHON);
            Run r = run(LINES, PYTHON, "python/summarise.py");
            assertEquals(0, r.exit(), r.err());
            List<String> rows = r.out().lines().toList();
            assertEquals("| digits | backprop-java | 3 | 4 ms per epoch | 2 - 9 | 1.00x | yes | 310 MB |", rows.get(2));
            assertEquals("| digits | numpy-f64 | 1 | 2 ms per epoch | 2 - 2 | 0.50x | yes | 36 MB |", rows.get(3));
        }

        @Test
        @DisplayName("marks a run whose correctness check failed, and exits 1")
        void failedCheck() throws Exception {
            requireTool("command -v " + PYTHON);
            Run r = run(LINES.replace("\"seconds_per_epoch\": 0.002, \"final_loss_ok\": true, \"peak_rss_mb\": 36",
                    "\"seconds_per_epoch\": 0.002, \"final_loss_ok\": false, \"peak_rss_mb\": 36"), PYTHON, "python/summarise.py");
            assertEquals(1, r.exit());
            assertTrue(r.out().contains("| digits | numpy-f64 | 1 | 2 ms per epoch | 2 - 2 | 0.50x | NO | 36 MB |"), r.out());
        }
    }

    @Nested
    @DisplayName("the numpy reference (workloads.py)")
    class NumpyReference {
        @Test
        @DisplayName("reproduces W1's reference loss and W2's 326/360 with its reference loss")
        void matchesTheSpec() throws Exception {
            requireTool(PYTHON + " -c 'import numpy'");
            for (String workload : List.of("w1", "w2")) {
                Run r = run(null, PYTHON, "python/workloads.py", "numpy", workload);
                assertEquals(0, r.exit(), workload + ": " + r.out() + r.err());
                assertTrue(r.out().contains("\"final_loss_ok\": true"), r.out());
            }
        }

        @Test
        @DisplayName("says which BLAS numpy runs on, and it is OpenBLAS where Debian's OpenBLAS is installed")
        void namesItsBlas() throws Exception {
            requireTool(PYTHON + " -c 'import numpy'");
            Run r = run(null, PYTHON, "python/workloads.py", "numpy", "w1");
            assertEquals(0, r.exit(), r.out() + r.err());
            boolean openblasInstalled = run(null, "dpkg", "-s", "libopenblas0-pthread").exit() == 0;
            String expected = openblasInstalled ? "\"blas\": \"openblas\"" : "\"blas\": \"";
            assertTrue(r.out().contains(expected), r.out());
        }

        @Test
        @DisplayName("generates W3's data bit for bit: the spec's checks on labels, counts and entries")
        void w3Data() throws Exception {
            requireTool(PYTHON + " -c 'import numpy'");
            String check = String.join("\n",
                    "import sys; sys.path.insert(0, 'python')",
                    "import numpy as np, workloads",
                    "x, labels = workloads.mnist_shape()",
                    "print(list(labels[:3]), list(np.bincount(labels)))",
                    "print(repr(x[0, 2]), repr(x[2, 782]), int((x == 0.0).sum()), int((x == 1.0).sum()))");
            Run r = run(null, PYTHON, "-c", check);
            assertEquals(0, r.exit(), r.err());
            assertEquals(List.of("[9, 2, 5] [5833, 6059, 6074, 5959, 5916, 6093, 6012, 6036, 6015, 6003]",
                    "0.10942994763791958 0.2896260607081906 23383176 11461979"), r.out().lines().toList());
        }
    }
}
