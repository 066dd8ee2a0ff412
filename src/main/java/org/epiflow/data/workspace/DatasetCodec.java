package org.epiflow.data.workspace;

import org.epiflow.model.AggregateDataset;
import org.epiflow.model.BundleInfo;
import org.epiflow.model.FlowTable;
import org.epiflow.model.Period;
import org.epiflow.model.Region;
import org.epiflow.model.RegionTable;
import org.epiflow.model.ResidentTable;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Column-wise binary form of an {@link AggregateDataset} for the workspace cache (stored only as a BLOB inside the
 * encrypted database). Not compressed: it is never written anywhere else. Version {@value #VERSION}.
 */
final class DatasetCodec {
    static final int VERSION = 1;
    private static final int MAGIC = 0x45504643; // "EPFC"

    private DatasetCodec() {
    }

    /** Encodes into a fresh array; the caller wipes it after storing. */
    static byte[] encode(AggregateDataset d) throws IOException {
        FlowTable f = d.flows();
        int estimate = 1024 + d.regions().size() * 96 + f.rowCount() * 8 + f.dayCount() * 4
                + d.residents().map(r -> r.rowCount() * 6).orElse(0);
        ByteArrayOutputStream bytes = new WipeableBytes(estimate);
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(bytes, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            BundleInfo i = d.info();
            str(out, i.bundleId());
            str(out, i.issuer());
            out.writeLong(i.created().getEpochSecond());
            out.writeInt(i.created().getNano());
            out.writeLong(i.period().start().toEpochDay());
            out.writeLong(i.period().end().toEpochDay());
            str(out, i.timeResolution());
            str(out, i.geographyLevel());
            out.writeInt(i.measures().size());
            for (String m : i.measures()) {
                str(out, m);
            }
            out.writeInt(i.k());
            out.writeInt(i.roundingBase());
            str(out, i.purpose());
            out.writeLong(i.expires().toEpochDay());
            out.writeInt(d.regions().size());
            for (Region r : d.regions().all()) {
                str(out, r.code());
                str(out, r.name());
                str(out, r.nameEn());
                str(out, r.level());
                str(out, r.parent());
                out.writeDouble(r.lat());
                out.writeDouble(r.lon());
                out.writeLong(r.population());
            }
            int days = f.dayCount();
            out.writeInt(days);
            out.writeInt(f.rowCount());
            for (int day = 0; day < days; day++) {
                out.writeInt(f.endRow(day) - f.firstRow(day));
            }
            for (int r = 0; r < f.rowCount(); r++) {
                out.writeShort(f.origin(r));
                out.writeShort(f.destination(r));
                out.writeInt(f.trips(r));
            }
            Optional<ResidentTable> res = d.residents();
            out.writeBoolean(res.isPresent());
            if (res.isPresent()) {
                ResidentTable t = res.get();
                out.writeInt(t.rowCount());
                for (int day = 0; day < days; day++) {
                    out.writeInt(t.endRow(day) - t.firstRow(day));
                }
                for (int r = 0; r < t.rowCount(); r++) {
                    out.writeShort(t.region(r));
                    out.writeInt(t.residents(r));
                }
            }
        }
        return ((WipeableBytes) bytes).takeAndWipe();
    }

    static AggregateDataset decode(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a cached dataset");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("cached dataset format " + version + " is not supported");
        }
        String bundleId = str(in);
        String issuer = str(in);
        Instant created = Instant.ofEpochSecond(in.readLong(), in.readInt());
        Period period = new Period(LocalDate.ofEpochDay(in.readLong()), LocalDate.ofEpochDay(in.readLong()));
        String timeResolution = str(in);
        String geography = str(in);
        int nm = in.readInt();
        List<String> measures = new ArrayList<>(nm);
        for (int i = 0; i < nm; i++) {
            measures.add(str(in));
        }
        int k = in.readInt();
        int rounding = in.readInt();
        String purpose = str(in);
        LocalDate expires = LocalDate.ofEpochDay(in.readLong());
        BundleInfo info = new BundleInfo(bundleId, issuer, created, period, timeResolution, geography, measures, k,
                rounding, purpose, expires);
        int nr = in.readInt();
        List<Region> regions = new ArrayList<>(nr);
        for (int i = 0; i < nr; i++) {
            regions.add(new Region(str(in), str(in), str(in), str(in), str(in), in.readDouble(), in.readDouble(),
                    in.readLong()));
        }
        int days = in.readInt();
        int rows = in.readInt();
        int[] perDay = new int[days];
        for (int day = 0; day < days; day++) {
            perDay[day] = in.readInt();
        }
        FlowTable.Builder fb = FlowTable.builder(period, rows);
        for (int day = 0; day < days; day++) {
            for (int n = 0; n < perDay[day]; n++) {
                check(fb.add(day, in.readShort(), in.readShort(), in.readInt()));
            }
        }
        Optional<ResidentTable> residents = Optional.empty();
        if (in.readBoolean()) {
            int rr = in.readInt();
            for (int day = 0; day < days; day++) {
                perDay[day] = in.readInt();
            }
            ResidentTable.Builder rb = ResidentTable.builder(period, rr);
            for (int day = 0; day < days; day++) {
                for (int n = 0; n < perDay[day]; n++) {
                    check(rb.add(day, in.readShort(), in.readInt()));
                }
            }
            residents = Optional.of(rb.build());
        }
        return new AggregateDataset(info, new RegionTable(regions), fb.build(), residents);
    }

    private static void check(String why) throws IOException {
        if (why != null) {
            throw new IOException("cached dataset is damaged: row " + why);
        }
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String str(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (1 << 20)) {
            throw new IOException("cached dataset is damaged: string length " + n);
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    /** A byte array stream whose internal buffers are wiped when they grow or are taken. */
    private static final class WipeableBytes extends ByteArrayOutputStream {
        WipeableBytes(int size) {
            super(size);
        }

        @Override
        public synchronized void write(int b) {
            ensure(1);
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            ensure(len);
            super.write(b, off, len);
        }

        private void ensure(int extra) {
            if (count + extra > buf.length) {
                byte[] bigger = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, count + extra));
                java.util.Arrays.fill(buf, (byte) 0);
                buf = bigger;
            }
        }

        synchronized byte[] takeAndWipe() {
            byte[] out = java.util.Arrays.copyOf(buf, count);
            java.util.Arrays.fill(buf, (byte) 0);
            return out;
        }
    }
}
