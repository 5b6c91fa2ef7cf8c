/**
 * Backpropagation step by step: OutputDelta (delta_L = dL/da * f'(z)), HiddenDelta (delta_j = f'(z_j) * sum_k w_kj * delta_k), ParameterGradients (dW = delta a_prevᵀ, db = delta), and traces of every value.
 */
package io.github.backprop.gradient;
