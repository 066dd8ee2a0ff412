package org.epiflow.bundle;

import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;
import org.epiflow.model.ResidentTable;
import org.epiflow.text.Message;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.epiflow.bundle.AggregateRuleException.Rule;

/**
 * Reads the decrypted payload archive ({@code manifest.json}, then the tables) from a stream, hashing everything,
 * holding nothing but the parsed tables in memory. An entry whose name the manifest does not declare is refused
 * before any of it is inflated, and a declared table may unpack to no more than its declared row count allows.
 * Problems are logged in check order by {@link ProblemLog}; fatal structural problems throw at once.
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
        HashingInput whole = new HashingInput(plaintext);
        try (EntryPump pump = new EntryPump(whole, limits.maxPayloadEntries())) {
            return readArchive(pump);
        } catch (EntryPump.Refusal e) {
            throw e.refusal();
        }
    }

    private PayloadContent readArchive(EntryPump zip) throws IOException, BundleException {
        String first = zip.nextEntry();
        if (!BundleManifest.FILE_NAME.equals(first)) {
            throw new BundleManifestException(first == null ? Message.of("bundle.payload.empty")
                    : Message.of("bundle.payload.manifestFirst", first));
        }
        InputStream manifestIn = zip.entry(limits.maxManifestBytes(),
                Message.of("bundle.payload.manifestTooLarge", limits.maxManifestBytes()));
        BundleManifest manifest = BundleManifest.parse(manifestIn.readAllBytes(), limits);
        if (!manifest.bundleId().equals(expectedBundleId)) {
            throw new BundleManifestException("bundle.manifest.otherBundle", manifest.bundleId(), expectedBundleId);
        }
        Period period = new Period(manifest.period().start(), manifest.period().end());
        Set<String> seen = new HashSet<>();
        RegionTable regions = null;
        CodeIndex codes = null;
        FlowTable flows = null;
        ResidentTable residents = null;
        for (String name = zip.nextEntry(); name != null; name = zip.nextEntry()) {
            BundleManifest.TableEntry declared = manifest.table(name);
            if (declared == null) {
                throw new BundleManifestException("bundle.payload.undeclared", name);
            }
            if (!seen.add(name)) {
                throw new BundleManifestException("bundle.payload.twice", name);
            }
            Optional<TableSpec> spec = TableSpec.byFileName(name);
            if (spec.isEmpty()) {
                throw new AggregateRuleException(Rule.UNDECLARED_TABLE,
                        Message.of("bundle.aggregate.undeclaredTable", name));
            }
            HashingInput in = new HashingInput(open(zip, spec.get(), declared));
            if (spec.get() == TableSpec.REGIONS) {
                List<Region> list = RegionsCsv.read(in, declared.rows(), declared.columns(), limits, problems);
                if (list != null) {
                    regions = new RegionTable(list);
                    codes = new CodeIndex(list.stream().map(Region::code).toList());
                }
            } else if (codes == null && !seen.contains(TableSpec.REGIONS.fileName())) {
                throw new BundleManifestException("bundle.payload.regionsFirst", name);
            } else if (codes != null && spec.get() == TableSpec.FLOWS) {
                flows = FlowsCsvReader.read(in, codes, period, manifest.k(), manifest.roundingBase(), declared.rows(),
                        declared.columns(), limits, problems);
            } else if (codes != null) {
                residents = ResidentsCsvReader.read(in, codes, period, manifest.k(), manifest.roundingBase(),
                        declared.rows(), declared.columns(), limits, problems);
            }
            in.drain();
            if (!in.hex().equals(declared.sha256())) {
                problems.manifest(Message.of("bundle.manifest.tableHash", name));
            }
        }
        for (BundleManifest.TableEntry t : manifest.tables()) {
            if (!seen.contains(t.name())) {
                problems.manifest(Message.of("bundle.manifest.tableMissing", t.name()));
            }
        }
        return new PayloadContent(manifest, regions, flows, Optional.ofNullable(residents), zip.payloadSha256());
    }

    /** Opens a declared table, allowing it to unpack to what its declared rows can take, within the limits. */
    private InputStream open(EntryPump zip, TableSpec spec, BundleManifest.TableEntry declared) {
        long limit = spec == TableSpec.REGIONS ? limits.maxRegionsBytes() : limits.maxTableBytes();
        long byRows = maxBytes(spec, declared.rows(), limits.maxLineBytes());
        if (byRows < limit) {
            return zip.entry(byRows, Message.of("bundle.payload.moreThanRows", declared.name(), declared.rows()));
        }
        return zip.entry(limit, Message.of("bundle.payload.tableTooLarge", declared.name(), limit));
    }

    /**
     * The most bytes a table of {@code rows} data rows can hold: a byte order mark, a header line and each row at
     * its longest, every line ended by CR LF.
     */
    static long maxBytes(TableSpec spec, long rows, int maxLineBytes) {
        long perRow = Math.min(spec.maxRowBytes(), maxLineBytes) + 2L;
        long header = 3L + maxLineBytes + 2L;
        return rows > (Long.MAX_VALUE - header) / perRow ? Long.MAX_VALUE : header + rows * perRow;
    }
}
