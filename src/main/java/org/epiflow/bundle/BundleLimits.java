package org.epiflow.bundle;

/**
 * Bounds on everything a bundle file controls, so a hostile or broken file cannot exhaust memory or time.
 *
 * @param maxBundleBytes      size of the whole .epiflow file (no ZIP64: below 4 GiB)
 * @param maxHeaderBytes      size of header.json
 * @param maxSignatureBytes   size of the .minisig text
 * @param maxManifestBytes    decompressed size of manifest.json
 * @param maxRegionsBytes     decompressed size of regions.csv
 * @param maxTableBytes       decompressed size of flows.csv or residents.csv
 * @param maxPayloadEntries   entries in the payload archive
 * @param maxLineBytes        bytes in one CSV line
 * @param maxRows             rows in one table
 * @param maxDays             days in the period
 * @param maxScryptLogN       scrypt work factor a passphrase bundle may demand
 */
public record BundleLimits(long maxBundleBytes, int maxHeaderBytes, int maxSignatureBytes, int maxManifestBytes,
                           long maxRegionsBytes, long maxTableBytes, int maxPayloadEntries, int maxLineBytes,
                           int maxRows, int maxDays, int maxScryptLogN) {

    /** The limits the workstation applies by default. */
    public static final BundleLimits DEFAULT = new BundleLimits(
            0xFFFF_FFFFL, 64 * 1024, 4 * 1024, 1024 * 1024,
            64L * 1024 * 1024, 16L * 1024 * 1024 * 1024, 8, 1024,
            200_000_000, 4000, 20);

    public BundleLimits {
        if (maxBundleBytes > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("bundles are limited to 4 GiB (no ZIP64)");
        }
        if (maxScryptLogN > 20) {
            throw new IllegalArgumentException("scrypt work factor is capped at 2^20");
        }
    }

    /** The same limits with another table-size bound (for tests of the limits themselves). */
    public BundleLimits withMaxTableBytes(long bytes) {
        return new BundleLimits(maxBundleBytes, maxHeaderBytes, maxSignatureBytes, maxManifestBytes, maxRegionsBytes,
                bytes, maxPayloadEntries, maxLineBytes, maxRows, maxDays, maxScryptLogN);
    }

    /** The same limits with another row bound. */
    public BundleLimits withMaxRows(int rows) {
        return new BundleLimits(maxBundleBytes, maxHeaderBytes, maxSignatureBytes, maxManifestBytes, maxRegionsBytes,
                maxTableBytes, maxPayloadEntries, maxLineBytes, rows, maxDays, maxScryptLogN);
    }
}
