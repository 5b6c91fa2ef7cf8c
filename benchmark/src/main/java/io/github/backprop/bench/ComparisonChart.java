package io.github.backprop.bench;

import io.github.backprop.chart.ChartStyle;
import io.github.backprop.chart.Charts;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The side-by-side comparison of {@code benchmark/compare.sh} as a bar chart: for each workload, how
 * many times faster each implementation is than numpy, numpy's median time divided by its median
 * time (numpy is 1; higher is faster), the value written on each bar. Reads the runs' JSON lines on
 * standard input and writes a PNG:
 *
 * <pre>
 * java -Djava.awt.headless=true -cp benchmark/target/benchmark.jar io.github.backprop.bench.ComparisonChart out.png &lt; runs.jsonl
 * </pre>
 *
 * {@code compare.sh -c out.png} does this for the runs it has just made.
 */
public final class ComparisonChart {
    /** The workloads in the order of the spec, with the names the chart gives them. */
    static final Map<String, String> WORKLOADS = new LinkedHashMap<>();

    static {
        WORKLOADS.put("xor", "W1 xor");
        WORKLOADS.put("digits", "W2 digits");
        WORKLOADS.put("mnist-shape", "W3 mnist-shape");
    }

    /** The implementation every other one is divided by. */
    static final String REFERENCE = "numpy-f64";

    private static final Pattern IMPL = Pattern.compile("\"impl\":\\s*\"([^\"]+)\"");
    private static final Pattern WORKLOAD = Pattern.compile("\"workload\":\\s*\"([^\"]+)\"");
    private static final Pattern TOTAL_SECONDS = Pattern.compile("\"total_seconds\":\\s*([0-9.eE+-]+)");
    private static final Pattern SECONDS_PER_EPOCH = Pattern.compile("\"seconds_per_epoch\":\\s*([0-9.eE+-]+)");

    /** One run: which implementation, which workload, and its time (total for W1, per epoch otherwise). */
    record Run(String impl, String workload, double seconds) {
    }

    private ComparisonChart() {
    }

    /**
     * Writes the chart of the JSON lines on standard input to the PNG file given as the argument.
     *
     * @param args the PNG file to write
     * @throws IOException if the input cannot be read or the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ComparisonChart OUT.png < runs.jsonl");
            System.exit(2);
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        }
        Charts.save(chart(relativeToReference(medians(parse(lines)))), Path.of(args[0]));
    }

    /**
     * The runs in JSON lines; other lines (a table, a blank line) are skipped.
     *
     * @param lines the output of the benchmark runs
     * @return one run per JSON line
     * @throws IllegalArgumentException for a JSON line without an implementation, a known workload or its time
     */
    static List<Run> parse(List<String> lines) {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (!line.startsWith("{")) {
                continue;
            }
            String impl = find(IMPL, line, "impl", i);
            String workload = find(WORKLOAD, line, "workload", i);
            if (!WORKLOADS.containsKey(workload)) {
                throw new IllegalArgumentException("line " + (i + 1) + ": unknown workload '" + workload
                        + "' (expected one of " + WORKLOADS.keySet() + ")");
            }
            boolean total = workload.equals("xor");
            String key = total ? "total_seconds" : "seconds_per_epoch";
            Matcher m = (total ? TOTAL_SECONDS : SECONDS_PER_EPOCH).matcher(line);
            if (!m.find()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": no \"" + key + "\" in " + line);
            }
            double seconds = Double.parseDouble(m.group(1));
            if (!(seconds > 0) || !Double.isFinite(seconds)) {
                throw new IllegalArgumentException("line " + (i + 1) + ": \"" + key + "\" must be a positive time, got "
                        + m.group(1));
            }
            runs.add(new Run(impl, workload, seconds));
        }
        return runs;
    }

    private static String find(Pattern pattern, String line, String what, int i) {
        Matcher m = pattern.matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("line " + (i + 1) + ": no \"" + what + "\" in " + line);
        }
        return m.group(1);
    }

    /**
     * The median time of each implementation on each workload.
     *
     * @param runs the runs
     * @return workload, then implementation (in name order), to the median time in seconds
     */
    static Map<String, Map<String, Double>> medians(List<Run> runs) {
        Map<String, Map<String, List<Double>>> times = new LinkedHashMap<>();
        for (String workload : WORKLOADS.keySet()) {
            for (Run r : runs) {
                if (r.workload().equals(workload)) {
                    times.computeIfAbsent(workload, w -> new TreeMap<>()).computeIfAbsent(r.impl(), x -> new ArrayList<>())
                            .add(r.seconds());
                }
            }
        }
        Map<String, Map<String, Double>> medians = new LinkedHashMap<>();
        times.forEach((workload, byImpl) -> {
            Map<String, Double> m = new TreeMap<>();
            byImpl.forEach((impl, t) -> m.put(impl, median(t)));
            medians.put(workload, m);
        });
        return medians;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * numpy's median divided by every median on the same workload: how many times faster than numpy.
     *
     * @param medians from {@link #medians}
     * @return the same shape, numpy's entries 1
     * @throws IllegalArgumentException if a workload has no numpy run to compare with
     */
    static Map<String, Map<String, Double>> relativeToReference(Map<String, Map<String, Double>> medians) {
        if (medians.isEmpty()) {
            throw new IllegalArgumentException("no benchmark runs in the input");
        }
        Map<String, Map<String, Double>> relative = new LinkedHashMap<>();
        medians.forEach((workload, byImpl) -> {
            Double reference = byImpl.get(REFERENCE);
            if (reference == null) {
                throw new IllegalArgumentException("no " + REFERENCE + " run for workload '" + workload
                        + "': the chart shows times relative to numpy");
            }
            Map<String, Double> r = new TreeMap<>();
            byImpl.forEach((impl, t) -> r.put(impl, reference / t));
            relative.put(workload, r);
        });
        return relative;
    }

    /**
     * The bar chart: one group per workload, one bar per implementation.
     *
     * @param relative from {@link #relativeToReference}
     * @return the chart, 800 x 450 pixels
     */
    static CategoryChart chart(Map<String, Map<String, Double>> relative) {
        CategoryChart chart = new CategoryChartBuilder().width(800).height(450)
                .title("Training speed relative to numpy (medians; higher is faster)")
                .yAxisTitle("numpy's time / time").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisDecimalPattern("0.##");
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setLabelsFontColor(java.awt.Color.BLACK);
        chart.getStyler().setLabelsPosition(1.0);
        List<String> workloads = new ArrayList<>();
        relative.keySet().forEach(w -> workloads.add(WORKLOADS.get(w)));
        Map<String, List<Double>> series = new TreeMap<>();
        for (Map<String, Double> byImpl : relative.values()) {
            byImpl.keySet().forEach(impl -> series.putIfAbsent(impl, new ArrayList<>()));
        }
        for (Map.Entry<String, List<Double>> s : series.entrySet()) {
            for (Map<String, Double> byImpl : relative.values()) {
                // an implementation missing from a workload gets no bar there (null is not drawn)
                s.getValue().add(byImpl.get(s.getKey()));
            }
            chart.addSeries(s.getKey(), workloads, s.getValue());
        }
        return chart;
    }
}
