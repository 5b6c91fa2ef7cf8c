/**
 * Results as Tablesaw tables, with column names in the notebooks' notation (z, a, f'(z), delta, dW, db).
 */
package io.github.backprop.table;
