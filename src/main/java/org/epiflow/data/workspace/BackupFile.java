package org.epiflow.data.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.epiflow.data.audit.AuditEntry;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The backup file format (docs/workspace-and-audit.md, "Backups").
 *
 * <pre>
 * "EPIFLOW-WORKSPACE-BACKUP-1\n"
 * u32 header length, header (JSON, UTF-8), 32-byte HMAC-SHA256 of the header
 * body: chunks of 64 KiB of plaintext, each AES-256-GCM with a 16-byte tag (the last one shorter, maybe empty)
 * </pre>
 *
 * The header is public (id, time, officer key id, the workspace salt and key check, schema version, audit head, row
 * counts, a random nonce) and MAC'd under {@code HKDF(backup key, -, "epiflow/backup/v1/header-mac")}; the backup
 * key is derived from the officer's identity and the salt in the header, so a backup restores even when the
 * workspace's own key file is lost. The body key is {@code HKDF(backup key, nonce, "epiflow/backup/v1/body:" ||
 * hex(SHA-256(header)))} — bound to this header — and chunk {@code i} has the nonce {@code u88(i) || last?1:0}
 * (age's STREAM), so chunks cannot be reordered, dropped or cut off unnoticed. The body is the deflated row stream
 * of {@link BackupRows}.
 */
final class BackupFile {
    static final byte[] MAGIC = "EPIFLOW-WORKSPACE-BACKUP-1\n".getBytes(StandardCharsets.US_ASCII);
    static final String EXTENSION = ".epiflow-backup";
    static final int CHUNK = 64 * 1024;
    private static final int TAG = 16;
    private static final int MAX_HEADER = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BackupFile() {
    }

    /**
     * A backup's public header.
     *
     * @param id            the backup's id (its UTC time, {@code yyyyMMdd-HHmmss-SSS})
     * @param created       when it was written
     * @param officerKeyId  whose workspace
     * @param salt          the workspace's salt (from {@code workspace.meta})
     * @param keyCheck      the workspace's key check
     * @param metaCreated   when the workspace was created
     * @param schemaVersion the schema version of the rows
     * @param auditHead     the trail's head at the time of the backup
     * @param rows          rows per table
     * @param nonce         16 random bytes for the body key
     */
    record Header(String id, Instant created, String officerKeyId, byte[] salt, byte[] keyCheck, String metaCreated,
                  int schemaVersion, AuditEntry.Head auditHead, Map<String, Long> rows, byte[] nonce) {
        byte[] toJson() {
            ObjectNode n = JSON.createObjectNode();
            n.put("format", "epiflow-workspace-backup");
            n.put("formatVersion", 1);
            n.put("id", id);
            n.put("created", created.toString());
            n.put("officerKeyId", officerKeyId);
            n.put("salt", Base64.getEncoder().encodeToString(salt));
            n.put("keyCheck", HexFormat.of().formatHex(keyCheck));
            n.put("workspaceCreated", metaCreated);
            n.put("schemaVersion", schemaVersion);
            ObjectNode head = n.putObject("auditHead");
            head.put("seq", auditHead.seq());
            head.put("hash", auditHead.hashHex());
            ObjectNode r = n.putObject("rows");
            rows.forEach(r::put);
            n.put("nonce", Base64.getEncoder().encodeToString(nonce));
            try {
                return JSON.writeValueAsBytes(n);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static Header parse(byte[] json) throws IOException {
            JsonNode n = JSON.readTree(json);
            if (!"epiflow-workspace-backup".equals(n.path("format").asText()) || n.path("formatVersion").asInt() != 1) {
                throw new IOException("not an EpiFlow workspace backup (version 1)");
            }
            Map<String, Long> rows = new LinkedHashMap<>();
            n.path("rows").fields().forEachRemaining(e -> rows.put(e.getKey(), e.getValue().asLong()));
            try {
                return new Header(n.path("id").asText(), Instant.parse(n.path("created").asText()),
                        n.path("officerKeyId").asText(), Base64.getDecoder().decode(n.path("salt").asText()),
                        HexFormat.of().parseHex(n.path("keyCheck").asText()), n.path("workspaceCreated").asText(),
                        n.path("schemaVersion").asInt(), new AuditEntry.Head(n.path("auditHead").path("seq").asLong(),
                        HexFormat.of().parseHex(n.path("auditHead").path("hash").asText())), rows,
                        Base64.getDecoder().decode(n.path("nonce").asText()));
            } catch (RuntimeException e) {
                throw new IOException("the backup header is not readable", e);
            }
        }

        WorkspaceMeta meta() {
            return new WorkspaceMeta(WorkspaceMeta.FORMAT, officerKeyId, salt, keyCheck, metaCreated);
        }
    }

    /** Writes the magic, header and its MAC; returns a stream that encrypts the body (close it to finish). */
    static OutputStream write(OutputStream out, Header h, byte[] backupKey) throws IOException {
        byte[] json = h.toJson();
        out.write(MAGIC);
        out.write(ByteBuffer.allocate(4).putInt(json.length).array());
        out.write(json);
        out.write(headerMac(backupKey, json));
        return new Encrypting(out, bodyKey(backupKey, h.nonce(), json));
    }

    /** Reads and authenticates the header (the stream is then at the body). */
    static byte[] readHeaderBytes(InputStream in) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not an EpiFlow workspace backup");
        }
        byte[] len = in.readNBytes(4);
        if (len.length != 4) {
            throw new EOFException("the backup is cut short");
        }
        int n = ByteBuffer.wrap(len).getInt();
        if (n <= 0 || n > MAX_HEADER) {
            throw new IOException("the backup header is damaged");
        }
        byte[] json = in.readNBytes(n);
        if (json.length != n) {
            throw new EOFException("the backup is cut short");
        }
        return json;
    }

    /** Checks the header's MAC (read after the header bytes). */
    static boolean headerAuthentic(InputStream in, byte[] json, byte[] backupKey) throws IOException {
        byte[] mac = in.readNBytes(32);
        return mac.length == 32 && MessageDigest.isEqual(mac, headerMac(backupKey, json));
    }

    /** The decrypted body (authenticated chunk by chunk; an {@link IOException} on any change or truncation). */
    static InputStream body(InputStream in, Header h, byte[] json, byte[] backupKey) {
        return new Decrypting(in, bodyKey(backupKey, h.nonce(), json));
    }

    private static byte[] headerMac(byte[] backupKey, byte[] json) {
        byte[] k = WorkspaceKeys.hkdf(backupKey, null, "epiflow/backup/v1/header-mac");
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(k, "HmacSHA256"));
            m.update("EPIFLOW-BACKUP-HEADER-V1\n".getBytes(StandardCharsets.US_ASCII));
            return m.doFinal(json);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    private static SecretKeySpec bodyKey(byte[] backupKey, byte[] nonce, byte[] json) {
        try {
            String info = "epiflow/backup/v1/body:" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(json));
            byte[] k = WorkspaceKeys.hkdf(backupKey, nonce, info);
            SecretKeySpec spec = new SecretKeySpec(k, "AES");
            Arrays.fill(k, (byte) 0);
            return spec;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GCMParameterSpec nonce(long counter, boolean last) {
        byte[] n = new byte[12];
        for (int i = 10; i >= 3; i--) {
            n[i] = (byte) counter;
            counter >>>= 8;
        }
        n[11] = (byte) (last ? 1 : 0);
        return new GCMParameterSpec(TAG * 8, n);
    }

    /** STREAM encryption of the body. */
    private static final class Encrypting extends OutputStream {
        private final OutputStream out;
        private final SecretKeySpec key;
        private final byte[] buf = new byte[CHUNK];
        private int len;
        private long counter;
        private boolean closed;

        Encrypting(OutputStream out, SecretKeySpec key) {
            this.out = out;
            this.key = key;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int n) throws IOException {
            while (n > 0) {
                if (len == CHUNK) {
                    chunk(false);
                }
                int take = Math.min(n, CHUNK - len);
                System.arraycopy(b, off, buf, len, take);
                len += take;
                off += take;
                n -= take;
            }
        }

        private void chunk(boolean last) throws IOException {
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.ENCRYPT_MODE, key, nonce(counter++, last));
                out.write(c.doFinal(buf, 0, len));
                Arrays.fill(buf, (byte) 0);
                len = 0;
            } catch (GeneralSecurityException e) {
                throw new IOException("AES-GCM failed", e);
            }
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            chunk(true);
            out.flush();
        }
    }

    /** STREAM decryption of the body: each chunk is authenticated before its bytes are returned. */
    private static final class Decrypting extends InputStream {
        private final InputStream in;
        private final SecretKeySpec key;
        private byte[] plain = new byte[0];
        private int pos;
        private long counter;
        private boolean done;
        private byte[] next;

        Decrypting(InputStream in, SecretKeySpec key) {
            this.in = in;
            this.key = key;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int n) throws IOException {
            while (pos == plain.length) {
                if (done) {
                    return -1;
                }
                fill();
            }
            int take = Math.min(n, plain.length - pos);
            System.arraycopy(plain, pos, b, off, take);
            pos += take;
            return take;
        }

        private void fill() throws IOException {
            byte[] cur = next != null ? next : in.readNBytes(CHUNK + TAG);
            next = null;
            if (cur.length < TAG) {
                throw new IOException("the backup is cut short or damaged");
            }
            boolean last = cur.length < CHUNK + TAG;
            if (!last) {
                next = in.readNBytes(CHUNK + TAG);
                last = next.length == 0;
                if (last) {
                    next = null;
                }
            }
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.DECRYPT_MODE, key, nonce(counter++, last));
                Arrays.fill(plain, (byte) 0);
                plain = c.doFinal(cur);
                pos = 0;
            } catch (GeneralSecurityException e) {
                throw new IOException("the backup is damaged (a part of it does not authenticate)", e);
            }
            if (last) {
                done = true;
            }
        }

        @Override
        public void close() throws IOException {
            Arrays.fill(plain, (byte) 0);
            in.close();
        }
    }
}
