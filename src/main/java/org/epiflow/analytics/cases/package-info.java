/**
 * Case data for the risk models: {@link org.epiflow.analytics.cases.CaseTable} (new reported cases per day and
 * region, primitive arrays), read from a bureau's {@code cases.csv} by
 * {@link org.epiflow.analytics.cases.CaseCsvReader} (validated against a bundle's regions and period), and
 * {@link org.epiflow.analytics.cases.Seeds} typed by hand.
 */
package org.epiflow.analytics.cases;
