package org.epiflow.bundle;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.bundle.minisign.TrustStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every value of a bundle has one reading (issue 13, item 6): a JSON number is a JSON integer, text is valid UTF-8,
 * populations are in range, the header and the contents list agree on when the bundle was made, and a limit is
 * named when it is passed. Each rule is stated in docs/bundle-format.md.
 */
class StrictnessTest {
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

    OpenedBundle open(CraftedBundle c) throws Exception {
        Path file = c.write(dir.resolve("c.epiflow"), officer, carrier);
        try (BundleCredentials creds = BundleCredentials.of(officer)) {
            return new BundleReader(trust, BundleLimits.DEFAULT, BundleOpenTest.TODAY).open(file, creds,
                    BundleProgress.NONE);
        }
    }

    @Test
    void kMustBeAJsonInteger() throws Exception {
        for (String k : List.of("10.9", "\"10\"", "1e1", "10.0", "true")) {
            CraftedBundle c = CraftedBundle.valid(10);
            String json = new String(c.manifestBytes(), StandardCharsets.UTF_8).replaceFirst("\"k\"\\s*:\\s*10",
                    "\"k\" : " + k);
            assertThat(json).contains("\"k\" : " + k);
            c.rawPayload = payloadWithManifest(c, json.getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> open(c)).as(k).isInstanceOf(BundleManifestException.class)
                    .hasMessageContaining("'k' must be a whole number written as a JSON integer");
        }
    }

    @Test
    void aNumberInTheHeaderMustBeAJsonIntegerToo() {
        byte[] header = ("{\"format\":\"epiflow-bundle\",\"formatVersion\":1.0,\"bundleId\":\"a\",\"issuer\":\"c\","
                + "\"created\":\"2020-04-01T08:00:00Z\",\"signerKeyId\":\"AB\",\"recipients\":[{\"type\":\"scrypt\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BundleHeader.parse(header)).isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("'formatVersion' must be a whole number");
    }

    @Test
    void invalidUtf8InATableIsRefusedWithItsLine() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        byte[] regions = c.tables.get("regions.csv");
        String text = new String(regions, StandardCharsets.UTF_8);
        int at = text.indexOf("上海市");
        byte[] prefix = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] bad = regions.clone();
        bad[prefix.length] = (byte) 0xC0; // an overlong lead byte: never valid UTF-8
        c.tables.put("regions.csv", bad);
        c.rehash();
        assertThatThrownBy(() -> open(c)).isInstanceOf(AggregateRuleException.class)
                .hasMessageContaining("regions.csv line 3 is not valid UTF-8");
    }

    @Test
    void invalidUtf8InTheContentsListIsRefused() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        byte[] json = c.manifestBytes();
        String text = new String(json, StandardCharsets.UTF_8);
        int at = text.indexOf("测试");
        byte[] bad = json.clone();
        bad[text.substring(0, at).getBytes(StandardCharsets.UTF_8).length] = (byte) 0xFF;
        c.rawPayload = payloadWithManifest(c, bad);
        assertThatThrownBy(() -> open(c)).isInstanceOf(BundleManifestException.class)
                .hasMessageContaining("manifest.json is not valid UTF-8");
    }

    @Test
    void headerAndContentsListMustAgreeWhenTheBundleWasMade() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        c.headerCreated = Instant.parse("2020-04-02T08:00:00Z");
        assertThatThrownBy(() -> open(c)).isInstanceOf(BundleManifestException.class)
                .hasMessageContaining("made at 2020-04-01T08:00:00Z").hasMessageContaining("2020-04-02T08:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+21540000", "-0", "9223372036854775807", "10000000001", "021540000", " 5", "1e6"})
    void populationsOutOfTheDefinedRangeAreRefused(String population) throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        String regions = new String(c.tables.get("regions.csv"), StandardCharsets.UTF_8)
                .replace(",21540000\n", "," + population + "\n");
        c.table("regions.csv", regions).rehash();
        assertThatThrownBy(() -> open(c)).isInstanceOf(AggregateRuleException.class)
                .hasMessageContaining("regions.csv line 2: the population must be empty or a whole number from 0 to "
                        + "10,000,000,000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "10000000000"})
    void populationsInRangeAreRead(String population) throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        String regions = new String(c.tables.get("regions.csv"), StandardCharsets.UTF_8)
                .replace(",21540000\n", "," + population + "\n");
        c.table("regions.csv", regions).rehash();
        long expected = population.isEmpty() ? 0 : Long.parseLong(population);
        assertThat(open(c).data().regions().byCode("110100").orElseThrow().population()).isEqualTo(expected);
    }

    @Test
    void aQuoteInsideAnUnquotedRegionNameIsRefused() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        String regions = new String(c.tables.get("regions.csv"), StandardCharsets.UTF_8)
                .replace(",北京市,", ",\"北京\"市,");
        c.table("regions.csv", regions).rehash();
        assertThatThrownBy(() -> open(c)).isInstanceOf(AggregateRuleException.class)
                .hasMessageContaining("regions.csv line 2: the quotes are malformed");
    }

    @Test
    void tooManyRecipientsInTheHeaderAreRefusedNamingTheLimit() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        c.moreRecipients.addAll(recipients(600));
        assertThatThrownBy(() -> open(c)).isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("601 recipients; at most 500 are allowed");
        assertThatThrownBy(() -> SealRecipients.officers(c.moreRecipients))
                .hasMessageContaining("at most 500 officers");
    }

    @Test
    void moreThanAThousandStanzasAreRefusedNamingTheLimitNotAsAnAlteredHeader() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        c.handMadeAge = true;
        c.unlistedRecipients.addAll(recipients(1000));
        assertThatThrownBy(() -> open(c)).isInstanceOf(BundleDecryptionException.class)
                .hasMessageContaining("1,001 recipient entries; at most 500 are allowed");
    }

    @Test
    void stanzasTheHeaderDoesNotListAreRefused() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        c.unlistedRecipients.addAll(recipients(2));
        assertThatThrownBy(() -> open(c)).isInstanceOf(BundleDecryptionException.class)
                .hasMessageContaining("disagree on who may open it (1 recipients listed, 3 sealed for");
    }

    static List<String> recipients(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            try (AgeIdentity o = AgeIdentity.generate()) {
                out.add(o.recipient());
            }
        }
        return out;
    }

    /** The valid bundle's tables with this manifest text. */
    static byte[] payloadWithManifest(CraftedBundle c, byte[] manifest) {
        ZipBytes z = new ZipBytes();
        z.add(new ZipBytes.Entry(BundleManifest.FILE_NAME, manifest));
        c.tables.forEach((name, data) -> z.add(new ZipBytes.Entry(name, data)));
        return z.finish();
    }
}
