package org.epiflow.bundle;

import org.epiflow.bundle.age.AgeCodec;
import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.bundle.minisign.MinisignSigner;
import org.epiflow.bundle.minisign.ScryptParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Writes the seed corpora of the fuzz targets ({@code src/test/resources/<package>/<Class>Inputs/<target>/}) from
 * valid files. Run only on purpose: {@code mvn test -Dtest=FuzzSeedsTest -Depiflow.fuzzSeeds=true}.
 */
@EnabledIfSystemProperty(named = "epiflow.fuzzSeeds", matches = "true")
class FuzzSeedsTest {
    static final Path RES = Path.of("src/test/resources/org/epiflow");

    static void seed(String pkg, String cls, String target, String name, byte[] bytes) throws Exception {
        Path d = RES.resolve(pkg).resolve(cls + "Inputs").resolve(target);
        Files.createDirectories(d);
        Files.write(d.resolve(name), bytes);
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void write() throws Exception {
        try (AgeIdentity officer = FuzzKeys.officer(); MinisignSecretKey carrier = FuzzKeys.carrier()) {
            bundle(officer, carrier);
            age(officer);
            minisign(carrier);
        }
        others();
    }

    void bundle(AgeIdentity officer, MinisignSecretKey carrier) throws Exception {
        Path tmp = Files.createTempDirectory("seeds");
        Path b = tmp.resolve("b.epiflow");
        try (SealRecipients to = SealRecipients.officers(List.of(officer.recipient()))) {
            BundleSealer.seal(TestDatasets.dataset(2, 10, LocalDate.of(2099, 1, 1), 3), to, carrier, b);
        }
        byte[] bundle = Files.readAllBytes(b);
        seed("bundle", "BundleFuzzTest", "container", "sealed.epiflow", bundle);
        seed("bundle", "BundleFuzzTest", "container", "truncated.epiflow", java.util.Arrays.copyOf(bundle, 400));
        Path p = tmp.resolve("p.epiflow");
        try (SealRecipients to = SealRecipients.passphrase(FuzzKeys.PASSPHRASE.toCharArray(), 10)) {
            BundleSealer.seal(TestDatasets.dataset(2, 10, LocalDate.of(2099, 1, 1), 4), to, carrier, p);
        }
        seed("bundle", "BundleFuzzTest", "container", "passphrase.epiflow", Files.readAllBytes(p));

        CraftedBundle c = CraftedBundle.valid(10);
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        PayloadWriter.write(TestDatasets.dataset(5, 10, LocalDate.of(2099, 1, 1), 11), ours);
        seed("bundle", "BundleFuzzTest", "signedPayload", "sealer.zip", ours.toByteArray());
        seed("bundle", "BundleFuzzTest", "signedPayload", "stored.zip",
                PayloadOneReadingTest.zip(c, ZipBytes.Entry::stored).finish());
        seed("bundle", "BundleFuzzTest", "signedPayload", "descriptors.zip",
                PayloadOneReadingTest.zip(c, ZipBytes.Entry::withDescriptor).finish());

        Map<String, byte[]> files = PayloadOneReadingTest.files(c);
        int i = 0;
        for (byte[] f : files.values()) {
            // FuzzedDataProvider takes the choice (0..3) from the last byte, the text from the start
            seed("bundle", "BundleFuzzTest", "signedTables", "file" + i + ".bin", cat(f, new byte[] {(byte) i}));
            i++;
        }
        byte[][] tables = {c.tables.get("regions.csv"), c.tables.get("flows.csv"), c.tables.get("residents.csv")};
        for (int t = 0; t < 3; t++) {
            long rows = new String(tables[t], StandardCharsets.UTF_8).lines().count() - 1;
            seed("bundle", "BundleFuzzTest", "tableReaders", "table" + t + ".bin",
                    cat(tables[t], new byte[] {(byte) rows, (byte) (rows >> 8), (byte) t}));
        }
        byte[] regions = utf8("code,name,name_en,level,parent,lat,lon,population\n"
                + "310100,上海市,Shanghai,prefecture,310000,31.23,121.47,24870000\n"
                + "110100,北京市,Beijing,prefecture,110000,39.90,116.40,21540000\n");
        byte[] flows = utf8("date,origin,destination,trips\n2020-01-02,110100,310100,1500\n"
                + "2020-01-01,110100,310100,1200\n2020-01-01,310100,110100,7\n");
        seed("bundle", "BundleFuzzTest", "sealInput", "input.bin", cat(regions, flows,
                new byte[] {(byte) regions.length, (byte) (regions.length >> 8)}));
    }

    void age(AgeIdentity officer) throws Exception {
        seed("bundle/age", "AgeFuzzTest", "identityText", "keygen.txt", utf8("# created: 2024-05-01T12:00:00+02:00\n"
                + "# public key: " + officer.recipient() + "\n" + FuzzKeys.OFFICER_SECRET + "\n"));
        for (int n : new int[] {0, 100, 70_000}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (WritableByteChannel enc = AgeCodec.encrypt(Channels.newChannel(out), List.of(officer.recipient()))) {
                enc.write(ByteBuffer.wrap(new byte[n]));
            }
            seed("bundle/age", "AgeFuzzTest", "decryptWithIdentity", "x25519-" + n + ".age", out.toByteArray());
            ByteArrayOutputStream armored = new ByteArrayOutputStream();
            try (WritableByteChannel enc = AgeCodec.encrypt(Channels.newChannel(armored),
                    List.of(officer.recipient()), true)) {
                enc.write(ByteBuffer.wrap(utf8("hello")));
            }
            seed("bundle/age", "AgeFuzzTest", "decryptWithIdentity", "armored.age", armored.toByteArray());
            ByteArrayOutputStream pass = new ByteArrayOutputStream();
            try (WritableByteChannel enc = AgeCodec.encryptWithPassphrase(Channels.newChannel(pass),
                    FuzzKeys.PASSPHRASE.toCharArray(), 10)) {
                enc.write(ByteBuffer.wrap(new byte[n]));
            }
            seed("bundle/age", "AgeFuzzTest", "decryptWithPassphrase", "scrypt-" + n + ".age", pass.toByteArray());
        }
    }

    void minisign(MinisignSecretKey carrier) throws Exception {
        String pub = carrier.publicKey().toFileText();
        seed("bundle/minisign", "MinisignFormatsFuzzTest", "publicKey", "carrier.pub", utf8(pub));
        seed("bundle/minisign", "MinisignFormatsFuzzTest", "trustStore", "trust.pub", utf8("# carriers\n" + pub));
        seed("bundle/minisign", "MinisignFormatsFuzzTest", "signature", "bundle.minisig",
                utf8(MinisignSigner.signDigest(carrier, new byte[64], "epiflow-bundle v1 id=x payload-sha256="
                        + "0".repeat(64) + " header-sha256=" + "0".repeat(64), BundleSignatures.UNTRUSTED_COMMENT)
                        .toFileText()));
        seed("bundle/minisign", "MinisignFormatsFuzzTest", "secretKey", "plain.key",
                utf8(carrier.toFileText(null, ScryptParams.MINISIGN_DEFAULT)));
        seed("bundle/minisign", "MinisignFormatsFuzzTest", "secretKey", "encrypted.key",
                utf8(carrier.toFileText("pw".toCharArray(), ScryptParams.ofLogN(10))));
    }

    void others() throws Exception {
        seed("analytics/cases", "CaseCsvFuzzTest", "cases", "cases.csv", utf8("date,region,cases\n"
                + "2020-01-10,420100,41\n2020-01-11,420100,50\n2020-01-12,110100,3\n"));
        seed("analytics/cases", "CaseCsvFuzzTest", "cases", "names.csv", utf8("\uFEFFdate;region;cases\r\n"
                + "2020/01/10;武汉市;41\r\n"));
        Path boundaries = Path.of("src/test/resources/boundaries");
        for (String f : List.of("gd_3857.geojson")) {
            copy(boundaries.resolve(f), "map/geo", "BoundaryFuzzTest", "geoJson", f);
            copy(boundaries.resolve(f), "map/geo", "BoundaryFuzzTest", "geoJsonImport", f);
        }
        copy(boundaries.resolve("gd_3857.shp"), "map/geo", "BoundaryFuzzTest", "shapefile", "gd_3857.shp");
        byte[] dbf = Files.readAllBytes(boundaries.resolve("gd_3857.dbf"));
        seed("map/geo", "BoundaryFuzzTest", "dbf", "gd_3857.dbf", cat(dbf, new byte[] {0}));
        for (String f : List.of("gd_3857.prj", "bad_crs.prj")) {
            copy(boundaries.resolve(f), "map/geo", "BoundaryFuzzTest", "prj", f);
        }
        seed("export", "SavedViewFuzzTest", "savedView", "view.json", utf8("{\"version\":1,\"name\":\"Wuhan\","
                + "\"extent\":{\"west\":110,\"south\":20,\"east\":120,\"north\":35},\"layers\":[\"flows\",\"labels\"],"
                + "\"filters\":{\"topN\":50,\"minVolume\":100,\"direction\":\"both\",\"regions\":[\"420100\"],"
                + "\"provinces\":false}}"));
    }

    static void copy(Path from, String pkg, String cls, String target, String name) throws Exception {
        Path d = RES.resolve(pkg).resolve(cls + "Inputs").resolve(target);
        Files.createDirectories(d);
        Files.copy(from, d.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
