package org.epiflow.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The verified content of an opened bundle: its description and its aggregate tables.
 *
 * @param info      what the bundle says about itself
 * @param regions   the geography
 * @param flows     daily trips between regions
 * @param residents daily residents per region, when the bundle publishes them
 */
public record AggregateDataset(BundleInfo info, RegionTable regions, FlowTable flows,
                               Optional<ResidentTable> residents) {
    public AggregateDataset {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(regions, "regions");
        Objects.requireNonNull(flows, "flows");
        Objects.requireNonNull(residents, "residents");
    }
}
