/** Table exports (CSV, XLSX) of rankings, partners and flows — only figures the bundle allows (k rule). */
package org.epiflow.export.table;
