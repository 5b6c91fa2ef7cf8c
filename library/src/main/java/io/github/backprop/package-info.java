/**
 * Backpropagation, written the way the textbook and the notebooks write it.
 *
 * <h2>Where things are</h2>
 * <ul>
 *   <li>{@code activation}: f(z) and f'(z) side by side (sigmoid, tanh, ReLU, leaky ReLU, identity, softmax);</li>
 *   <li>{@code loss}: L and dL/da side by side (MSE, binary and categorical cross-entropy);</li>
 *   <li>{@code nn}: layers (dense, 2-D convolution, max pooling, flatten, recurrent), networks and
 *       their builder, parameters (W and b with their gradients), shapes of samples (vector, image,
 *       sequence). {@code DenseLayer} computes z = W a_prev + b, the sums sum_k w_kj * delta_k and
 *       dW = delta a_prevᵀ, db = delta as plain loops, each equation above its line;</li>
 *   <li>{@code gradient}: the backward pass ({@code Backpropagation}): the output delta
 *       ({@code OutputDelta}), the hidden-layer delta ({@code HiddenDelta}), and traces of every value;</li>
 *   <li>{@code init}: initial weights; {@code optim}: SGD (the update w = w - eta dW in
 *       {@code Sgd}), momentum, Adam; {@code train}: the training loop;</li>
 *   <li>{@code check}: the gradient check; {@code eval}: accuracy and confusion matrices;</li>
 *   <li>{@code data}: datasets; {@code math}: the matrix type; {@code random}: SplitMix64;</li>
 *   <li>{@code autograd}: a scalar autograd engine ({@code Value}, in the spirit of micrograd),
 *       networks built from values, and pictures of their computational graphs;</li>
 *   <li>{@code exercise}: fair checks for exercises (a number, an exact answer, an array) and their
 *       verdicts; {@code course}: the checks behind the tutorial notebooks' exercises;</li>
 *   <li>{@code table}, {@code chart}, {@code io}, {@code display}: Tablesaw tables, XChart charts,
 *       JSON model files and the notebook glue, on top of the rest, which uses none of them;</li>
 *   <li>{@code internal.kernel}: not API; the fast kernels that compute the layers' sums during
 *       training, tested against the loops in {@code DenseLayer} and {@code Sgd}.</li>
 * </ul>
 *
 * <h2>Notation</h2>
 * One notation in the code, the javadoc, the tables and the notebooks: this table says in plain text
 * what the notebooks' card (notebooks/README.md, "Notation") says in LaTeX. In comments a layer is
 * written in brackets ({@code z[l]_j}, {@code W[2]}, {@code delta[1]_0}), or left out where the layer
 * is clear ({@code z_j}, {@code w_kj}, {@code delta_k}).
 * <table>
 *   <caption>Symbols</caption>
 *   <tr><th>symbol</th><th>in code</th><th>meaning</th></tr>
 *   <tr><td>l</td><td>{@code l}, {@code layer}</td><td>layer number: layer 0 is the input, layers 1, 2, ... have weights; the last one is the output layer, written [out]</td></tr>
 *   <tr><td>i, j, k</td><td>{@code neuron}, {@code from}, {@code to}</td><td>neuron numbers, counted from 0 as in the tables and in Java arrays: i in layer l-1, j in layer l, k in layer l+1</td></tr>
 *   <tr><td>x, y</td><td>{@code x}, {@code y}</td><td>one sample's input (a[0] = x) and its target</td></tr>
 *   <tr><td>W[l], w[l]_ji</td><td>{@code W}, {@code weights}</td><td>layer l's weights; w[l]_ji (row j, column i) connects neuron i of layer l-1 to neuron j of layer l</td></tr>
 *   <tr><td>b[l]</td><td>{@code b}, {@code biases}</td><td>layer l's biases, one per neuron</td></tr>
 *   <tr><td>z[l]</td><td>{@code z}</td><td>weighted input z[l] = W[l] a[l-1] + b[l]</td></tr>
 *   <tr><td>a[l]</td><td>{@code a}</td><td>activation a[l] = f(z[l])</td></tr>
 *   <tr><td>f, f', sigma</td><td>{@code Activation}</td><td>activation function and its derivative; sigma is the sigmoid</td></tr>
 *   <tr><td>L</td><td>{@code Loss}, {@code loss}</td><td>the loss of one sample; for a batch, the mean over its samples</td></tr>
 *   <tr><td>delta[l]</td><td>{@code delta}</td><td>the error of layer l: delta[l] = dL/dz[l]</td></tr>
 *   <tr><td>dW[l], db[l]</td><td>{@code dW}, {@code db}</td><td>dL/dW[l] and dL/db[l] (for a batch, the mean over its samples)</td></tr>
 *   <tr><td>eta</td><td>{@code learningRate}</td><td>the learning rate</td></tr>
 *   <tr><td>B, n</td><td>{@code batchSize}, {@code row}</td><td>samples in a batch, and a sample's number (a table row), counted from 0</td></tr>
 *   <tr><td>K[o][c][p][q]</td><td>{@code K}, {@code kernels}</td><td>a convolution's kernels: output channel o, input channel c, kernel row p, column q</td></tr>
 *   <tr><td>z[o][i][j]</td><td>{@code z}</td><td>a convolution's weighted input: b[o] + sum_c sum_p sum_q K[o][c][p][q] * a_prev[c][i+p][j+q]</td></tr>
 *   <tr><td>T, t</td><td>{@code steps}, {@code t}</td><td>time steps of a sequence, counted t = 1..T</td></tr>
 *   <tr><td>h_t</td><td>{@code h}</td><td>a recurrent layer's hidden state after step t: h_t = tanh(W_x x_t + W_h h_{t-1} + b), h_0 = 0</td></tr>
 *   <tr><td>W_x, W_h</td><td>{@code Wx}, {@code Wh}</td><td>a recurrent layer's input weights and recurrent weights</td></tr>
 *   <tr><td>delta_t</td><td>{@code deltaAtStep(t)}</td><td>dL/dz_t: delta_t = f'(z_t) * (dL/dh_t from above + W_hᵀ delta_{t+1})</td></tr>
 * </table>
 *
 * <p><b>Vectors are columns</b>: for one sample, z[l], a[l], b[l] and delta[l] have one entry per
 * neuron of layer l, and W[l] has one row per neuron of layer l and one column per neuron of layer
 * l-1. <b>A batch stacks samples as rows</b>, as the tables and {@code double[][] x} do, so every
 * sample's forward pass at once reads Z[l] = A[l-1] W[l]ᵀ + 1 b[l]ᵀ.
 *
 * <h2>The four equations of backpropagation</h2>
 * <ul>
 *   <li>BP1, output delta: delta[out]_j = dL/da[out]_j * f'(z[out]_j) ({@code OutputDelta});</li>
 *   <li>BP2, hidden delta: delta[l]_j = f'(z[l]_j) * sum_k w[l+1]_kj * delta[l+1]_k ({@code HiddenDelta}
 *       with the sums from {@code DenseLayer});</li>
 *   <li>BP3, bias gradient: dL/db[l]_j = delta[l]_j;</li>
 *   <li>BP4, weight gradient: dL/dw[l]_ji = delta[l]_j * a[l-1]_i, i.e. dW[l] = delta[l] a[l-1]ᵀ
 *       ({@code DenseLayer});</li>
 * </ul>
 * and the update W[l] = W[l] - eta * dW[l], b[l] = b[l] - eta * db[l] ({@code Sgd}). For a batch of
 * B samples (rows): Delta[l] = (Delta[l+1] W[l+1]) ⊙ f'(Z[l]), dW[l] = (1/B) Delta[l]ᵀ A[l-1],
 * db[l] = (1/B) Delta[l]ᵀ 1. BP1 holds as written when each output's activation depends only on its
 * own z; for softmax with cross-entropy the output delta is a - y.
 */
package io.github.backprop;
