package io.github.backprop.course;

import io.github.backprop.autograd.Mlp;
import io.github.backprop.autograd.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.github.backprop.course.Verdicts.assertRight;
import static io.github.backprop.course.Verdicts.assertUnanswered;
import static io.github.backprop.course.Verdicts.assertWrong;

@DisplayName("Notebook 7's exercises")
class ComputationalGraphExercisesTest {

    @Nested
    @DisplayName("1: multiply swaps")
    class MultiplySwaps {
        @Test
        @DisplayName("accepts dL/da = b = -5 and dL/db = a = 2, typed or from Values")
        void right() {
            assertRight(ComputationalGraphExercises.multiplySwaps(-5, 2));
            Value a = Value.of(2);
            Value b = Value.of(-5);
            a.mul(b).backward();
            assertRight(ComputationalGraphExercises.multiplySwaps(a.grad(), b.grad()));
        }

        @Test
        @DisplayName("rejects the unswapped inputs and add's rule, with hints")
        void wrong() {
            assertWrong(ComputationalGraphExercises.multiplySwaps(2, -5), "other input", "-5");
            assertWrong(ComputationalGraphExercises.multiplySwaps(1, 1), "rule of add", "-5");
            assertWrong(ComputationalGraphExercises.multiplySwaps(-5, -5), "other input", "is 2");
            assertUnanswered(ComputationalGraphExercises.multiplySwaps(-5, Double.NaN));
        }
    }

    @Nested
    @DisplayName("2: gradients add at forks")
    class Fork {
        @Test
        @DisplayName("accepts 6 for x * x at x = 3")
        void right() {
            assertRight(ComputationalGraphExercises.forkSquare(6));
            assertRight(ComputationalGraphExercises.forkSquare(6.0));
        }

        @Test
        @DisplayName("rejects one use only and the value, with hints")
        void wrong() {
            assertWrong(ComputationalGraphExercises.forkSquare(3), "used twice", "6");
            assertWrong(ComputationalGraphExercises.forkSquare(9), "value", "6");
            assertWrong(ComputationalGraphExercises.forkSquare(-6), "sign", "6");
        }
    }

    @Nested
    @DisplayName("3: max routes")
    class MaxRoutes {
        @Test
        @DisplayName("accepts 0 for the smaller input and c = 2 for the larger")
        void right() {
            assertRight(ComputationalGraphExercises.maxRoutes(0, 2));
        }

        @Test
        @DisplayName("rejects a shared or unscaled gradient, with hints")
        void wrong() {
            assertWrong(ComputationalGraphExercises.maxRoutes(2, 2), "larger input receives all", "is 0");
            assertWrong(ComputationalGraphExercises.maxRoutes(0, 1), "dL/dm = c", "is 2");
            assertWrong(ComputationalGraphExercises.maxRoutes(0, 4), "value of max", "is 2");
        }
    }

    @Nested
    @DisplayName("4: a ReLU that is off")
    class Relu {
        @Test
        @DisplayName("accepts 0 and says why")
        void right() {
            assertRight(ComputationalGraphExercises.reluOff(0));
            Verdicts.has(ComputationalGraphExercises.reluOff(0.0).message(), "passes nothing back");
        }

        @Test
        @DisplayName("rejects the gradient of a ReLU that is on, with a hint")
        void wrong() {
            assertWrong(ComputationalGraphExercises.reluOff(2), "passed the gradient on unchanged", "is 0");
            assertWrong(ComputationalGraphExercises.reluOff(1), "slope of relu", "is 0");
            assertUnanswered(ComputationalGraphExercises.reluOff(Double.NaN));
        }
    }

    @Nested
    @DisplayName("5: the fork in a network")
    class ForkInNetwork {
        @Test
        @DisplayName("accepts the Values' a[1]_0 grad and its value rounded")
        void right() {
            Mlp mlp = Mlp.from(ComputationalGraphExercises.mazurTwoOutputs());
            Mlp.Pass pass = mlp.forward(new double[] {0.05, 0.10});
            Mlp.mse(pass.output(), new double[] {0.99, 0.01}).backward();
            double grad = pass.a(1, 0).grad();
            assertRight(ComputationalGraphExercises.forkInNetwork(grad));
            assertRight(ComputationalGraphExercises.forkInNetwork(Math.round(grad * 1e6) / 1e6));
        }

        @Test
        @DisplayName("rejects one path only and the delta after the slope, with hints")
        void wrong() {
            // w00 delta0 and w10 delta1 from BP1 with y = (0.99, 0.01)
            double a0 = 0.7513650695523157;
            double a1 = 0.7729284653214625;
            double delta0 = (a0 - 0.99) * a0 * (1 - a0);
            double delta1 = (a1 - 0.01) * a1 * (1 - a1);
            assertWrong(ComputationalGraphExercises.forkInNetwork(0.40 * delta0), "output neuron 0 only", "0.049");
            assertWrong(ComputationalGraphExercises.forkInNetwork(0.50 * delta1), "output neuron 1 only", "0.049");
            double hidden = 0.5932699921071872;
            assertWrong(ComputationalGraphExercises.forkInNetwork(hidden * (1 - hidden) * (0.40 * delta0 + 0.50 * delta1)),
                    "after the sigmoid's slope", "0.049");
        }
    }
}
