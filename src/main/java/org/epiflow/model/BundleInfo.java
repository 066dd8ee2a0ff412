package org.epiflow.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a bundle says about itself once it has been verified and opened (from its manifest).
 *
 * @param bundleId       unique id of the bundle
 * @param issuer         the carrier that produced it
 * @param created        when it was sealed
 * @param period         the days it covers
 * @param timeResolution {@code day} in format v1
 * @param geographyLevel e.g. {@code prefecture}
 * @param measures       the measures published, e.g. {@code trips}, {@code residents}
 * @param k              suppression threshold: every published count is at least k
 * @param roundingBase   counts are rounded to a multiple of this (1 = not rounded)
 * @param purpose        the only use allowed, {@code epidemic-prevention}
 * @param expires        last day the bundle may be used
 */
public record BundleInfo(String bundleId, String issuer, Instant created, Period period, String timeResolution,
                         String geographyLevel, List<String> measures, int k, int roundingBase, String purpose,
                         LocalDate expires) {
    public BundleInfo {
        Objects.requireNonNull(bundleId, "bundleId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(timeResolution, "timeResolution");
        Objects.requireNonNull(geographyLevel, "geographyLevel");
        measures = List.copyOf(measures);
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(expires, "expires");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        if (roundingBase < 1) {
            throw new IllegalArgumentException("rounding base must be at least 1: " + roundingBase);
        }
    }
}
