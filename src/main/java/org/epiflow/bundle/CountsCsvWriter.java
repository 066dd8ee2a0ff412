package org.epiflow.bundle;

import org.epiflow.model.FlowTable;
import org.epiflow.model.RegionTable;
import org.epiflow.model.ResidentTable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes {@code flows.csv} and {@code residents.csv} in the canonical order and layout. */
final class CountsCsvWriter {
    private final OutputStream out;
    private final byte[] buf = new byte[64 * 1024];
    private int n;

    private CountsCsvWriter(OutputStream out) {
        this.out = out;
    }

    static void writeFlows(FlowTable flows, RegionTable regions, OutputStream out) throws IOException {
        CountsCsvWriter w = new CountsCsvWriter(out);
        byte[][] codes = codes(regions);
        w.ascii(String.join(",", TableSpec.FLOWS.columns()) + "\n");
        for (int day = 0; day < flows.dayCount(); day++) {
            byte[] date = flows.period().day(day).toString().getBytes(StandardCharsets.US_ASCII);
            for (int r = flows.firstRow(day); r < flows.endRow(day); r++) {
                w.room(64 + codes[flows.origin(r)].length + codes[flows.destination(r)].length);
                w.put(date).put(',').put(codes[flows.origin(r)]).put(',').put(codes[flows.destination(r)]).put(',')
                        .number(flows.trips(r)).put('\n');
            }
        }
        w.flush();
    }

    static void writeResidents(ResidentTable residents, RegionTable regions, OutputStream out) throws IOException {
        CountsCsvWriter w = new CountsCsvWriter(out);
        byte[][] codes = codes(regions);
        w.ascii(String.join(",", TableSpec.RESIDENTS.columns()) + "\n");
        int days = residents.period().days();
        for (int day = 0; day < days; day++) {
            byte[] date = residents.period().day(day).toString().getBytes(StandardCharsets.US_ASCII);
            for (int r = residents.firstRow(day); r < residents.endRow(day); r++) {
                w.room(64 + codes[residents.region(r)].length);
                w.put(date).put(',').put(codes[residents.region(r)]).put(',').number(residents.residents(r)).put('\n');
            }
        }
        w.flush();
    }

    private static byte[][] codes(RegionTable regions) {
        byte[][] codes = new byte[regions.size()][];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = regions.get(i).code().getBytes(StandardCharsets.UTF_8);
        }
        return codes;
    }

    private void ascii(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        room(b.length);
        put(b);
    }

    private void room(int bytes) throws IOException {
        if (n + bytes > buf.length) {
            flush();
        }
    }

    private CountsCsvWriter put(byte[] b) {
        System.arraycopy(b, 0, buf, n, b.length);
        n += b.length;
        return this;
    }

    private CountsCsvWriter put(char c) {
        buf[n++] = (byte) c;
        return this;
    }

    private CountsCsvWriter number(int v) {
        if (v == 0) {
            buf[n++] = '0';
            return this;
        }
        int digits = 0;
        for (int x = v; x > 0; x /= 10) {
            digits++;
        }
        for (int i = n + digits - 1, x = v; x > 0; x /= 10) {
            buf[i--] = (byte) ('0' + x % 10);
        }
        n += digits;
        return this;
    }

    private void flush() throws IOException {
        out.write(buf, 0, n);
        n = 0;
    }
}
