package io.github.backprop.autograd;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A Value")
class ValueTest {
    /** Step of the central finite difference. */
    static final double H = 1e-6;
    /** Relative error allowed between the gradient and the central difference. */
    static final double FD_TOLERANCE = 1e-6;
    static final double[] POINTS = {-1.7, -0.3, 0.4, 2.1};

    /** One operation of one input: how the engine computes it, and the formulas it must match. */
    record Unary(String name, UnaryOperator<Value> op, DoubleUnaryOperator f, DoubleUnaryOperator derivative,
                 DoubleUnaryOperator domain) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One operation of two inputs, with both partial derivatives. */
    record Binary(String name, BinaryOperator<Value> op, DoubleBinaryOperator f, DoubleBinaryOperator dfda,
                  DoubleBinaryOperator dfdb) {
        @Override
        public String toString() {
            return name;
        }
    }

    static double sigma(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static Stream<Unary> unaryOperations() {
        DoubleUnaryOperator any = x -> 1;
        DoubleUnaryOperator positive = x -> x > 0 ? 1 : 0;
        return Stream.of(
                new Unary("a + 2.5", a -> a.add(2.5), x -> x + 2.5, x -> 1, any),
                new Unary("a - 2.5", a -> a.sub(2.5), x -> x - 2.5, x -> 1, any),
                new Unary("a * -1.5", a -> a.mul(-1.5), x -> -1.5 * x, x -> -1.5, any),
                new Unary("a / 4", a -> a.div(4.0), x -> x / 4, x -> 0.25, any),
                new Unary("a^3", a -> a.pow(3), x -> x * x * x, x -> 3 * x * x, any),
                new Unary("a^0.5", a -> a.pow(0.5), Math::sqrt, x -> 0.5 / Math.sqrt(x), positive),
                new Unary("a^-2", a -> a.pow(-2), x -> 1 / (x * x), x -> -2 / (x * x * x), any),
                new Unary("-a", Value::neg, x -> -x, x -> -1, any),
                new Unary("exp(a)", Value::exp, Math::exp, Math::exp, any),
                new Unary("log(a)", Value::log, Math::log, x -> 1 / x, positive),
                new Unary("tanh(a)", Value::tanh, Math::tanh, x -> 1 - Math.tanh(x) * Math.tanh(x), any),
                new Unary("sigmoid(a)", Value::sigmoid, ValueTest::sigma, x -> sigma(x) * (1 - sigma(x)), any),
                new Unary("relu(a)", Value::relu, x -> Math.max(0, x), x -> x > 0 ? 1 : 0, any));
    }

    static Stream<Binary> binaryOperations() {
        return Stream.of(
                new Binary("a + b", Value::add, Double::sum, (a, b) -> 1, (a, b) -> 1),
                new Binary("a - b", Value::sub, (a, b) -> a - b, (a, b) -> 1, (a, b) -> -1),
                new Binary("a * b", Value::mul, (a, b) -> a * b, (a, b) -> b, (a, b) -> a),
                new Binary("a / b", Value::div, (a, b) -> a / b, (a, b) -> 1 / b, (a, b) -> -a / (b * b)),
                new Binary("max(a, b)", Value::max, Math::max, (a, b) -> a >= b ? 1 : 0, (a, b) -> a >= b ? 0 : 1));
    }

    static double relativeError(double x, double y) {
        return Math.abs(x - y) / Math.max(1e-8, Math.abs(x) + Math.abs(y));
    }

    static double centralDifference(DoubleUnaryOperator f, double x) {
        // f'(x) ~ (f(x + h) - f(x - h)) / 2h
        return (f.applyAsDouble(x + H) - f.applyAsDouble(x - H)) / (2 * H);
    }

    @Nested
    @DisplayName("operation of one input")
    class OneInput {
        @ParameterizedTest(name = "{0}")
        @MethodSource("io.github.backprop.autograd.ValueTest#unaryOperations")
        @DisplayName("computes the formula's value and its derivative, which the central difference confirms")
        void valueAndGradient(Unary u) {
            for (double x : POINTS) {
                if (u.domain().applyAsDouble(x) == 0) {
                    continue;
                }
                Value a = Value.of(x, "a");
                Value out = u.op().apply(a);
                out.backward();
                assertEquals(u.f().applyAsDouble(x), out.data(), 1e-14 * Math.max(1, Math.abs(out.data())), u + " at " + x);
                assertEquals(u.derivative().applyAsDouble(x), a.grad(), 1e-12 * Math.max(1, Math.abs(a.grad())),
                        "d(" + u + ")/da at " + x);
                double numeric = centralDifference(t -> u.op().apply(Value.of(t)).data(), x);
                assertTrue(relativeError(a.grad(), numeric) < FD_TOLERANCE,
                        "d(" + u + ")/da at " + x + ": " + a.grad() + " vs central difference " + numeric);
                assertEquals(a.grad(), out.localGradient(0), 0.0, "the local derivative is the gradient when out is the root");
            }
        }
    }

    @Nested
    @DisplayName("operation of two inputs")
    class TwoInputs {
        @ParameterizedTest(name = "{0}")
        @MethodSource("io.github.backprop.autograd.ValueTest#binaryOperations")
        @DisplayName("computes the formula's value and both partial derivatives, which central differences confirm")
        void valueAndGradients(Binary op) {
            for (double x : POINTS) {
                for (double y : POINTS) {
                    if (x == y) {
                        continue;
                    }
                    Value a = Value.of(x, "a");
                    Value b = Value.of(y, "b");
                    Value out = op.op().apply(a, b);
                    out.backward();
                    String at = " at (" + x + ", " + y + ")";
                    assertEquals(op.f().applyAsDouble(x, y), out.data(), 1e-14, op + at);
                    assertEquals(op.dfda().applyAsDouble(x, y), a.grad(), 1e-12, "d(" + op + ")/da" + at);
                    assertEquals(op.dfdb().applyAsDouble(x, y), b.grad(), 1e-12, "d(" + op + ")/db" + at);
                    double numericA = centralDifference(t -> op.op().apply(Value.of(t), Value.of(y)).data(), x);
                    double numericB = centralDifference(t -> op.op().apply(Value.of(x), Value.of(t)).data(), y);
                    assertTrue(relativeError(a.grad(), numericA) < FD_TOLERANCE, "da" + at + ": " + a.grad() + " vs " + numericA);
                    assertTrue(relativeError(b.grad(), numericB) < FD_TOLERANCE, "db" + at + ": " + b.grad() + " vs " + numericB);
                }
            }
        }
    }

    @Nested
    @DisplayName("follows the gate rules")
    class GateRules {
        @Test
        @DisplayName("add distributes: both inputs receive the gradient that arrives")
        void addDistributes() {
            Value a = Value.of(2, "a");
            Value b = Value.of(-3, "b");
            Value out = a.add(b).mul(5.0);
            out.backward();
            assertEquals(5.0, a.grad());
            assertEquals(5.0, b.grad());
        }

        @Test
        @DisplayName("multiply swaps: each input receives the other input times the gradient that arrives")
        void multiplySwaps() {
            Value a = Value.of(2, "a");
            Value b = Value.of(-3, "b");
            Value out = a.mul(b).mul(5.0);
            out.backward();
            assertEquals(-3.0 * 5.0, a.grad());
            assertEquals(2.0 * 5.0, b.grad());
        }

        @Test
        @DisplayName("max routes: the larger input receives all of the gradient, the other none")
        void maxRoutes() {
            Value a = Value.of(2, "a");
            Value b = Value.of(-3, "b");
            Value out = a.max(b).mul(5.0);
            out.backward();
            assertEquals(5.0, a.grad());
            assertEquals(0.0, b.grad());
            Value c = Value.of(1, "c");
            Value d = Value.of(4, "d");
            c.max(d).backward();
            assertEquals(0.0, c.grad());
            assertEquals(1.0, d.grad());
        }
    }

    @Nested
    @DisplayName("in a graph")
    class InAGraph {
        @Test
        @DisplayName("adds up the gradients where a value is used twice (the fork rule): d(x*x + x)/dx = 2x + 1")
        void forkRule() {
            Value x = Value.of(3, "x");
            Value y = x.mul(x).add(x);
            y.backward();
            assertEquals(12.0, y.data());
            assertEquals(2 * 3 + 1, x.grad());
        }

        @Test
        @DisplayName("on a diamond (a feeds b and c, both feed d) orders every value after its inputs and sums both paths")
        void diamond() {
            Value a = Value.of(1.5, "a");
            Value b = a.mul(2.0).label("b");
            Value c = a.add(3.0).label("c");
            Value d = b.mul(c).label("d");
            List<Value> order = d.topologicalOrder();
            assertEquals(4, order.size());
            assertSame(a, order.get(0));
            assertSame(d, order.get(3));
            assertTrue(order.containsAll(List.of(b, c)));
            d.backward();
            // dd/db = c, dd/dc = b; dd/da = dd/db * db/da + dd/dc * dc/da = 2c + b
            assertEquals(c.data(), b.grad());
            assertEquals(b.data(), c.grad());
            assertEquals(2 * c.data() + b.data(), a.grad());
        }

        @Test
        @DisplayName("walks a chain of 200,000 values without overflowing the stack")
        void deepGraph() {
            Value x = Value.of(0.5, "x");
            Value v = x;
            for (int i = 0; i < 200_000; i++) {
                v = v.add(1e-6);
            }
            v.backward();
            assertEquals(200_001, v.topologicalOrder().size());
            assertEquals(1.0, x.grad());
        }

        @Test
        @DisplayName("adds the gradients of two backward passes into a leaf both graphs use")
        void leafSharedByTwoGraphs() {
            Value w = Value.of(2, "w");
            Value first = w.mul(3.0);
            Value second = w.mul(4.0);
            first.backward();
            second.backward();
            assertEquals(7.0, w.grad());
        }
    }

    @Nested
    @DisplayName("backward() twice")
    class BackwardTwice {
        @Test
        @DisplayName("is refused with a message naming the value and saying what to do")
        void refused() {
            Value w = Value.of(2, "w");
            Value loss = w.mul(w).label("loss");
            loss.backward();
            IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
            assertTrue(e.getMessage().contains("loss") && e.getMessage().contains("zeroGrad()"), e.getMessage());
            assertEquals(4.0, w.grad(), "the refused call changed nothing");
        }

        @Test
        @DisplayName("is refused from a value inside a graph that was already backpropagated")
        void refusedInside() {
            Value w = Value.of(2, "w");
            Value z = w.mul(3.0).label("z");
            Value loss = z.tanh();
            loss.backward();
            IllegalStateException e = assertThrows(IllegalStateException.class, z::backward);
            assertTrue(e.getMessage().contains("z"), e.getMessage());
        }

        @Test
        @DisplayName("works after zeroGrad() and gives the same gradients")
        void afterZeroGrad() {
            Value w = Value.of(2, "w");
            Value loss = w.mul(w).add(w);
            loss.backward();
            double first = w.grad();
            loss.zeroGrad();
            assertEquals(0.0, w.grad());
            assertEquals(0.0, loss.grad());
            loss.backward();
            assertEquals(first, w.grad());
        }
    }

    @Nested
    @DisplayName("gives a clear error")
    class Errors {
        @Test
        @DisplayName("for NaN or an infinity, naming the label")
        void notFinite() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Value.of(Double.NaN, "w1"));
            assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("w1"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Value.of(Double.POSITIVE_INFINITY));
            e = assertThrows(IllegalArgumentException.class, () -> Value.of(1).mul(Double.NaN));
            assertTrue(e.getMessage().contains("*") && e.getMessage().contains("NaN"), e.getMessage());
        }

