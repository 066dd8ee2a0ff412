/**
 * Comparing a period with a baseline (another range of the same bundle, or another bundle of the same geography):
 * aligning the days ({@link org.epiflow.data.compare.Alignment}: by date, by weekday, by days from the Lunar New
 * Year), flow and location-total differences that never show an unpublished cell as zero, and per-capita
 * denominators. Plain data, no drawing: the map, the exports and the command line share it.
 */
package org.epiflow.data.compare;
