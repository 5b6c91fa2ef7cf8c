package io.github.backprop.notebooks;

import io.github.backprop.notebook.ExecutedNotebook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every number a notebook states in its text is what its cells compute. A claim names the
 * notebook, the code cell that computes the value, and the number as the text writes it. The test
 * checks that the text really contains the number and that the cell's result, rounded to the same
 * number of decimals, is that number (or, for a text result, contains it).
 */
@DisplayName("The numbers stated in the notebooks' text")
class NotebookClaimsTest {

    record Claim(String notebook, String cellId, String stated) {
        @Override
        public String toString() {
            return notebook + " states " + stated + " (cell " + cellId + ")";
        }
    }

    static final List<Claim> CLAIMS = List.of(
            // 1: the forward pass and the MSE loss, on Mazur's 2-2-1 example
            new Claim("01-forward-pass-and-mse.ipynb", "one-neuron-z", "0.3775"),
            new Claim("01-forward-pass-and-mse.ipynb", "one-neuron-a", "0.593270"),
            new Claim("01-forward-pass-and-mse.ipynb", "forward-z2-by-hand", "1.105906"),
            new Claim("01-forward-pass-and-mse.ipynb", "forward-output", "0.751365"),
            new Claim("01-forward-pass-and-mse.ipynb", "mse-by-hand", "0.274811"),
            new Claim("01-forward-pass-and-mse.ipynb", "mse-by-library", "0.274811"),
            // 2: the sigmoid's derivative
            new Claim("02-sigmoid-and-its-derivative.ipynb", "max-search", "0.25"),
            new Claim("02-sigmoid-and-its-derivative.ipynb", "slope-at-six", "0.002467"),
            new Claim("02-sigmoid-and-its-derivative.ipynb", "fd-analytic", "0.241301"),
            new Claim("02-sigmoid-and-its-derivative.ipynb", "fd-difference", "3.2e-12"),
            // 3: the output delta
            new Claim("03-output-delta-and-chain-rule.ipynb", "dLda", "0.741365"),
            new Claim("03-output-delta-and-chain-rule.ipynb", "slope", "0.186816"),
            new Claim("03-output-delta-and-chain-rule.ipynb", "delta", "0.138499"),
            new Claim("03-output-delta-and-chain-rule.ipynb", "dw", "0.082167"),
            new Claim("03-output-delta-and-chain-rule.ipynb", "dw", "0.082668"),
            // 4: hidden deltas
            new Claim("04-hidden-layer-deltas.ipynb", "hidden-by-hand", "0.013368"),
            new Claim("04-hidden-layer-deltas.ipynb", "hidden-by-hand", "0.014996"),
            // 5: bias gradients and one step
            new Claim("05-bias-gradients-and-gradient-check.ipynb", "network", "0.274811"),
            new Claim("05-bias-gradients-and-gradient-check.ipynb", "one-step", "0.358916"),
            new Claim("05-bias-gradients-and-gradient-check.ipynb", "loss-after-step", "0.258015"),
            new Claim("05-bias-gradients-and-gradient-check.ipynb", "bias-values", "0.138499"),
            new Claim("05-bias-gradients-and-gradient-check.ipynb", "bias-values", "0.013368"),
            new Claim("05-bias-gradients-and-gradient-check.ipynb", "bias-values", "0.014996"),
            new Claim("05-bias-gradients-and-gradient-check.ipynb", "weights", "0.000668"),
            new Claim("05-bias-gradients-and-gradient-check.ipynb", "weights", "0.082167"),
            new Claim("05-bias-gradients-and-gradient-check.ipynb", "neurons", "0.751365"),
            new Claim("05-bias-gradients-and-gradient-check.ipynb", "bce-delta", "0.741365"),
            // 5: the cost of a gradient, counted in multiply-adds for the 64-32-10 network (exact, not timed)
            new Claim("05-bias-gradients-and-gradient-check.ipynb", "cost-example", "2410"),
            new Claim("05-bias-gradients-and-gradient-check.ipynb", "cost-example", "2368"),
            new Claim("05-bias-gradients-and-gradient-check.ipynb", "cost-example", "2688"),
            new Claim("05-bias-gradients-and-gradient-check.ipynb", "cost-example", "320"),
            new Claim("05-bias-gradients-and-gradient-check.ipynb", "cost-example", "11413760"),
            new Claim("05-bias-gradients-and-gradient-check.ipynb", "cost-example", "2257"),
            // 6: training: the default initialisation, XOR and its plateau, the moons with a three-way split,
            // the optimisers, the learning rate
            new Claim("08-training.ipynb", "xor-init-limit", "0.707"),
            new Claim("08-training.ipynb", "xor-epochs", "1362"),
            new Claim("08-training.ipynb", "plateau-table", "0.24306"),
            new Claim("08-training.ipynb", "plateau-table", "0.24247"),
            new Claim("08-training.ipynb", "plateau-table", "0.00009"),
            new Claim("08-training.ipynb", "plateau-table", "0.00027"),
            new Claim("08-training.ipynb", "plateau-table", "0.00022"),
            new Claim("08-training.ipynb", "plateau-table", "0.00743"),
            new Claim("08-training.ipynb", "plateau-samples", "0.11639"),
            new Claim("08-training.ipynb", "plateau-samples", "0.14036"),
            new Claim("08-training.ipynb", "plateau-samples", "0.125"),
            new Claim("08-training.ipynb", "plateau-samples", "0.00027"),
            new Claim("08-training.ipynb", "plateau-end", "0.154"),
            new Claim("08-training.ipynb", "plateau-end", "0.0007"),
            new Claim("08-training.ipynb", "moons-train", "100 training"),
            new Claim("08-training.ipynb", "moons-stop", "epoch 164"),
            new Claim("08-training.ipynb", "moons-stop", "epoch 184"),
            new Claim("08-training.ipynb", "moons-test", "49 of 50"),
            new Claim("08-training.ipynb", "moons-test", "0.98"),
            new Claim("08-training.ipynb", "optimizers-epochs", "1362"),
            new Claim("08-training.ipynb", "optimizers-epochs", "178"),
            new Claim("08-training.ipynb", "optimizers-epochs", "338"),
            new Claim("08-training.ipynb", "lr-table", "0.4155"),
            new Claim("08-training.ipynb", "lr-table", "9.861e-34"),
            new Claim("08-training.ipynb", "diverge", "epoch 233"),
            new Claim("08-training.ipynb", "diverge", "epoch 232"),
            // 7: digits: a three-way split, overfitting, early stopping, the test set once, several tags per image
            new Claim("10-digit-recognition.ipynb", "split", "1079 training"),
            new Claim("10-digit-recognition.ipynb", "stopped", "epoch 90"),
            new Claim("10-digit-recognition.ipynb", "stopped", "epoch 95"),
            new Claim("10-digit-recognition.ipynb", "gap", "0.999"),
            new Claim("10-digit-recognition.ipynb", "gap", "0.972"),
            new Claim("10-digit-recognition.ipynb", "overfit-numbers", "0.478"),
            new Claim("10-digit-recognition.ipynb", "overfit-numbers", "epoch 137"),
            new Claim("10-digit-recognition.ipynb", "overfit-numbers", "0.850"),
            new Claim("10-digit-recognition.ipynb", "test-accuracy", "347 of 359"),
            new Claim("10-digit-recognition.ipynb", "test-accuracy", "0.967"),
            new Claim("10-digit-recognition.ipynb", "tags-exact", "0.916"),
            // 8: vanishing gradients
            new Claim("11-vanishing-gradients.ipynb", "sigmoid-ratio", "851"),
            new Claim("11-vanishing-gradients.ipynb", "sigmoid-loss", "2.307"),
            new Claim("11-vanishing-gradients.ipynb", "sigmoid-accuracy", "0.100"),
            new Claim("11-vanishing-gradients.ipynb", "chance", "2.303"),
            new Claim("11-vanishing-gradients.ipynb", "sigmoid-spread-5", "0.0002"),
            new Claim("11-vanishing-gradients.ipynb", "relu-ratio", "0.58"),
            new Claim("11-vanishing-gradients.ipynb", "relu-loss", "0.0096"),
            new Claim("11-vanishing-gradients.ipynb", "too-large-growth", "53"),
            new Claim("11-vanishing-gradients.ipynb", "too-small-shrink", "4.7e-09"),
            new Claim("11-vanishing-gradients.ipynb", "too-small-largest", "9.3e-05"),
            new Claim("11-vanishing-gradients.ipynb", "too-large-largest", "1.2e+38"),
            new Claim("11-vanishing-gradients.ipynb", "dead-in-both", "32"),
            // 9: your own data
            new Claim("12-your-own-data.ipynb", "sizes", "90 training, 30 validation, 30 test flowers"),
            new Claim("12-your-own-data.ipynb", "best-epoch", "86"),
            new Claim("12-your-own-data.ipynb", "best-validation-loss", "0.088"),
            new Claim("12-your-own-data.ipynb", "last-validation-loss", "0.142"),
            new Claim("12-your-own-data.ipynb", "early", "stopped after 106 epochs, with the weights of epoch 86"),
            new Claim("12-your-own-data.ipynb", "early-score", "correct=29"),
            new Claim("12-your-own-data.ipynb", "one-flower", "0.033"),
            new Claim("12-your-own-data.ipynb", "test-accuracy", "0.933"),
            new Claim("12-your-own-data.ipynb", "test-correct", "28"),
            new Claim("12-your-own-data.ipynb", "recipe", "correct=29"),
            // 10: beyond dense layers: a convolution worked on a digit, the conv net, backpropagation through time
            new Claim("13-beyond-dense-layers.ipynb", "z-by-hand", "1.7875"),
            new Claim("13-beyond-dense-layers.ipynb", "z-by-library", "1.7875"),
            new Claim("13-beyond-dense-layers.ipynb", "delta-by-hand", "0.122990"),
            new Claim("13-beyond-dense-layers.ipynb", "delta-by-library", "0.122990"),
            new Claim("13-beyond-dense-layers.ipynb", "dk-by-hand", "0.094306"),
            new Claim("13-beyond-dense-layers.ipynb", "db-by-hand", "0.230065"),
            new Claim("13-beyond-dense-layers.ipynb", "gradient-check-passes", "true"),
            new Claim("13-beyond-dense-layers.ipynb", "cnn-parameters", "1370"),
            new Claim("13-beyond-dense-layers.ipynb", "dense-parameters", "2410"),
            new Claim("13-beyond-dense-layers.ipynb", "cnn-best-epoch", "13"),
            new Claim("13-beyond-dense-layers.ipynb", "cnn-overfit", "epoch 23"),
            new Claim("13-beyond-dense-layers.ipynb", "cnn-overfit", "0.0227"),
            new Claim("13-beyond-dense-layers.ipynb", "cnn-overfit", "0.0090"),
            new Claim("13-beyond-dense-layers.ipynb", "cnn-overfit", "0.0487"),
            new Claim("13-beyond-dense-layers.ipynb", "cnn-overfit", "0.0566"),
            new Claim("13-beyond-dense-layers.ipynb", "cnn-validation-accuracy", "0.983"),
            new Claim("13-beyond-dense-layers.ipynb", "dense-validation-accuracy", "0.969"),
            new Claim("13-beyond-dense-layers.ipynb", "cnn-accuracy", "0.925"),
            new Claim("13-beyond-dense-layers.ipynb", "dense-accuracy", "0.889"),
            new Claim("13-beyond-dense-layers.ipynb", "delta1-by-hand", "0.159814, 0.240737"),
            new Claim("13-beyond-dense-layers.ipynb", "delta1-by-library", "0.159814, 0.240737"),
            new Claim("13-beyond-dense-layers.ipynb", "rnn-ratio", "56"),
            new Claim("13-beyond-dense-layers.ipynb", "rnn-accuracy", "1.0"),
            new Claim("13-beyond-dense-layers.ipynb", "long-ratio", "198908"),
            new Claim("13-beyond-dense-layers.ipynb", "short-epochs", "epoch 4"),
            new Claim("13-beyond-dense-layers.ipynb", "long-epochs", "epoch 21"),
            new Claim("13-beyond-dense-layers.ipynb", "long-accuracy", "1.0"),
            new Claim("13-beyond-dense-layers.ipynb", "chance-two", "0.69"),
            // 11: write backpropagation yourself (the library's side; the learner's side is checked by its check cells)
            new Claim("06-write-backpropagation-yourself.ipynb", "arrays", "-0.160134"),
            new Claim("06-write-backpropagation-yourself.ipynb", "library-loss", "0.127651"),
            new Claim("06-write-backpropagation-yourself.ipynb", "library-training", "0.002032"),
            new Claim("06-write-backpropagation-yourself.ipynb", "plateau", "0.125"),
            // 12: the computational graph: notebook 3's numbers from Values, the fork rule, training on Values
            new Claim("07-the-computational-graph.ipynb", "neuron-numbers", "0.741365"),
            new Claim("07-the-computational-graph.ipynb", "neuron-numbers", "0.186816"),
            new Claim("07-the-computational-graph.ipynb", "neuron-numbers", "0.138499"),
            new Claim("07-the-computational-graph.ipynb", "neuron-numbers", "0.082167"),
            new Claim("07-the-computational-graph.ipynb", "fork-grad", "-1"),
            new Claim("07-the-computational-graph.ipynb", "mlp-221", "29 values"),
            new Claim("07-the-computational-graph.ipynb", "hidden-both-ways", "0.013368"),
            new Claim("07-the-computational-graph.ipynb", "fork-sum", "0.036350"),
            new Claim("07-the-computational-graph.ipynb", "fork-sum", "0.008771"),
            new Claim("07-the-computational-graph.ipynb", "second-delta", "-0.038098"),
            new Claim("07-the-computational-graph.ipynb", "value-training", "0.002032"),
            new Claim("07-the-computational-graph.ipynb", "library-training", "0.002032"),
            new Claim("07-the-computational-graph.ipynb", "weights-compare", "below 1e-12"),
            // 13: why cross-entropy: Nielsen's saturated neuron
            new Claim("09-why-cross-entropy.ipynb", "neuron", "0.982014"),
            new Claim("09-why-cross-entropy.ipynb", "slope", "0.017663"),
            new Claim("09-why-cross-entropy.ipynb", "start-losses", "0.48"),
            new Claim("09-why-cross-entropy.ipynb", "start-losses", "4.02"),
            new Claim("09-why-cross-entropy.ipynb", "halfway", "after epoch 17"),
            new Claim("09-why-cross-entropy.ipynb", "halfway", "after epoch 232"),
            new Claim("09-why-cross-entropy.ipynb", "halfway", "0.202848"),
            new Claim("09-why-cross-entropy.ipynb", "halfway", "0.012009"),
            new Claim("09-why-cross-entropy.ipynb", "ratio", "56.6"));

