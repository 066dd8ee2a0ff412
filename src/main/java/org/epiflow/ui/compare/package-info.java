/**
 * Issue 15 in the app: comparing the period shown with a baseline (another range of the bundle, or another open
 * bundle of the same geography), the split view of period and baseline, trips per 1,000 residents, named region
 * groups (from the map selection, a list or a CSV of codes, kept in the workspace) shown as one node. View-models
 * hold the state and rules and are tested without a window; the views only bind. What is drawn comes from the one
 * map model ({@code org.epiflow.map.MapComparison}), as in the exports.
 */
package org.epiflow.ui.compare;
