/**
 * Backpropagation step by step: {@link io.github.backprop.gradient.Backpropagation} runs the forward
 * pass, the output delta ({@code OutputDelta}: delta[out] = dL/da * f'(z[out])), the hidden deltas
 * ({@code HiddenDelta}: delta[l]_j = f'(z[l]_j) * sum_k w[l+1]_kj * delta[l+1]_k) and every layer's dW and db; traces
 * ({@link io.github.backprop.gradient.Trace}) keep every value for tables and charts.
 */
package io.github.backprop.gradient;
