/** The detail panel of the selected place: inflow/outflow chart, totals and net flow, top partners. */
package org.epiflow.ui.detail;
