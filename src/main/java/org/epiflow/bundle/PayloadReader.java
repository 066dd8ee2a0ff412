package org.epiflow.bundle;

import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;
import org.epiflow.model.ResidentTable;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipException;

import static org.epiflow.bundle.AggregateRuleException.Rule;

/**
 * Reads the decrypted payload archive ({@code manifest.json}, then the tables) from a stream, hashing everything,
 * holding nothing but the parsed tables in memory. Problems are logged in check order by {@link ProblemLog}; fatal
 * structural problems throw at once.
 */
final class PayloadReader {
    private final BundleLimits limits;
    private final ProblemLog problems;
    private final String expectedBundleId;

    PayloadReader(BundleLimits limits, ProblemLog problems, String expectedBundleId) {
        this.limits = limits;
        this.problems = problems;
        this.expectedBundleId = expectedBundleId;
    }

    PayloadContent read(InputStream plaintext) throws IOException, BundleException {
        HashingInput whole = new HashingInput(plaintext, Long.MAX_VALUE, "the payload");
        try (EntryPump pump = new EntryPump(whole)) {
            return readArchive(pump);
        } catch (HashingInput.LimitExceeded e) {
            throw new BundleFormatException(e.getMessage() + " (oversized entry)", e);
        } catch (ZipException e) {
            throw new BundleManifestException("the decrypted payload is not a valid archive: " + e.getMessage(), e);
        }
    }

    private PayloadContent readArchive(EntryPump zip) throws IOException, BundleException {
        String first = zip.nextEntry();
        if (!BundleManifest.FILE_NAME.equals(first)) {
            throw new BundleManifestException("the payload must start with manifest.json");
        }
        HashingInput manifestIn = new HashingInput(zip.entry(), limits.maxManifestBytes(), "manifest.json");
        BundleManifest manifest = BundleManifest.parse(manifestIn.readAllBytes(), limits);
        if (!manifest.bundleId().equals(expectedBundleId)) {
            throw new BundleManifestException("manifest.json names bundle " + manifest.bundleId()
                    + " but the signed header names " + expectedBundleId);
        }
        Period period = new Period(manifest.period().start(), manifest.period().end());
        Set<String> seen = new HashSet<>();
        RegionTable regions = null;
        CodeIndex codes = null;
        FlowTable flows = null;
        ResidentTable residents = null;
        int entries = 1;
        for (String name = zip.nextEntry(); name != null; name = zip.nextEntry()) {
            if (++entries > limits.maxPayloadEntries()) {
                throw new BundleFormatException("the payload holds more than " + limits.maxPayloadEntries()
                        + " entries");
            }
            BundleManifest.TableEntry declared = manifest.table(name);
            if (declared == null || !seen.add(name)) {
                throw new BundleManifestException("the payload holds '" + safe(name) + "', "
                        + (declared == null ? "which manifest.json does not list" : "twice"));
            }
            Optional<TableSpec> spec = TableSpec.byFileName(name);
            long max = spec.orElse(TableSpec.FLOWS) == TableSpec.REGIONS ? limits.maxRegionsBytes()
                    : limits.maxTableBytes();
            HashingInput in = new HashingInput(zip.entry(), max, name);
            if (spec.isEmpty()) {
                problems.aggregate(Rule.UNDECLARED_TABLE, "the payload holds a table '" + safe(name)
                        + "' that format v1 does not declare; only regions.csv, flows.csv and residents.csv");
            } else if (spec.get() == TableSpec.REGIONS) {
                List<Region> list = RegionsCsv.read(in, declared.rows(), declared.columns(), limits, problems);
                if (list != null) {
                    regions = new RegionTable(list);
                    codes = new CodeIndex(list.stream().map(Region::code).toList());
                }
            } else if (codes == null && !seen.contains(TableSpec.REGIONS.fileName())) {
                throw new BundleManifestException(name + " comes before regions.csv in the payload");
            } else if (codes != null && spec.get() == TableSpec.FLOWS) {
                flows = FlowsCsvReader.read(in, codes, period, manifest.k(), manifest.roundingBase(), declared.rows(),
                        declared.columns(), limits, problems);
            } else if (codes != null) {
                residents = ResidentsCsvReader.read(in, codes, period, manifest.k(), manifest.roundingBase(),
                        declared.rows(), declared.columns(), limits, problems);
            }
            in.drain();
            String hash = in.hex();
            if (!hash.equals(declared.sha256())) {
                problems.manifest(name + " does not match the SHA-256 declared in manifest.json (the table was "
                        + "altered after the manifest was written)");
            }
        }
        for (BundleManifest.TableEntry t : manifest.tables()) {
            if (!seen.contains(t.name())) {
                problems.manifest("manifest.json lists " + safe(t.name()) + " but the payload does not hold it");
            }
        }
        return new PayloadContent(manifest, regions, flows, Optional.ofNullable(residents), zip.payloadSha256());
    }

    private static String safe(String name) {
        String s = name.replaceAll("[^\\p{L}\\p{N}._/ -]", "?");
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
