/**
 * Effective distance (Brockmann &amp; Helbing, Science 342:1337, 2013): {@code d_mn = 1 − ln P_mn} on the network of
 * trips, shortest paths from the seed regions, and the arrival order it predicts. See docs/risk-models.md.
 */
package org.epiflow.analytics.distance;
