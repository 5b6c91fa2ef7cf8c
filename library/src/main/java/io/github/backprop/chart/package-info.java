/**
 * Charts (XChart) and pictures (Java2D) of activations, losses, gradients, decision boundaries, digits and networks;
 * styling lives in {@link io.github.backprop.chart.ChartStyle}.
 */
package io.github.backprop.chart;