        @Test
        @DisplayName("for a result that overflows, naming the operation")
        void overflow() {
            ArithmeticException e = assertThrows(ArithmeticException.class, () -> Value.of(800, "x").exp());
            assertTrue(e.getMessage().contains("exp") && e.getMessage().contains("x (data 800.0)"), e.getMessage());
            e = assertThrows(ArithmeticException.class, () -> Value.of(1e200).mul(Value.of(1e200)));
            assertTrue(e.getMessage().contains("*") && e.getMessage().contains("Infinity"), e.getMessage());
        }

        @Test
        @DisplayName("for the log of a number that is not positive")
        void logOfNonPositive() {
            ArithmeticException e = assertThrows(ArithmeticException.class, () -> Value.of(0, "p").log());
            assertTrue(e.getMessage().contains("log of a non-positive number") && e.getMessage().contains("p"), e.getMessage());
            assertThrows(ArithmeticException.class, () -> Value.of(-1).log());
        }

        @Test
        @DisplayName("for a division by zero")
        void divisionByZero() {
            ArithmeticException e = assertThrows(ArithmeticException.class, () -> Value.of(1, "a").div(Value.of(0, "b")));
            assertTrue(e.getMessage().contains("division by zero") && e.getMessage().contains("b (data 0.0)"), e.getMessage());
            assertThrows(ArithmeticException.class, () -> Value.of(1).div(0.0));
            e = assertThrows(ArithmeticException.class, () -> Value.of(0, "a").pow(-1));
            assertTrue(e.getMessage().contains("division by zero"), e.getMessage());
        }

