/**
 * Backpropagation step by step: {@link io.github.backprop.gradient.Backpropagation} runs the forward
 * pass, the output delta ({@code OutputDelta}: delta_L = dL/da * f'(z)), the hidden deltas
 * ({@code HiddenDelta}: delta_j = f'(z_j) * sum_k w_kj * delta_k) and every layer's dW and db; traces
 * ({@link io.github.backprop.gradient.Trace}) keep every value for tables and charts.
 */
package io.github.backprop.gradient;
