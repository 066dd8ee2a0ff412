package org.epiflow.bundle;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.bundle.minisign.TrustStore;
import org.epiflow.testing.ExternalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The decrypted payload archive has one reading only (issue 13, item 1): EpiFlow reads the entries from their local
 * headers, so every archive whose central directory would send {@code unzip} or Python's {@code zipfile} to other
 * bytes is refused; and for every archive EpiFlow accepts, {@code unzip -p} gives exactly the bytes it checked.
 * The archives are written byte by byte here ({@link ZipBytes}), not with {@code java.util.zip}.
 */
class PayloadOneReadingTest {
    static final String RECORDS = "date,origin,destination,trips\n2020-01-10,110100,310100,1\n"
            + "msisdn=13800138000 cell=4601 2020-01-10T08:00\n";
    static AgeIdentity officer;
    static MinisignSecretKey carrier;
    static TrustStore trust;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() {
        officer = AgeIdentity.generate();
        carrier = MinisignSecretKey.generate();
        trust = TrustStore.of(carrier.publicKey());
    }

    @AfterAll
    static void wipe() {
        officer.close();
        carrier.close();
    }

    /** The manifest and tables of a valid bundle, in payload order. */
    static Map<String, byte[]> files(CraftedBundle c) throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put(BundleManifest.FILE_NAME, c.manifestBytes());
        m.putAll(c.tables);
        return m;
    }

    /** A payload of the valid bundle's files, each entry adjusted by {@code edit} before it is written. */
    static ZipBytes zip(CraftedBundle c, Consumer<ZipBytes.Entry> edit) throws Exception {
        ZipBytes z = new ZipBytes();
        for (var f : files(c).entrySet()) {
            ZipBytes.Entry e = new ZipBytes.Entry(f.getKey(), f.getValue());
            edit.accept(e);
            z.add(e);
        }
        return z;
    }

    static PayloadContent read(byte[] payload) throws Exception {
        ProblemLog problems = new ProblemLog();
        PayloadContent content = new PayloadReader(BundleLimits.DEFAULT, problems, TestDatasets.BUNDLE_ID)
                .read(new ByteArrayInputStream(payload));
        problems.throwUpToManifest();
        problems.throwAggregate();
        return content;
    }

    // ---------------------------------------------------------------- refused: a second reading is possible

    @Test
    void aSecondFlowsTableBehindJunkThatTheDirectoryPointsToIsRefused() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        c.tables.remove("residents.csv");
        c.rehash();
        ZipBytes z = zip(c, e -> { });
        // after the clean flows.csv: four junk bytes, then a flows.csv of subscriber records
        z.raw(new byte[] {'J', 'U', 'N', 'K'});
        int hiddenAt = z.size();
        ZipBytes.Entry hidden = new ZipBytes.Entry("flows.csv", RECORDS.getBytes(StandardCharsets.UTF_8));
        z.add(hidden);
        // the directory lists manifest, regions and "flows.csv", pointing at the hidden entry
        ZipBytes.Central clean = z.directory.stream().filter(cd -> new String(cd.name).equals("flows.csv"))
                .findFirst().orElseThrow();
        ZipBytes.Central secret = z.directory.remove(z.directory.size() - 1);
        z.directory.set(z.directory.indexOf(clean), secret);
        assertThat(secret.offset).isEqualTo(hiddenAt);
        byte[] payload = z.finish();
        assertThat(unzipRecords(payload)).as("standard tools read the hidden table").isEqualTo(RECORDS);
        assertThatThrownBy(() -> read(payload)).isInstanceOf(BundleManifestException.class)
                .hasMessageContaining("unexpected bytes after 'flows.csv'");
        // and through the whole reader, signed and encrypted by the carrier
        c.rawPayload = payload;
        assertThatThrownBy(() -> open(c)).isInstanceOf(BundleManifestException.class)
                .hasMessageContaining("flows.csv");
    }

    @Test
    void aDirectoryThatPointsAtAnEntryEpiFlowDidNotReadIsRefused() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        ZipBytes z = zip(c, e -> { });
        // no junk: the hidden entry directly follows, and the directory names it instead of the clean one
        ZipBytes.Entry hidden = new ZipBytes.Entry("flows.csv", RECORDS.getBytes(StandardCharsets.UTF_8));
        z.add(hidden);
        ZipBytes.Central secret = z.directory.remove(z.directory.size() - 1);
        int i = indexOf(z, "flows.csv");
        z.directory.set(i, secret);
        byte[] payload = z.finish();
        assertThatThrownBy(() -> read(payload)).isInstanceOf(BundleManifestException.class)
                .hasMessageContaining("'flows.csv' twice");
    }

    @Test
    void bytesAfterTheEndRecordAreRefused() throws Exception {
        ZipBytes z = zip(CraftedBundle.valid(10), e -> { });
        z.afterEnd = RECORDS.getBytes(StandardCharsets.UTF_8);
        byte[] payload = z.finish();
        assertThatThrownBy(() -> read(payload)).isInstanceOf(BundleManifestException.class)
                .hasMessageContaining("data after the end");
    }

    @Test
    void anArchiveCommentIsRefused() throws Exception {
        ZipBytes z = zip(CraftedBundle.valid(10), e -> { });
        z.endComment = "PK hidden".getBytes(StandardCharsets.US_ASCII);
        byte[] payload = z.finish();
        assertThatThrownBy(() -> read(payload)).isInstanceOf(BundleManifestException.class)
                .hasMessageContaining("comment");
    }

    @Test
    void junkBeforeTheFirstEntryIsRefused() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        ZipBytes z = new ZipBytes().raw(new byte[] {'M', 'Z', 0, 0});
        for (var f : files(c).entrySet()) {
            z.add(new ZipBytes.Entry(f.getKey(), f.getValue()));
        }
        byte[] payload = z.finish();
        assertThatThrownBy(() -> read(payload)).isInstanceOf(BundleManifestException.class)
                .hasMessageContaining("not a ZIP archive");
    }

    @Test
    void everyDirectoryFieldThatDisagreesWithTheLocalHeaderIsRefused() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        List<Consumer<ZipBytes.Central>> edits = List.of(
                cd -> cd.name = "regions.csX".getBytes(StandardCharsets.UTF_8),
                cd -> cd.crc ^= 1,
                cd -> cd.size += 1,
                cd -> cd.compressed -= 1,
                cd -> cd.offset += 4,
                cd -> cd.method = 0,
                cd -> cd.flags ^= 0x0800,
                cd -> cd.time = 0x1234,
                cd -> cd.version = 45,
                cd -> cd.comment = "x".getBytes(StandardCharsets.US_ASCII),
                cd -> cd.extra = ZipBytes.extra(0x7075, new byte[] {1, 0, 0, 0, 0, 'f', 'l', 'o', 'w', 's'}));
        for (Consumer<ZipBytes.Central> edit : edits) {
            ZipBytes z = zip(c, e -> { });
            edit.accept(z.directory.get(indexOf(z, "regions.csv")));
            byte[] payload = z.finish();
            assertThatThrownBy(() -> read(payload)).as(edit.toString()).isInstanceOf(BundleManifestException.class)
                    .hasMessageContaining("regions.csv");
        }
    }

    @Test
    void aDirectoryThatListsFewerOrMoreEntriesIsRefused() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        ZipBytes fewer = zip(c, e -> { });
        fewer.directory.remove(fewer.directory.size() - 1);
        byte[] a = fewer.finish();
        assertThatThrownBy(() -> read(a)).hasMessageContaining("does not list");
        ZipBytes more = zip(c, e -> { });
        more.directory.add(more.directory.get(1));
        byte[] b = more.finish();
        assertThatThrownBy(() -> read(b)).hasMessageContaining("lists more files");
        ZipBytes count = zip(c, e -> { });
        count.endEntries = 3;
        byte[] d = count.finish();
        assertThatThrownBy(() -> read(d)).hasMessageContaining("end record");
        ZipBytes offset = zip(c, e -> { });
        offset.endOffset = 0;
        byte[] f = offset.finish();
        assertThatThrownBy(() -> read(f)).hasMessageContaining("end record");
    }

    @Test
    void localHeadersThatToolsReadDifferentlyAreRefused() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        Map<String, Consumer<ZipBytes.Entry>> edits = new LinkedHashMap<>();
        edits.put("Unicode path", e -> e.extra = ZipBytes.extra(0x7075, new byte[] {1, 0, 0, 0, 0, 'x'}));
        edits.put("ZIP64", e -> e.extra = ZipBytes.extra(0x0001, new byte[16]));
        edits.put("unknown extra", e -> e.extra = ZipBytes.extra(0x9901, new byte[7]));
        edits.put("encrypted", e -> e.flags |= 1);
        edits.put("method 12", e -> e.method = 12);
        edits.put("version 45", e -> e.version = 45);
        edits.put("unflagged non-ASCII name", e -> {
            e.flags &= ~0x0800;
            e.name = "flows\u00e9.csv".getBytes(StandardCharsets.UTF_8);
        });
        for (var edit : edits.entrySet()) {
            ZipBytes z = zip(c, e -> {
                if (new String(e.name, StandardCharsets.UTF_8).equals("flows.csv")) {
                    edit.getValue().accept(e);
                }
            });
            byte[] payload = z.finish();
            assertThatThrownBy(() -> read(payload)).as(edit.getKey()).isInstanceOf(BundleManifestException.class);
        }
    }

    @Test
    void aDataDescriptorThatDisagreesWithTheDataIsRefused() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        byte[] good = zip(c, ZipBytes.Entry::withDescriptor).finish();
        read(good);
        // find flows.csv's descriptor (signature then CRC) and change its CRC
        byte[] bad = good.clone();
        int at = lastIndexOf(bad, new byte[] {'P', 'K', 7, 8});
        bad[at + 4] ^= 1;
        assertThatThrownBy(() -> read(bad)).isInstanceOf(BundleManifestException.class)
                .hasMessageContaining("size record");
    }

    // ---------------------------------------------------------------- accepted: one reading, the same as unzip

    @Test
    void everyAcceptedLayoutGivesUnzipExactlyTheBytesEpiFlowChecked() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        Map<String, byte[]> layouts = new LinkedHashMap<>();
        layouts.put("deflated", zip(c, e -> { }).finish());
        layouts.put("stored", zip(c, ZipBytes.Entry::stored).finish());
        layouts.put("deflated with data descriptors", zip(c, ZipBytes.Entry::withDescriptor).finish());
        layouts.put("harmless extra fields", zip(c, e -> e.extra = concat(
                ZipBytes.extra(0x5455, new byte[] {1, 0, 0, 0, 0}),
                ZipBytes.extra(0x7875, new byte[] {1, 4, 0, 0, 0, 0, 4, 0, 0, 0, 0}))).finish());
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        PayloadWriter.write(TestDatasets.dataset(5, 10, java.time.LocalDate.of(2099, 1, 1), 11), ours);
        layouts.put("EpiFlow's own sealer", ours.toByteArray());
        layouts.put("Info-ZIP zip", made(ExternalTools.require("zip").toString(), c, false));
        layouts.put("Python zipfile", made(ExternalTools.require("python3").toString(), c, true));
        String unzip = ExternalTools.require("unzip").toString();
        for (var l : layouts.entrySet()) {
            PayloadContent content = read(l.getValue());
            assertThat(content.flows()).as(l.getKey()).isNotNull();
            for (BundleManifest.TableEntry t : content.manifest().tables()) {
                // EpiFlow refuses a table whose bytes do not hash to the manifest's sha256: those are its bytes
                String viaUnzip = sha256(unzipP(unzip, l.getValue(), t.name()));
                assertThat(viaUnzip).as(l.getKey() + ": unzip -p " + t.name()).isEqualTo(t.sha256());
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    void open(CraftedBundle c) throws Exception {
        Path file = c.write(dir.resolve("c.epiflow"), officer, carrier);
        try (BundleCredentials creds = BundleCredentials.of(officer)) {
            new BundleReader(trust, BundleLimits.DEFAULT, BundleOpenTest.TODAY).open(file, creds, BundleProgress.NONE);
        }
    }

    /** What {@code unzip -p} gives for flows.csv of this payload. */
    String unzipRecords(byte[] payload) {
        return new String(unzipP(ExternalTools.require("unzip").toString(), payload, "flows.csv"),
                StandardCharsets.UTF_8);
    }

    byte[] unzipP(String unzip, byte[] payload, String name) {
        try {
            Path zip = Files.createTempFile(dir, "payload", ".zip");
            Files.write(zip, payload);
            Process p = new ProcessBuilder(unzip, "-p", zip.toString(), name).start();
            byte[] out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A payload made by another tool: Info-ZIP's zip, or Python's zipfile (deflated). */
    byte[] made(String tool, CraftedBundle c, boolean python) {
        try {
            Path src = Files.createTempDirectory(dir, "src");
            List<String> names = new ArrayList<>();
            for (var f : files(c).entrySet()) {
                Files.write(src.resolve(f.getKey()), f.getValue());
                names.add(f.getKey());
            }
            Path out = src.resolve("out.zip");
            List<String> cmd = new ArrayList<>();
            if (python) {
                cmd.addAll(List.of(tool, "-c", "import sys, zipfile\n"
                        + "with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:\n"
                        + "    [z.write(n) for n in sys.argv[2:]]\n", out.toString()));
            } else {
                cmd.addAll(List.of(tool, "-q", "-X", out.toString()));
            }
            cmd.addAll(names);
            Process p = new ProcessBuilder(cmd).directory(src.toFile()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail(tool + " failed: " + log);
            }
            return Files.readAllBytes(out);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int indexOf(ZipBytes z, String name) {
        for (int i = 0; i < z.directory.size(); i++) {
            if (new String(z.directory.get(i).name, StandardCharsets.UTF_8).equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    static int lastIndexOf(byte[] b, byte[] what) {
        for (int i = b.length - what.length; i >= 0; i--) {
            if (java.util.Arrays.equals(b, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        return -1;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
