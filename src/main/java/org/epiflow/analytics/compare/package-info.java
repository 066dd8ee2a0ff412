/**
 * A risk model's columns compared with a baseline, and shown per 1,000 residents (issue 15). The same model runs
 * with the same parameters on the baseline — the same bundle's other days, or another bundle of the same geography,
 * its regions matched by code — with the travel window, the as-of day and every dated parameter moved by the
 * alignment ({@link org.epiflow.analytics.compare.RiskBaseline}); {@link org.epiflow.analytics.compare.RiskComparison}
 * puts both runs side by side per region or province, and {@link org.epiflow.analytics.compare.ChangeRule} says what
 * a change of each kind of column means (a probability's change is in percentage points, a day's is in days, a
 * score or a rank has no change in percent). A figure made of trips that lies between 0 and k is "not published"
 * on either side, and so is any change made from it. No JavaFX.
 */
package org.epiflow.analytics.compare;
