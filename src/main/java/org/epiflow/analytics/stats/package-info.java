/**
 * Small numerical helpers for the risk models: ordinary least squares with prediction intervals, Student-t
 * quantiles, rank correlation and sample quantiles.
 */
package org.epiflow.analytics.stats;
