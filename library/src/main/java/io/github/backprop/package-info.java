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
 *   <li>{@code table}, {@code chart}, {@code io}, {@code display}: Tablesaw tables, XChart charts,
 *       JSON model files and the notebook glue, on top of the rest, which uses none of them;</li>
 *   <li>{@code internal.kernel}: not API; the fast kernels that compute the layers' sums during
 *       training, tested against the loops in {@code DenseLayer} and {@code Sgd}.</li>
 * </ul>
 *
 * <h2>Notation</h2>
 * The same symbols are used in the code, the javadoc, the tables and the notebooks.
 * <table>
 *   <caption>Symbols</caption>
 *   <tr><th>symbol</th><th>in code</th><th>meaning</th></tr>
 *   <tr><td>l</td><td>{@code l}, {@code layer}</td><td>layer number: 0 is the input, 1..L have weights, L is the output layer</td></tr>
 *   <tr><td>x</td><td>{@code x}</td><td>one sample's features (a_0 = x)</td></tr>
 *   <tr><td>y</td><td>{@code y}</td><td>the target for a sample</td></tr>
 *   <tr><td>W_l, w_ji</td><td>{@code W}, {@code weights}</td><td>layer l's weights; w_ji connects neuron i of layer l-1 to neuron j of layer l (row j, column i)</td></tr>
 *   <tr><td>b_l</td><td>{@code b}, {@code biases}</td><td>layer l's biases</td></tr>
 *   <tr><td>z_l</td><td>{@code z}</td><td>weighted input: z_l = W_l a_{l-1} + b_l</td></tr>
 *   <tr><td>a_l</td><td>{@code a}</td><td>activation: a_l = f(z_l)</td></tr>
 *   <tr><td>f, f'</td><td>{@code Activation}</td><td>activation function and its derivative; sigma for the sigmoid</td></tr>
 *   <tr><td>L</td><td>{@code Loss}, {@code loss}</td><td>the loss; per sample L_n, for a batch the mean (1/B) sum_n L_n</td></tr>
 *   <tr><td>MSE</td><td>{@code Losses.mse()}</td><td>L_n = 1/2 sum_k (a_k - y_k)^2, so dL/da = a - y</td></tr>
 *   <tr><td>delta_l</td><td>{@code delta}</td><td>dL/dz_l, the error of layer l</td></tr>
 *   <tr><td>output delta</td><td>{@code OutputDelta}</td><td>delta_L = dL/da_L * f'(z_L)</td></tr>
 *   <tr><td>hidden delta</td><td>{@code HiddenDelta}</td><td>delta_j = f'(z_j) * sum_k w_kj * delta_k</td></tr>
 *   <tr><td>dW_l</td><td>{@code dW}</td><td>dL/dW_l = delta_l a_{l-1}ᵀ (dL/dw_ji = delta_j a_i), averaged over a batch</td></tr>
 *   <tr><td>db_l</td><td>{@code db}</td><td>dL/db_l = delta_l, averaged over a batch</td></tr>
 *   <tr><td>eta</td><td>{@code learningRate}</td><td>step size: w = w - eta * dL/dw</td></tr>
 *   <tr><td>B</td><td>{@code rows}, {@code batchSize}</td><td>samples in a mini-batch</td></tr>
 *   <tr><td>K[o][c][p][q]</td><td>{@code K}, {@code kernels}</td><td>a convolution's kernels: output channel o, input channel c, kernel row p, column q</td></tr>
 *   <tr><td>z[o][i][j]</td><td>{@code z}</td><td>a convolution's weighted input: b[o] + sum_c sum_p sum_q K[o][c][p][q] * a_prev[c][i+p][j+q]</td></tr>
 *   <tr><td>T, t</td><td>{@code steps}, {@code t}</td><td>time steps of a sequence, counted t = 1..T</td></tr>
 *   <tr><td>h_t</td><td>{@code h}</td><td>a recurrent layer's hidden state after step t: h_t = tanh(W_x x_t + W_h h_{t-1} + b), h_0 = 0</td></tr>
 *   <tr><td>W_x, W_h</td><td>{@code Wx}, {@code Wh}</td><td>a recurrent layer's input weights and recurrent weights</td></tr>
 *   <tr><td>delta_t</td><td>{@code deltaAtStep(t)}</td><td>dL/dz_t: delta_t = f'(z_t) * (dL/dh_t from above + W_hᵀ delta_{t+1})</td></tr>
 * </table>
 * For a batch, samples are rows, so z = a_prev · Wᵀ + b computes every sample's z at once.
 */
package io.github.backprop;
