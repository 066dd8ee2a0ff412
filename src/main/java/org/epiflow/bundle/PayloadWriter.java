package org.epiflow.bundle;

import org.epiflow.model.AggregateDataset;
import org.epiflow.model.BundleInfo;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the payload archive: {@code manifest.json}, {@code regions.csv}, {@code flows.csv} and, when present,
 * {@code residents.csv}, deflated, with fixed entry times. Tables are serialised twice (once to hash them for the
 * manifest, which comes first, once to write them) so that no plaintext is ever buffered on disk.
 */
final class PayloadWriter {
    private static final FileTime EPOCH_1980 = FileTime.fromMillis(315532800000L);

    private PayloadWriter() {
    }

    @FunctionalInterface
    private interface TableBody {
        void write(OutputStream out) throws IOException;
    }

    /** Writes the archive and returns the manifest written into it. */
    static BundleManifest write(AggregateDataset data, OutputStream out) throws IOException {
        BundleInfo info = data.info();
        List<String> names = new ArrayList<>(List.of(TableSpec.REGIONS.fileName(), TableSpec.FLOWS.fileName()));
        List<TableBody> bodies = new ArrayList<>();
        List<Long> rows = new ArrayList<>(List.of((long) data.regions().size(), (long) data.flows().rowCount()));
        bodies.add(o -> RegionsCsv.write(data.regions().all(), o));
        bodies.add(o -> CountsCsvWriter.writeFlows(data.flows(), data.regions(), o));
        if (data.residents().isPresent()) {
            names.add(TableSpec.RESIDENTS.fileName());
            rows.add((long) data.residents().get().rowCount());
            bodies.add(o -> CountsCsvWriter.writeResidents(data.residents().get(), data.regions(), o));
        }
        List<BundleManifest.TableEntry> tables = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            MessageDigest md = sha256();
            try (DigestOutputStream d = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
                bodies.get(i).write(d);
            }
            tables.add(new BundleManifest.TableEntry(names.get(i),
                    TableSpec.byFileName(names.get(i)).orElseThrow().columns(), rows.get(i),
                    HexFormat.of().formatHex(md.digest())));
        }
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT, 1, info.bundleId(), info.issuer(),
                info.created(), new BundleManifest.PeriodJson(info.period().start(), info.period().end()),
                info.timeResolution(), info.geographyLevel(), info.measures(), info.k(), info.roundingBase(),
                info.purpose(), info.expires(), tables);
        ZipOutputStream zip = new ZipOutputStream(new NonClosing(out), java.nio.charset.StandardCharsets.UTF_8);
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        entry(zip, BundleManifest.FILE_NAME);
        zip.write(manifest.toJson());
        zip.closeEntry();
        for (int i = 0; i < names.size(); i++) {
            entry(zip, names.get(i));
            bodies.get(i).write(zip);
            zip.closeEntry();
        }
        zip.finish();
        return manifest;
    }

    private static void entry(ZipOutputStream zip, String name) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setLastModifiedTime(EPOCH_1980);
        zip.putNextEntry(e);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets the zip stream finish without closing the encrypting stream under it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
