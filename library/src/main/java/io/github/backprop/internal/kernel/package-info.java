/**
 * Not API: the fast kernels behind the training loop, in a package of their own so that nothing a
 * user calls depends on them. The code a reader follows is in the layers ({@code nn.DenseLayer}:
 * z = W a_prev + b, the sums passed down, dW and db as loops) and the optimiser
 * ({@code optim.Sgd}: w = w - eta dW); {@link io.github.backprop.internal.kernel.Kernels} computes the
 * same sums faster, and tests compare every one of its paths with those loops. Anything here may
 * change or go without notice.
 */
package io.github.backprop.internal.kernel;
