/**
 * The gradient check: backpropagation against central finite differences.
 */
package io.github.backprop.check;
