/**
 * Spread-risk analytics in the workstation: the risk panel (model, parameters, case data, run/cancel), the results
 * cache, the heatmap over the regions, the ranking table linked to the map selection and the SEIR forecast chart.
 */
package org.epiflow.ui.risk;
