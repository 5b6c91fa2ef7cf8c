package io.github.backprop.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One number in a computation, with its gradient and the operation that made it: the scalar
 * autograd engine of this package, in the spirit of micrograd.
 *
 * <pre>{@code
 * Value w = Value.of(0.40, "w");
 * Value x = Value.of(0.59, "x");
 * Value b = Value.of(0.60, "b");
 * Value z = w.mul(x).add(b).label("z");
 * Value a = z.sigmoid().label("a");
 * a.backward();                      // every grad is now da/d(value)
 * double dadw = w.grad();            // = sigma'(z) * x
 * }</pre>
 *
 * <p>Each operation computes its result ({@link #data()}) and, right beside it, its <em>local
 * derivatives</em>: how much the result moves per unit move of each input (d(a*b)/da = b). The
 * value keeps its inputs and those local derivatives. {@link #backward()} then walks the graph
 * from this value back to the leaves, in reverse topological order, and applies the chain rule at
 * every step: dL/d(input) += d(value)/d(input) * dL/d(value).
 *
 * <p><b>What changes.</b> A value's data, operation and inputs are fixed when it is made (only a
 * leaf's data can be changed, by {@link #setData}, for a gradient-descent step); its label is for
 * pictures and messages; its grad is written by {@link #backward()} and {@link #zeroGrad()}.
 *
 * <p><b>Gradients accumulate</b> ({@code +=}): a value used twice (a fork in the graph) collects
 * the sum of what flows back along both uses, and a leaf used by two graphs (weights shared by two
 * samples' losses) collects the sum of both backward passes. So gradients must be set to zero
 * before the next step ({@link #zeroGrad()}, {@code Mlp.zeroGrad()}).
 *
 * <p><b>backward() twice.</b> Calling {@code backward()} again from the same value would add every
 * gradient a second time. It is refused: {@code backward()} starts only from a value whose grad is
 * 0, and otherwise throws an {@link IllegalStateException} naming the value. Call
 * {@link #zeroGrad()} first to start over, or build the expression again.
 *
 * <p><b>Errors.</b> {@link #of} refuses NaN and infinities; an operation whose result is not a
 * finite number (exp overflowing, a log of a non-positive number, a division by zero, a negative
 * number to a non-integer power) throws an {@link ArithmeticException} naming the operation and
 * its operands; so does {@code backward()} when a local derivative is not finite (sqrt at 0).
 *
 * <p>Values are not thread-safe: build and use a graph on one thread. There is no shared state
 * between graphs.
 */
public final class Value {
    private double data;
    private double grad;
    private String label;
    private final String op;
    private final List<Value> inputs;
    /** d(this)/d(inputs[i]), set by the operation that made this value. */
    private final double[] localGradients;

    private Value(double data, String op, List<Value> inputs, double[] localGradients) {
        this.data = data;
        this.op = op;
        this.inputs = inputs;
        this.localGradients = localGradients;
        this.label = "";
    }

    /**
     * A leaf: a number that is not computed from other values (an input, a weight, a constant).
     *
     * @param data a finite number
     * @return the value, with grad 0
     * @throws IllegalArgumentException for NaN or an infinity
     */
    public static Value of(double data) {
        return of(data, "");
    }

    /**
     * A labelled leaf, e.g. {@code Value.of(0.15, "w1")}; the label shows in pictures and messages.
     *
     * @param data a finite number
     * @param label a short name (may be empty)
     * @return the value, with grad 0
     * @throws IllegalArgumentException for NaN or an infinity
     */
    public static Value of(double data, String label) {
        Objects.requireNonNull(label, "label");
        if (!Double.isFinite(data)) {
            throw new IllegalArgumentException("Value.of(" + data + (label.isEmpty() ? "" : ", \"" + label + "\"")
                    + "): a value must be a finite number");
        }
        return new Value(data, "", List.of(), new double[0]).label(label);
    }

    // ---- operations: the result, and beside it the local derivative for each input ----

    /** a + b. The gate rule: add distributes, d(a+b)/da = d(a+b)/db = 1. */
    public Value add(Value b) {
        check(b, "+");
        // d(a+b)/da = 1,  d(a+b)/db = 1
        return result("+", data + b.data, new Value[] {this, b}, new double[] {1.0, 1.0});
    }

    /** a + c for a constant c (not a value: it gets no gradient). */
    public Value add(double c) {
        constant(c, "+");
        // d(a+c)/da = 1
        return result("+ " + format(c), data + c, new Value[] {this}, new double[] {1.0});
    }

    /** a - b. */
    public Value sub(Value b) {
        check(b, "-");
        // d(a-b)/da = 1,  d(a-b)/db = -1
        return result("-", data - b.data, new Value[] {this, b}, new double[] {1.0, -1.0});
    }

    /** a - c for a constant c. */
    public Value sub(double c) {
        constant(c, "-");
        // d(a-c)/da = 1
        return result("- " + format(c), data - c, new Value[] {this}, new double[] {1.0});
    }

    /** a * b. The gate rule: multiply swaps, d(a*b)/da = b and d(a*b)/db = a. */
    public Value mul(Value b) {
        check(b, "*");
        // d(a*b)/da = b,  d(a*b)/db = a
        return result("*", data * b.data, new Value[] {this, b}, new double[] {b.data, data});
    }

    /** a * c for a constant c, e.g. {@code a.mul(2.0)}. */
    public Value mul(double c) {
        constant(c, "*");
        // d(a*c)/da = c
        return result("* " + format(c), data * c, new Value[] {this}, new double[] {c});
    }

    /**
     * a / b.
     *
     * @throws ArithmeticException if b is 0
     */
    public Value div(Value b) {
        check(b, "/");
        if (b.data == 0) {
            throw new ArithmeticException("division by zero: " + describe() + " / " + b.describe());
        }
        // d(a/b)/da = 1/b,  d(a/b)/db = -a/b^2
        return result("/", data / b.data, new Value[] {this, b}, new double[] {1.0 / b.data, -data / (b.data * b.data)});
    }

    /**
     * a / c for a constant c.
     *
     * @throws ArithmeticException if c is 0
     */
    public Value div(double c) {
        constant(c, "/");
        if (c == 0) {
            throw new ArithmeticException("division by zero: " + describe() + " / 0");
        }
        // d(a/c)/da = 1/c
        return result("/ " + format(c), data / c, new Value[] {this}, new double[] {1.0 / c});
    }

    /**
     * a^n for a constant exponent n, e.g. {@code a.pow(2)}.
     *
     * @throws ArithmeticException for a negative a with a non-integer n, or a = 0 with n &lt; 0
     */
    public Value pow(double n) {
        constant(n, "pow");
        if (data < 0 && n != Math.rint(n)) {
            throw new ArithmeticException("pow of a negative number to a non-integer power: " + describe() + " ^ "
                    + format(n) + " is not a real number");
        }
        if (data == 0 && n < 0) {
            throw new ArithmeticException("division by zero: " + describe() + " ^ " + format(n) + " (a negative power of 0)");
        }
        // d(a^n)/da = n a^(n-1)   (0 for n = 0)
        double local = n == 0 ? 0.0 : n * Math.pow(data, n - 1);
        return result("^" + format(n), Math.pow(data, n), new Value[] {this}, new double[] {local});
    }

    /** -a. */
    public Value neg() {
        // d(-a)/da = -1
        return result("neg", -data, new Value[] {this}, new double[] {-1.0});
    }

    /** e^a. */
    public Value exp() {
        double out = Math.exp(data);
        // d(e^a)/da = e^a
        return result("exp", out, new Value[] {this}, new double[] {out});
    }

    /**
     * The natural logarithm ln a.
     *
     * @throws ArithmeticException if a &lt;= 0
     */
    public Value log() {
        if (data <= 0) {
            throw new ArithmeticException("log of a non-positive number: log(" + describe() + ") is not a real number");
        }
        // d(ln a)/da = 1/a
        return result("log", Math.log(data), new Value[] {this}, new double[] {1.0 / data});
    }

    /** tanh(a). */
    public Value tanh() {
        // the same function as the library's Tanh activation, so that both agree on every JDK
        double t = StrictMath.tanh(data);
        // d tanh(a)/da = 1 - tanh(a)^2
        return result("tanh", t, new Value[] {this}, new double[] {1.0 - t * t});
    }

    /** sigma(a) = 1 / (1 + e^-a), computed as the layer library's sigmoid computes it. */
    public Value sigmoid() {
        // sigma(a) = 1 / (1 + e^-a)
        double s = 1.0 / (1.0 + Math.exp(-data));
        // d sigma(a)/da = sigma(a) (1 - sigma(a))
        return result("sigmoid", s, new Value[] {this}, new double[] {s * (1.0 - s)});
    }

    /** relu(a) = max(0, a); at the kink a = 0 the derivative is taken as 0, as in the layer library. */
    public Value relu() {
        // d relu(a)/da = 1 if a > 0, else 0
        return result("relu", data > 0 ? data : 0.0, new Value[] {this}, new double[] {data > 0 ? 1.0 : 0.0});
    }

    /**
     * max(a, b). The gate rule: max routes the whole gradient to the larger input (to a on a tie).
     */
    public Value max(Value b) {
        check(b, "max");
        boolean aWins = data >= b.data;
        // d max(a,b)/da = 1 if a >= b else 0,  d max(a,b)/db = the other one
        return result("max", aWins ? data : b.data, new Value[] {this, b}, new double[] {aWins ? 1.0 : 0.0, aWins ? 0.0 : 1.0});
    }

    private static Value result(String op, double out, Value[] inputs, double[] localGradients) {
        if (!Double.isFinite(out)) {
            StringBuilder operands = new StringBuilder();
            for (Value v : inputs) {
                operands.append(operands.length() == 0 ? "" : ", ").append(v.describe());
            }
            throw new ArithmeticException("the result of " + op + " on " + operands + " is " + out + ", not a finite number");
        }
        return new Value(out, op, List.of(inputs), localGradients);
    }

    private void constant(double c, String op) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("the constant in " + op + " must be a finite number, got " + c
                    + " (operand: " + describe() + ")");
        }
    }

    private void check(Value b, String op) {
        if (b == null) {
            throw new NullPointerException("the second operand of " + op + " is null (first: " + describe() + ")");
        }
    }

    // ---- the backward pass ----

    /**
     * Backpropagation from this value: sets this value's grad to 1 (dL/dL = 1) and adds to every
     * value it was computed from its dL/d(value), visiting the values in reverse topological order
     * (each value after every value that uses it), with the chain rule at each step.
     *
     * @throws IllegalStateException if this value's grad is not 0 (backward() was already called
     *     from it, or through it): call {@link #zeroGrad()} first
     * @throws ArithmeticException if a local derivative or a gradient is not finite
     */
    public void backward() {
        if (grad != 0) {
            throw new IllegalStateException("backward() from " + describe() + ": it already has a gradient (" + grad
                    + ") from an earlier backward(), and a second pass would add every gradient again."
                    + " Call zeroGrad() on it first to start over, or build the expression again.");
        }
        List<Value> order = topologicalOrder();
        // dL/dL = 1
        grad = 1.0;
        for (int n = order.size() - 1; n >= 0; n--) {
            Value v = order.get(n);
            for (int i = 0; i < v.inputs.size(); i++) {
                Value input = v.inputs.get(i);
                if (!Double.isFinite(v.localGradients[i])) {
                    throw new ArithmeticException("backward() through " + v.describe() + ": its derivative with respect to "
                            + input.describe() + " is " + v.localGradients[i] + ", not a finite number");
                }
                // dL/d(input) += d(v)/d(input) * dL/dv   (+=: an input used twice collects both paths)
                input.grad += v.localGradients[i] * v.grad;
                if (!Double.isFinite(input.grad)) {
                    throw new ArithmeticException("backward() through " + v.describe() + ": the gradient of "
                            + input.describe() + " overflowed to " + input.grad);
                }
            }
        }
    }

    /** Sets the grad of this value and of every value it was computed from to 0. */
    public void zeroGrad() {
        for (Value v : topologicalOrder()) {
            v.grad = 0.0;
        }
    }

    /**
     * This value and every value it was computed from, each once, every value after its inputs
     * (so this value is last). {@link #backward()} visits them in the reverse order. Found by an
     * iterative depth-first walk, so deep graphs do not overflow the stack.
     *
     * @return a new list, inputs first
     */
    public List<Value> topologicalOrder() {
        List<Value> order = new ArrayList<>();
        Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Value> stack = new ArrayDeque<>();
        ArrayDeque<Integer> nextInput = new ArrayDeque<>();
        seen.add(this);
        stack.push(this);
        nextInput.push(0);
        while (!stack.isEmpty()) {
            Value v = stack.peek();
            int i = nextInput.pop();
            if (i < v.inputs.size()) {
                nextInput.push(i + 1);
                Value input = v.inputs.get(i);
                if (seen.add(input)) {
                    stack.push(input);
                    nextInput.push(0);
                }
            } else {
                // every input of v is in the order already
                stack.pop();
                order.add(v);
            }
        }
        return order;
    }

    // ---- reading and labelling ----

    /** The number this value holds (the forward value). */
    public double data() {
        return data;
    }

    /** dL/d(this value) after {@code L.backward()}; 0 before. */
    public double grad() {
        return grad;
    }

    /** The operation that made this value ({@code "+"}, {@code "*"}, {@code "* 0.5"}, {@code "tanh"}, ...); empty for a leaf. */
    public String op() {
        return op;
    }

    /** True for a value made by {@link #of}, not computed from other values. */
    public boolean isLeaf() {
        return inputs.isEmpty();
    }

    /** The values this one was computed from, in operand order (empty for a leaf; a value used twice appears twice). */
    public List<Value> inputs() {
        return inputs;
    }

    /**
     * The local derivative d(this)/d(input i), set by the operation: 1 and 1 for a + b, b and a
     * for a * b.
     *
     * @param i the input's position in {@link #inputs()}
     * @return the local derivative
     */
    public double localGradient(int i) {
        if (i < 0 || i >= inputs.size()) {
            throw new IndexOutOfBoundsException("input " + i + " of " + describe() + " does not exist: it has "
                    + inputs.size() + " input(s)");
        }
        return localGradients[i];
    }

    /** The label (empty if none). */
    public String label() {
        return label;
    }

    /**
     * Sets the label shown in pictures and messages, e.g. {@code w.mul(x).add(b).label("z")}; it
     * changes nothing else.
     *
     * @param label a short name (may be empty)
     * @return this value
     */
    public Value label(String label) {
        this.label = Objects.requireNonNull(label, "label");
        return this;
    }

    /**
     * Changes a leaf's number, for a gradient-descent step ({@code w.setData(w.data() - 0.5 * w.grad())}).
     * Values already computed from it keep their old numbers: compute them again.
     *
     * @param data a finite number
     * @throws IllegalStateException if this value was computed by an operation
     * @throws IllegalArgumentException for NaN or an infinity
     */
    public void setData(double data) {
        if (!isLeaf()) {
            throw new IllegalStateException("setData on " + describe() + ": only a leaf (made by Value.of) can be"
                    + " changed; this value was computed by " + op + " from its inputs");
        }
        if (!Double.isFinite(data)) {
            throw new IllegalArgumentException("setData(" + data + ") on " + describe() + ": a value must be a finite number");
        }
        this.data = data;
    }

    /** E.g. {@code Value(data=0.3775, grad=0.0134, op=+, label=z1[0])} (op and label only when set). */
    @Override
    public String toString() {
        return "Value(data=" + data + ", grad=" + grad + (op.isEmpty() ? "" : ", op=" + op)
                + (label.isEmpty() ? "" : ", label=" + label) + ")";
    }

    /** The value in a message: its label (or operation) and its data. */
    private String describe() {
        String name = !label.isEmpty() ? label : op.isEmpty() ? "a value" : "the result of " + op;
        return name + " (data " + data + ")";
    }

    /** A constant in an operation's name: 2 rather than 2.0. */
    static String format(double c) {
        return c == Math.rint(c) && Math.abs(c) < 1e15 ? String.valueOf((long) c) : String.valueOf(c);
    }
}
