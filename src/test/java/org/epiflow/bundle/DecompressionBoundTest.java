package org.epiflow.bundle;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayInputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Decompression is bounded by what the manifest declares (issue 13, item 5): an entry under a name the manifest does
 * not declare is refused before any of it is inflated, and a declared table may unpack to no more than its declared
 * rows can hold — so a 1 GiB deflate bomb costs a few kilobytes of reading, not a gigabyte of inflating.
 */
class DecompressionBoundTest {
    static final long GIB = 1L << 30;
    static byte[] bomb;
    static int bombCrc;

    /** 1 GiB of '1,' lines, deflated (about 1 MiB). */
    @BeforeAll
    static void makeBomb() {
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < chunk.length; i += 2) {
            chunk[i] = '1';
            chunk[i + 1] = '\n';
        }
        Deflater d = new Deflater(Deflater.BEST_SPEED, true);
        CRC32 crc = new CRC32();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        for (long done = 0; done < GIB; done += chunk.length) {
            crc.update(chunk);
            d.setInput(chunk);
            while (!d.needsInput()) {
                out.write(buf, 0, d.deflate(buf));
            }
        }
        d.finish();
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        bomb = out.toByteArray();
        bombCrc = (int) crc.getValue();
    }

    /** A payload: the valid bundle's manifest and regions, then the bomb under {@code name}. */
    static byte[] payload(CraftedBundle c, String name) throws Exception {
        ZipBytes z = new ZipBytes();
        z.add(new ZipBytes.Entry(BundleManifest.FILE_NAME, c.manifestBytes()));
        z.add(new ZipBytes.Entry("regions.csv", c.tables.get("regions.csv")));
        // the bomb, written by hand: its local header declares the real sizes
        ZipBytes.Entry e = new ZipBytes.Entry(name, new byte[0]);
        int at = z.size();
        java.nio.ByteBuffer h = java.nio.ByteBuffer.allocate(30 + e.name.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        h.putInt(PayloadArchive.LOCAL_SIG).putShort((short) 20).putShort((short) 0x0800).putShort((short) 8)
                .putShort((short) 0).putShort((short) 0x21).putInt(bombCrc).putInt(bomb.length).putInt((int) GIB)
                .putShort((short) e.name.length).putShort((short) 0).put(e.name);
        z.raw(h.array()).raw(bomb);
        ZipBytes.Central cd = new ZipBytes.Central();
        cd.version = 20;
        cd.flags = 0x0800;
        cd.method = 8;
        cd.date = 0x21;
        cd.crc = bombCrc;
        cd.compressed = bomb.length;
        cd.size = GIB;
        cd.name = e.name;
        cd.offset = at;
        z.directory.add(cd);
        return z.finish();
    }

    /** Counts what the reader takes from the decrypted stream. */
    static final class Counting extends FilterInputStream {
        long read;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            read += Math.max(0, n);
            return n;
        }
    }

    static Counting counting(byte[] payload) {
        return new Counting(new ByteArrayInputStream(payload));
    }

    static void read(InputStream in) throws Exception {
        ProblemLog problems = new ProblemLog();
        new PayloadReader(BundleLimits.DEFAULT, problems, TestDatasets.BUNDLE_ID).read(in);
        problems.throwUpToManifest();
        problems.throwAggregate();
    }

    @Test
    void aBombUnderAnUndeclaredNameIsRefusedBeforeItIsInflated() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        byte[] p = payload(c, "records.csv");
        Counting in = counting(p);
        assertThatThrownBy(() -> read(in)).isInstanceOf(BundleManifestException.class)
                .hasMessageContaining("'records.csv'").hasMessageContaining("before unpacking");
        // the reader stopped at the bomb's local header: at most its 64 KiB read-ahead, not the ~1 MiB bomb
        assertThat(in.read).isLessThan(p.length - bomb.length + 128 * 1024);
    }

    @Test
    void aBombUnderADeclaredTableNameStopsAtWhatItsRowsCanHold() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        long rows = c.manifest.get("tables").get(1).get("rows").asLong();
        byte[] p = payload(c, "flows.csv");
        Counting in = counting(p);
        assertThatThrownBy(() -> read(in)).isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("flows.csv unpacks to more data than its " + rows + " declared rows");
        // what the declared rows allow is a few kilobytes; inflating stops there
        long allowed = PayloadReader.maxBytes(TableSpec.FLOWS, rows, BundleLimits.DEFAULT.maxLineBytes());
        assertThat(allowed).isLessThan(16 * 1024);
        assertThat(in.read).isLessThan(p.length - bomb.length + 256 * 1024);
    }

    @Test
    void theBoundFollowsEachTablesLongestRow() {
        assertThat(PayloadReader.maxBytes(TableSpec.FLOWS, 1000, 1024)).isEqualTo(3 + 1026 + 1000 * (86 + 2));
        assertThat(PayloadReader.maxBytes(TableSpec.RESIDENTS, 0, 1024)).isEqualTo(3 + 1026);
        assertThat(PayloadReader.maxBytes(TableSpec.REGIONS, 10, 1024)).isEqualTo(3 + 1026 + 10 * 1026);
        assertThat(PayloadReader.maxBytes(TableSpec.FLOWS, Long.MAX_VALUE / 2, 1024)).isEqualTo(Long.MAX_VALUE);
    }
}
