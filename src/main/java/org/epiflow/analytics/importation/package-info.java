/**
 * Importation risk (Du et al., Emerging Infectious Diseases 26(5), 2020): the probability that a region has received
 * at least one infected traveller, from the trips out of regions with infections. See docs/risk-models.md.
 */
package org.epiflow.analytics.importation;
