package org.epiflow.bundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.epiflow.bundle.age.AgeCodec;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.minisign.MinisignHasher;
import org.epiflow.bundle.minisign.MinisignSecretKey;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds bundles from raw payload entries, bypassing the sealer's own checks, so tests can make every kind of bad
 * bundle a hostile or buggy carrier could send — correctly encrypted and signed.
 */
final class CraftedBundle {
    final Map<String, byte[]> tables = new LinkedHashMap<>();
    ObjectNode manifest;
    String bundleId = TestDatasets.BUNDLE_ID;
    String issuer = "Test Carrier 测试运营商";

    /** Starts from a valid dataset's tables and manifest. */
    static CraftedBundle valid(int k) throws Exception {
        CraftedBundle c = new CraftedBundle();
        var data = TestDatasets.dataset(5, k, java.time.LocalDate.of(2099, 1, 1), 11);
        ByteArrayOutputStream regions = new ByteArrayOutputStream();
        RegionsCsv.write(data.regions().all(), regions);
        ByteArrayOutputStream flows = new ByteArrayOutputStream();
        CountsCsvWriter.writeFlows(data.flows(), data.regions(), flows);
        ByteArrayOutputStream residents = new ByteArrayOutputStream();
        CountsCsvWriter.writeResidents(data.residents().orElseThrow(), data.regions(), residents);
        c.tables.put("regions.csv", regions.toByteArray());
        c.tables.put("flows.csv", flows.toByteArray());
        c.tables.put("residents.csv", residents.toByteArray());
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        BundleManifest m = PayloadWriter.write(data, payload);
        c.manifest = (ObjectNode) Json.MAPPER.readTree(m.toJson());
        return c;
    }

    /** An independent copy (tables and manifest), cheaper than building {@link #valid} again. */
    CraftedBundle copy() {
        CraftedBundle c = new CraftedBundle();
        c.tables.putAll(tables);
        c.manifest = manifest.deepCopy();
        c.bundleId = bundleId;
        c.issuer = issuer;
        c.headerCreated = headerCreated;
        return c;
    }

    CraftedBundle table(String name, String csv) {
        tables.put(name, csv.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    CraftedBundle manifest(Consumer<ObjectNode> edit) {
        edit.accept(manifest);
        return this;
    }

    /** Recomputes the manifest's table list (names, rows, hashes) from the current tables. */
    CraftedBundle rehash() {
        ArrayNode list = manifest.putArray("tables");
        for (var e : tables.entrySet()) {
            ObjectNode t = list.addObject();
            t.put("name", e.getKey());
            ArrayNode cols = t.putArray("columns");
            String text = new String(e.getValue(), StandardCharsets.UTF_8);
            String header = text.lines().findFirst().orElse("");
            for (String c : CsvHeader.columns(header)) {
                cols.add(c);
            }
            t.put("rows", Math.max(0, text.lines().count() - 1));
            t.put("sha256", HexFormat.of().formatHex(PayloadWriter.sha256().digest(e.getValue())));
        }
        return this;
    }

    /** More age1… recipients to encrypt to (and list in the header) besides the officer. */
    List<String> moreRecipients = new java.util.ArrayList<>();
    /** Recipients the payload is encrypted to that the header does not list. */
    List<String> unlistedRecipients = new java.util.ArrayList<>();
    /** Encrypt with the independent test writer ({@code AgeBytes}), which takes any number of stanzas. */
    boolean handMadeAge;
    /** When set, the header's created time (the manifest keeps its own). */
    Instant headerCreated = Instant.parse("2020-04-01T08:00:00Z");

    /** When set, the plaintext payload archive exactly as given (bytes written by hand, e.g. {@link ZipBytes}). */
    byte[] rawPayload;

    /** The manifest's bytes, as {@link #payload()} writes them. */
    byte[] manifestBytes() throws Exception {
        return Json.MAPPER.writeValueAsBytes(manifest);
    }

    byte[] payload() throws Exception {
        if (rawPayload != null) {
            return rawPayload;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(Json.MAPPER.writeValueAsBytes(manifest));
            zip.closeEntry();
            for (var e : tables.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Encrypts to the officer, signs with the carrier key and writes the canonical container. */
    Path write(Path out, AgeIdentity officer, MinisignSecretKey carrier) throws Exception {
        byte[] plain = payload();
        List<String> to = new java.util.ArrayList<>(List.of(officer.recipient()));
        to.addAll(moreRecipients);
        BundleHeader header = new BundleHeader(BundleHeader.FORMAT, 1, bundleId, issuer, headerCreated,
                carrier.keyIdHex(), to.stream().map(r -> new BundleHeader.Recipient("X25519", AgeIdentity.keyId(r)))
                .toList());
        byte[] headerJson = header.toJson();
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            BundleContainerWriter w = new BundleContainerWriter(ch, headerJson);
            MinisignHasher hasher = new MinisignHasher();
            WritableByteChannel target = w.payloadChannel();
            WritableByteChannel hashing = new WritableByteChannel() {
                @Override
                public int write(ByteBuffer src) throws java.io.IOException {
                    hasher.update(src.duplicate());
                    return target.write(src);
                }

                @Override
                public boolean isOpen() {
                    return true;
                }

                @Override
                public void close() {
                }
            };
            if (handMadeAge) {
                byte[] key = org.epiflow.bundle.age.AgeBytes.fileKey();
                List<org.epiflow.bundle.age.AgeBytes.Stanza> stanzas = new java.util.ArrayList<>();
                for (String r : to) {
                    stanzas.add(org.epiflow.bundle.age.AgeBytes.validStanza(r, key));
                }
                for (String r : unlistedRecipients) {
                    stanzas.add(org.epiflow.bundle.age.AgeBytes.validStanza(r, key));
                }
                hashing.write(ByteBuffer.wrap(org.epiflow.bundle.age.AgeBytes.ageFile(plain, key, stanzas)));
            } else {
                List<String> all = new java.util.ArrayList<>(to);
                all.addAll(unlistedRecipients);
                try (OutputStream enc = Channels.newOutputStream(AgeCodec.encrypt(hashing, all))) {
                    enc.write(plain);
                }
            }
            w.finishPayload();
            SignedStatement st = new SignedStatement(bundleId,
                    HexFormat.of().formatHex(PayloadWriter.sha256().digest(plain)),
                    HexFormat.of().formatHex(PayloadWriter.sha256().digest(headerJson)));
            w.finish(BundleSignatures.sign(carrier, hasher.digest(), st).toFileText()
                    .getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }
}
