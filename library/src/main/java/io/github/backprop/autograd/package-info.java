/**
 * Backpropagation one number at a time: a scalar autograd engine ({@link io.github.backprop.autograd.Value}),
 * neurons and MLPs built from it ({@link io.github.backprop.autograd.Mlp}), and a picture of any
 * expression's computational graph ({@link io.github.backprop.autograd.GraphPicture}). In the spirit of
 * Karpathy's micrograd: small enough to read in one sitting, and checked against the layer library.
 *
 * <h2>The engine</h2>
 * A {@code Value} holds a number (data), its gradient (grad), the operation that made it and that
 * operation's inputs. Each operation computes its result and, beside it, its local derivatives:
 * <pre>
 *   a + b    d(a+b)/da = 1,  d(a+b)/db = 1
 *   a * b    d(a*b)/da = b,  d(a*b)/db = a
 *   a / b    d(a/b)/da = 1/b,  d(a/b)/db = -a/b^2
 *   a^n      d(a^n)/da = n a^(n-1)        (n a constant)
 *   e^a      d(e^a)/da = e^a               ln a      d(ln a)/da = 1/a
 *   tanh a   1 - tanh(a)^2                 sigma(a)  sigma(a) (1 - sigma(a))
 *   relu a   1 if a &gt; 0, else 0          max(a,b)  1 for the larger input, 0 for the other
 * </pre>
 * {@code L.backward()} sets dL/dL = 1 and visits every value L was computed from in reverse
 * topological order (each value after all the values that use it), applying the chain rule:
 * <pre>
 *   dL/d(input) += d(value)/d(input) * dL/d(value)
 * </pre>
 *
 * <h2>The gate rules</h2>
 * Read off the local derivatives, each operation is a gate that passes the gradient arriving at
 * its output back to its inputs:
 * <ul>
 *   <li><b>add distributes</b>: both inputs receive the arriving gradient unchanged;</li>
 *   <li><b>multiply swaps</b>: each input receives the arriving gradient times the <em>other</em> input;</li>
 *   <li><b>max routes</b>: the larger input receives all of it, the other nothing;</li>
 *   <li><b>gradients add at forks</b>: a value used twice receives the sum of what flows back
 *       along both uses (hence the {@code +=}).</li>
 * </ul>
 * The fork rule is why a hidden neuron's delta is a sum: its activation a_j feeds every neuron k
 * of the next layer, so dL/da_j = sum_k w_kj delta_k, and delta_j = f'(z_j) * sum_k w_kj delta_k.
 * In an {@code Mlp} forward pass every z is a value, so after {@code loss.backward()} each
 * neuron's delta is simply the grad of its z ({@code pass.z(l, j).grad()}). For a batch the loss
 * is the mean of the samples' losses, so the grad of sample n's z is delta_n / B, where delta_n is
 * the per-sample delta the layer library's trace shows.
 *
 * <h2>Rules and errors</h2>
 * <ul>
 *   <li>Gradients accumulate; {@code zeroGrad()} (on a value or an {@code Mlp}) sets them to 0.</li>
 *   <li>{@code backward()} starts only from a value whose grad is 0: calling it twice would add
 *       every gradient twice, so the second call throws an {@link java.lang.IllegalStateException}
 *       naming the value (call {@code zeroGrad()} first, or build the expression again).</li>
 *   <li>NaN and infinities are refused when a value is made; an operation whose result is not
 *       finite (overflow, the log of a number that is not positive, a division by zero, a negative
 *       number to a non-integer power) throws an {@link java.lang.ArithmeticException} naming the
 *       operation and its operands.</li>
 *   <li>No hidden state: no counters, no caches, no random generator. Labels come from the
 *       caller or from positions (W1[j][i], z1[j]); the picture's layout comes from the graph alone.</li>
 * </ul>
 *
 * <h2>Example: the 2-2-1 network of notebooks 01-05</h2>
 * <pre>{@code
 * Network net = Network.builder(2)
 *         .dense(new double[][] {{0.15, 0.20}, {0.25, 0.30}}, new double[] {0.35, 0.35}, Activations.sigmoid())
 *         .dense(new double[][] {{0.40, 0.45}}, new double[] {0.60}, Activations.sigmoid())
 *         .build();
 * Mlp mlp = Mlp.from(net);
 * Mlp.Pass pass = mlp.forward(new double[] {0.05, 0.10});
 * Value loss = Mlp.mse(pass.output(), new double[] {0.01}).label("L");   // 0.274811083
 * loss.backward();
 * pass.z(1, 0).grad();                        // hidden delta_0 = 0.013367920
 * mlp.layer(1).weight(0, 1).grad();           // dL/dW1[0][1] = delta_0 * x_1
 * GraphPicture.of(loss);                      // 29 values, drawn inline in a notebook
 * }</pre>
 */
package io.github.backprop.autograd;
