package org.epiflow.bundle;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes ZIP archives byte by byte (APPNOTE 6.3), independently of {@code java.util.zip}'s writer, so tests can
 * make every well-formed and hostile layout: entries stored or deflated, with or without data descriptors, extra
 * fields, junk between entries, central directory records that disagree with the local headers, trailing bytes.
 */
final class ZipBytes {
    /** One entry as it will be written; change fields before {@link #add}. */
    static final class Entry {
        byte[] name;
        byte[] data;
        int method = 8;
        int flags = 0x0800;
        int version = 20;
        int time = 0;
        int date = 0x21;
        byte[] extra = new byte[0];
        boolean descriptor;

        Entry(String name, byte[] data) {
            this.name = name.getBytes(StandardCharsets.UTF_8);
            this.data = data;
        }

        Entry stored() {
            method = 0;
            version = 10;
            return this;
        }

        Entry withDescriptor() {
            descriptor = true;
            flags |= 0x0008;
            return this;
        }
    }

    /** A central directory record, as it will be written; tests may change it before {@link #finish}. */
    static final class Central {
        int versionMadeBy = 20;
        int version;
        int flags;
        int method;
        int time;
        int date;
        int crc;
        long compressed;
        long size;
        byte[] name;
        byte[] extra = new byte[0];
        byte[] comment = new byte[0];
        long offset;
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final List<Central> directory = new ArrayList<>();
    byte[] endComment = new byte[0];
    /** Overrides of the end record's counts and offsets (-1: computed). */
    long endEntries = -1;
    long endOffset = -1;
    byte[] afterEnd = new byte[0];

    ZipBytes add(Entry e) {
        CRC32 c = new CRC32();
        c.update(e.data);
        byte[] body = e.method == 8 ? deflate(e.data) : e.data;
        Central cd = new Central();
        cd.version = e.version;
        cd.flags = e.flags;
        cd.method = e.method;
        cd.time = e.time;
        cd.date = e.date;
        cd.crc = (int) c.getValue();
        cd.compressed = body.length;
        cd.size = e.data.length;
        cd.name = e.name;
        cd.extra = e.extra;
        cd.offset = out.size();
        ByteBuffer h = le(30 + e.name.length + e.extra.length);
        h.putInt(PayloadArchive.LOCAL_SIG).putShort((short) e.version).putShort((short) e.flags)
                .putShort((short) e.method).putShort((short) e.time).putShort((short) e.date);
        if (e.descriptor) {
            h.putInt(0).putInt(0).putInt(0);
        } else {
            h.putInt(cd.crc).putInt((int) cd.compressed).putInt((int) cd.size);
        }
        h.putShort((short) e.name.length).putShort((short) e.extra.length).put(e.name).put(e.extra);
        out.writeBytes(h.array());
        out.writeBytes(body);
        if (e.descriptor) {
            out.writeBytes(le(16).putInt(PayloadArchive.DESCRIPTOR_SIG).putInt(cd.crc).putInt((int) cd.compressed)
                    .putInt((int) cd.size).array());
        }
        directory.add(cd);
        return this;
    }

    /** Raw bytes at this point of the archive (junk, a hidden entry…). */
    ZipBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** The central directory (as {@link #directory} says) and the end record. */
    byte[] finish() {
        long cdStart = out.size();
        for (Central cd : directory) {
            ByteBuffer b = le(46 + cd.name.length + cd.extra.length + cd.comment.length);
            b.putInt(PayloadArchive.CENTRAL_SIG).putShort((short) cd.versionMadeBy).putShort((short) cd.version)
                    .putShort((short) cd.flags).putShort((short) cd.method).putShort((short) cd.time)
                    .putShort((short) cd.date).putInt(cd.crc).putInt((int) cd.compressed).putInt((int) cd.size)
                    .putShort((short) cd.name.length).putShort((short) cd.extra.length)
                    .putShort((short) cd.comment.length).putShort((short) 0).putShort((short) 0).putInt(0)
                    .putInt((int) cd.offset).put(cd.name).put(cd.extra).put(cd.comment);
            out.writeBytes(b.array());
        }
        long cdSize = out.size() - cdStart;
        int n = (int) (endEntries >= 0 ? endEntries : directory.size());
        out.writeBytes(le(22 + endComment.length).putInt(PayloadArchive.END_SIG).putShort((short) 0)
                .putShort((short) 0).putShort((short) n).putShort((short) n).putInt((int) cdSize)
                .putInt((int) (endOffset >= 0 ? endOffset : cdStart)).putShort((short) endComment.length)
                .put(endComment).array());
        out.writeBytes(afterEnd);
        return out.toByteArray();
    }

    /** The bytes written so far (for offsets). */
    int size() {
        return out.size();
    }

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (!d.finished()) {
            b.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return b.toByteArray();
    }

    /** An extra field record. */
    static byte[] extra(int id, byte[] body) {
        return le(4 + body.length).putShort((short) id).putShort((short) body.length).put(body).array();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