        @Test
        @DisplayName("for a negative number to a non-integer power (but not to an integer power)")
        void negativeBase() {
            ArithmeticException e = assertThrows(ArithmeticException.class, () -> Value.of(-2, "a").pow(0.5));
            assertTrue(e.getMessage().contains("negative number to a non-integer power"), e.getMessage());
            assertEquals(-8.0, Value.of(-2).pow(3).data());
        }

        @Test
        @DisplayName("from backward() when a local derivative is infinite (the square root at 0)")
        void infiniteDerivative() {
            Value a = Value.of(0, "a");
            Value root = a.pow(0.5);
            assertEquals(0.0, root.data());
            ArithmeticException e = assertThrows(ArithmeticException.class, root::backward);
            assertTrue(e.getMessage().contains("^0.5") && e.getMessage().contains("Infinity"), e.getMessage());
        }

        @Test
        @DisplayName("when a computed value's data is set, or a leaf's data is set to NaN")
        void setData() {
            Value a = Value.of(1, "a");
            Value b = a.mul(2.0).label("b");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.setData(3));
            assertTrue(e.getMessage().contains("b") && e.getMessage().contains("leaf"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> a.setData(Double.NaN));
            a.setData(5);
            assertEquals(5.0, a.data());
            assertEquals(2.0, b.data(), "values computed before keep their numbers");
        }
    }

    @Test
    @DisplayName("shows its data, grad, operation and label as text")
    void text() {
        Value z = Value.of(0.5, "w").mul(2.0).label("z");
        assertEquals("Value(data=1.0, grad=0.0, op=* 2, label=z)", z.toString());
        assertEquals("Value(data=3.0, grad=0.0)", Value.of(3).toString());
        assertTrue(z.inputs().get(0).isLeaf());
        assertEquals("* 0.5", Value.of(1).mul(0.5).op());
    }
}
