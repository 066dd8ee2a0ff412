/**
 * Classification of region values for heat maps and exports (no JavaFX): class breaks by quantiles, equal intervals,
 * natural breaks (Jenks, exact by Fisher's dynamic programme) or custom edges; colour-blind-safe ColorBrewer and
 * viridis schemes as ARGB ints; and a {@link org.epiflow.analytics.classify.Legend} (breaks, colours and labels).
 */
package org.epiflow.analytics.classify;
