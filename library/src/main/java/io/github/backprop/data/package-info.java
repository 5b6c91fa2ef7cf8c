/**
 * Datasets: samples with targets, labels and names.
 */
package io.github.backprop.data;
