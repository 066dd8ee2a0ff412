package org.epiflow.bundle;

import org.epiflow.bundle.age.AgeIdentity;
import org.epiflow.bundle.minisign.MinisignSecretKey;
import org.epiflow.bundle.minisign.TrustStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.epiflow.bundle.AggregateRuleException.Rule;

/** Each opening check refuses a correctly encrypted and signed bundle that breaks it, with its own message. */
class AggregateRulesTest {
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
            return new BundleReader(trust, BundleLimits.DEFAULT, BundleOpenTest.TODAY)
                    .open(file, creds, BundleProgress.NONE);
        }
    }

    static String flows(CraftedBundle c) {
        return new String(c.tables.get("flows.csv"), StandardCharsets.UTF_8);
    }

    void refused(CraftedBundle c, Rule rule, String text) {
        assertThatThrownBy(() -> open(c)).isInstanceOfSatisfying(AggregateRuleException.class,
                e -> assertThat(e.rule()).isEqualTo(rule)).hasMessageContaining(text);
    }

    @Test
    void craftedValidBundleOpens() throws Exception {
        assertThat(open(CraftedBundle.valid(10)).data().flows().rowCount()).isPositive();
    }

    @Test
    void identifierColumnIsRefusedByName() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        String csv = flows(c).lines().map(l -> l.startsWith("date") ? l + ",imsi" : l + ",460001234567890")
                .reduce("", (a, b) -> a + b + "\n");
        refused(c.table("flows.csv", csv).rehash(), Rule.IDENTIFIER_COLUMN, "'imsi'");
    }

    @Test
    void chineseIdentifierColumnIsRefused() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        String csv = flows(c).lines().map(l -> l.startsWith("date") ? l + ",手机号码" : l + ",13800000000")
                .reduce("", (a, b) -> a + b + "\n");
        refused(c.table("flows.csv", csv).rehash(), Rule.IDENTIFIER_COLUMN, "手机号码");
    }

    @Test
    void undeclaredColumnIsRefused() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        String csv = flows(c).lines().map(l -> l.startsWith("date") ? l + ",note" : l + ",x")
                .reduce("", (a, b) -> a + b + "\n");
        refused(c.table("flows.csv", csv).rehash(), Rule.UNDECLARED_COLUMN, "'note'");
    }

    @Test
    void cellBelowKIsRefusedWithoutShowingTheValue() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        String csv = flows(c).replaceFirst("(\n[^\n]*,)[0-9]+\n", "$17\n");
        assertThatThrownBy(() -> open(c.table("flows.csv", csv).rehash()))
                .isInstanceOfSatisfying(AggregateRuleException.class, e -> assertThat(e.rule()).isEqualTo(Rule.BELOW_K))
                .hasMessageContaining("k = 10").hasMessageNotContaining(",7");
    }

    @Test
    void duplicateCellIsRefused() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        String[] lines = flows(c).split("\n");
        StringBuilder sb = new StringBuilder(lines[0]).append('\n').append(lines[1]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            sb.append(lines[i]).append('\n');
        }
        refused(c.table("flows.csv", sb.toString()).rehash(), Rule.DUPLICATE_CELL, "line 3");
    }

    @Test
    void unknownRegionIsRefused() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        String csv = flows(c).replaceFirst("\n([0-9-]+),110100,", "\n$1,999999,");
        refused(c.table("flows.csv", csv).rehash(), Rule.UNKNOWN_REGION, "999999");
    }

    @Test
    void undeclaredTableIsRefused() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        refused(c.table("records.csv", "msisdn,cell\n1,2\n").rehash(), Rule.UNDECLARED_TABLE, "records.csv");
    }

    @Test
    void wrongPurposeIsRefused() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10).manifest(m -> m.put("purpose", "marketing"));
        assertThatThrownBy(() -> open(c)).isInstanceOf(BundlePurposeException.class)
                .hasMessageContaining("'marketing'");
    }

    @Test
    void tableHashMismatchIsAManifestProblem() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        c.table("flows.csv", flows(c).replaceFirst(",([0-9]+)\n", ",1$1\n"));
        assertThatThrownBy(() -> open(c)).isInstanceOf(BundleManifestException.class)
                .hasMessageContaining("flows.csv does not match the SHA-256");
    }

    @Test
    void manifestProblemsComeBeforeAggregateProblems() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        String csv = flows(c).replaceFirst("(\n[^\n]*,)[0-9]+\n", "$13\n");
        c.table("flows.csv", csv);
        assertThatThrownBy(() -> open(c)).isInstanceOf(BundleManifestException.class);
    }

    @Test
    void expiryComesBeforeAggregateRules() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        String csv = flows(c).replaceFirst("(\n[^\n]*,)[0-9]+\n", "$13\n");
        c.table("flows.csv", csv).rehash().manifest(m -> m.put("expires", "2020-01-01"));
        assertThatThrownBy(() -> open(c)).isInstanceOf(BundleExpiredException.class);
    }

    @Test
    void manifestSchemaErrorsAreNamed() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10).manifest(m -> m.remove("k"));
        assertThatThrownBy(() -> open(c)).isInstanceOf(BundleManifestException.class)
                .hasMessageContaining("'k'");
    }

    @Test
    void bundleIdMismatchBetweenManifestAndHeaderIsRefused() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10).manifest(m -> m.put("bundleId", "another-bundle"));
        assertThatThrownBy(() -> open(c)).isInstanceOf(BundleManifestException.class)
                .hasMessageContaining("another-bundle");
    }

    @Test
    void outOfOrderRowsAreRefused() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        String[] lines = flows(c).split("\n");
        String t = lines[1];
        lines[1] = lines[2];
        lines[2] = t;
        refused(c.table("flows.csv", String.join("\n", lines) + "\n").rehash(), Rule.OUT_OF_ORDER, "sorted");
    }

    @Test
    void dateOutsidePeriodIsRefused() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        String csv = flows(c) + "2031-01-01,110100,310100,50\n";
        refused(c.table("flows.csv", csv).rehash(), Rule.OUTSIDE_PERIOD, "2031-01-01");
    }

    @Test
    void overlongLineIsRefusedAsOversized() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        String csv = flows(c) + "2020-01-10,110100,310100," + "1".repeat(2000) + "\n";
        assertThatThrownBy(() -> open(c.table("flows.csv", csv).rehash()))
                .isInstanceOf(BundleFormatException.class).hasMessageContaining("longer than 1,024 bytes");
    }

    @Test
    void tooManyEntriesAreRefused() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        for (int i = 0; i < 8; i++) {
            c.table("extra" + i + ".csv", "a\n");
        }
        // the first extra entry is refused by name, before it is inflated; the entry limit itself is tested on
        // the archive reader (PayloadArchiveTest)
        refused(c.rehash(), Rule.UNDECLARED_TABLE, "extra0.csv");
    }

    @Test
    void missingRequiredTableIsAManifestProblem() throws Exception {
        CraftedBundle c = CraftedBundle.valid(10);
        c.tables.remove("flows.csv");
        assertThatThrownBy(() -> open(c.rehash())).isInstanceOf(BundleManifestException.class)
                .hasMessageContaining("flows.csv");
    }
}
