package org.epiflow.bundle;

import org.epiflow.model.FlowTable;
import org.epiflow.model.RegionTable;
import org.epiflow.model.ResidentTable;

import java.util.Optional;

/**
 * What the payload archive held, once fully read and its per-table checks done.
 *
 * @param manifest  the manifest
 * @param regions   regions
 * @param flows     flows
 * @param residents residents, if published
 * @param sha256    SHA-256 of the whole payload archive (hex), to compare with the signed statement
 */
record PayloadContent(BundleManifest manifest, RegionTable regions, FlowTable flows,
                      Optional<ResidentTable> residents, String sha256) {
}