    @TestFactory
    @DisplayName("are what the cells compute")
    Stream<DynamicTest> areWhatTheCellsCompute() {
        return CLAIMS.stream().map(claim -> DynamicTest.dynamicTest(claim.toString(), () -> {
            ExecutedNotebook nb = TutorialRuns.run(claim.notebook());
            assertTrue(nb.succeeded(), () -> "the notebook failed: " + nb.failure().orElseThrow());
            assertTrue(nb.markdown().contains(claim.stated()),
                    () -> "the text of " + claim.notebook() + " no longer states " + claim.stated());
            String result = nb.cell(claim.cellId()).resultText()
                    .orElseThrow(() -> new AssertionError("cell " + claim.cellId() + " has no result"));
            if (isNumber(result) && isNumber(claim.stated())) {
                BigDecimal stated = new BigDecimal(claim.stated());
                BigDecimal computed = new BigDecimal(result).setScale(Math.max(0, stated.scale()), RoundingMode.HALF_UP);
                assertEquals(0, stated.compareTo(computed), () -> "stated " + claim.stated() + " but the cell computes " + result);
            } else {
                assertTrue(result.contains(claim.stated()), () -> "stated " + claim.stated() + " but the cell shows " + result);
            }
        }));
    }

    @TestFactory
    @DisplayName("cover every notebook")
    Stream<DynamicTest> coverEveryNotebook() {
        return TutorialRuns.names().stream().map(name -> DynamicTest.dynamicTest(name, () ->
                assertTrue(CLAIMS.stream().anyMatch(c -> c.notebook().equals(name)), name + " has no checked numbers")));
    }

    private static boolean isNumber(String s) {
        try {
            new BigDecimal(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
