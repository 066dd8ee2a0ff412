package org.epiflow.cli;

import org.epiflow.data.demo.DemoInstaller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 items 2, 4 and 7 on the installed demo, read back from the written files: the partners table with a
 * baseline, per-capita and groups.
 */
class CompareExportsCliTest {
    @TempDir
    static Path root;
    static DemoInstaller.Installed demo;
    static Path pass;

    static final String WUHAN = "420100";
    static final String[] WEEK_AFTER = {"--from", "2020-01-24", "--to", "2020-01-30", "--baseline-from",
            "2020-01-17", "--baseline-to", "2020-01-23"};

    @BeforeAll
    static void install() throws Exception {
        demo = DemoInstaller.create(root.resolve("demo"), 3, DemoInstaller.DEFAULT_PASSPHRASE.toCharArray(), 10);
        pass = CliHarness.write(root, "pass.txt", DemoInstaller.DEFAULT_PASSPHRASE + "\n");
    }

    static CliHarness.Run export(String... extra) {
        List<String> a = new ArrayList<>(List.of("export", "--bundle", demo.bundle().toString(), "--identity",
                demo.officerKey().toString(), "--trust", demo.trustStore().toString(), "--passphrase-file",
                pass.toString()));
        a.addAll(Arrays.asList(extra));
        return CliHarness.run(a.toArray(String[]::new));
    }

    static String[] args(String[] first, String... more) {
        List<String> a = new ArrayList<>(List.of(first));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** The data lines of a written CSV (comment lines and the byte-order mark dropped), split into cells. */
    static List<List<String>> csv(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(l -> l.replace("\uFEFF", "")).filter(l -> !l.startsWith("#"))
                .map(l -> List.of(l.split(",", -1))).toList();
    }

    static long number(String cell) {
        return Long.parseLong(cell);
    }

    @Test
    void partnersTableWithABaselineAndPerCapita() throws Exception {
        Path compared = root.resolve("partners-compared.csv");
        CliHarness.Run r = export(args(WEEK_AFTER, "--format", "csv", "--table", "partners", "--region", WUHAN,
                "--per-capita", "--top", "0", "--lang", "en", "--out", compared.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        List<List<String>> rows = csv(compared);
        List<String> h = rows.get(0);
        assertThat(h).containsExactly("rank", "code", "region", "to_" + WUHAN, "from_" + WUHAN, "trips",
                "net_to_" + WUHAN, "baseline_trips", "change", "change_percent", "includes_unpublished",
                "trips_per_1000");
        // the same period without a baseline: the plain partners table, whose totals the compared one repeats
        Path plain = root.resolve("partners-plain.csv");
        r = export("--from", "2020-01-24", "--to", "2020-01-30", "--format", "csv", "--table", "partners",
                "--region", WUHAN, "--top", "0", "--lang", "en", "--out", plain.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, String> plainTotal = new HashMap<>();
        for (List<String> row : csv(plain).subList(1, csv(plain).size())) {
            plainTotal.put(row.get(1), row.get(5));
        }
        int trips = h.indexOf("trips"), base = h.indexOf("baseline_trips"), ch = h.indexOf("change"),
                pct = h.indexOf("change_percent"), marked = h.indexOf("includes_unpublished"),
                to = h.indexOf("to_" + WUHAN), from = h.indexOf("from_" + WUHAN);
        boolean sawMarked = false, sawOnlyBaseline = false, sawChange = false;
        for (List<String> row : rows.subList(1, rows.size())) {
            for (String cell : row) {
                assertThat(cell).as("row %s: no 0 for a figure", row).isNotEqualTo("0");
            }
            if (!row.get(trips).equals("–")) {
                assertThat(row.get(trips)).as(row.get(1)).isEqualTo(plainTotal.get(row.get(1)));
                long sum = (row.get(to).equals("–") ? 0 : number(row.get(to)))
                        + (row.get(from).equals("–") ? 0 : number(row.get(from)));
                assertThat(number(row.get(trips))).isEqualTo(sum);
            } else {
                sawOnlyBaseline = true;
                assertThat(row.get(marked)).isEqualTo("yes");
            }
            if (!row.get(trips).equals("–") && !row.get(base).equals("–") && !row.get(ch).startsWith("<")) {
                long change = number(row.get(ch));
                assertThat(change).isEqualTo(number(row.get(trips)) - number(row.get(base)));
                assertThat(Double.parseDouble(row.get(pct))).isCloseTo(100.0 * change / number(row.get(base)),
                        org.assertj.core.api.Assertions.within(0.05));
                sawChange = true;
            }
            if (row.get(to).equals("–") || row.get(from).equals("–") || row.get(base).equals("–")) {
                assertThat(row.get(marked)).as("row %s", row).isEqualTo("yes");
                sawMarked = true;
            }
            String per = row.get(h.indexOf("trips_per_1000"));
            assertThat(per.equals("–") ? row.get(trips) : per).isNotEqualTo("0.000");
        }
        assertThat(sawChange).isTrue();
        assertThat(sawMarked || sawOnlyBaseline).as("a partner with an unpublished side").isTrue();
        assertThat(Files.readString(compared)).contains("baseline 2020-01-17 – 2020-01-23");
        assertThat(rows.size()).isGreaterThanOrEqualTo(plainTotal.size() + 1);
    }

    @Test
    void partnersTableInChineseWithAGroupAsOnePartnerAndAsTheFocus() throws Exception {
        // Beijing, Tianjin and Baoding (Hebei): a group spanning three provinces
        String group = "京津保=110000,120000,130600";
        Path zh = root.resolve("partners-group-zh.csv");
        CliHarness.Run r = export(args(WEEK_AFTER, "--format", "csv", "--table", "partners", "--region", WUHAN,
                "--group", group, "--top", "0", "--lang", "zh", "--out", zh.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        List<List<String>> rows = csv(zh);
        assertThat(rows.get(0)).startsWith("排名", "代码", "地区").contains("出行量", "基期出行量", "变化", "变化百分比",
                "含未公布数据");
        List<String> codes = rows.subList(1, rows.size()).stream().map(x -> x.get(1)).toList();
        assertThat(codes).contains("京津保").doesNotContain("110000", "120000", "130600");
        // the group as the focus: its partners, the members not among them
        Path focus = root.resolve("partners-of-group.csv");
        r = export(args(WEEK_AFTER, "--format", "csv", "--table", "partners", "--region", "京津保", "--group", group,
                "--top", "0", "--lang", "en", "--out", focus.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        List<List<String>> of = csv(focus);
        assertThat(of.get(0)).contains("to_京津保", "from_京津保");
        assertThat(of.subList(1, of.size()).stream().map(x -> x.get(1)).toList()).contains(WUHAN)
                .doesNotContain("110000", "120000", "130600", "京津保");
    }

    static final List<String> THREE = List.of("420100", "421100", "420900");

    /** Issue 15 item 4 with the "between" filter: three places selected, only the flows among them. */
    @Test
    void aBetweenSelectionOfThreePlacesKeepsAllOfThem() throws Exception {
        for (boolean compared : List.of(false, true)) {
            Path csv = root.resolve("between-" + compared + ".csv");
            String[] first = compared ? WEEK_AFTER : new String[] {"--from", "2020-01-24", "--to", "2020-01-30"};
            // a comma list and a repeated flag together
            CliHarness.Run r = export(args(first, "--region", "420100,421100", "--region", "420900", "--direction",
                    "between", "--format", "csv", "--top", "0", "--lang", "en", "--out", csv.toString()));
            assertThat(r.exit()).as(r.err()).isZero();
            List<List<String>> rows = csv(csv);
            List<String> h = rows.get(0);
            assertThat(h).startsWith("rank", "origin_code", "origin", "destination_code", "destination", "trips");
            List<List<String>> data = rows.subList(1, rows.size());
            // the six ordered pairs among three places at most, every one of them among the three
            assertThat(data).isNotEmpty().hasSizeLessThanOrEqualTo(6);
            for (List<String> row : data) {
                assertThat(THREE).as("row %s", row).contains(row.get(1), row.get(3));
            }
            assertThat(data.stream().anyMatch(x -> !x.get(1).equals("420100") && !x.get(3).equals("420100")))
                    .as("a pair without the first place").isTrue();
        }
        // the map names all three, in the title (plain) and above the map (comparison), in both languages
        String[][] expected = {{"en", "false", "Trips between Wuhan, Huanggang and Xiaogan"},
                {"zh", "false", "武汉市、黄冈市和孝感市之间的城际出行流向"},
                {"en", "true", "Flows between Wuhan, Huanggang and Xiaogan"},
                {"zh", "true", "武汉市、黄冈市和孝感市之间的流向"}};
        for (String[] e : expected) {
            Path pdf = root.resolve("between-" + e[0] + "-" + e[1] + ".pdf");
            String[] first = e[1].equals("true") ? WEEK_AFTER
                    : new String[] {"--from", "2020-01-24", "--to", "2020-01-30"};
            CliHarness.Run r = export(args(first, "--region", String.join(",", THREE), "--direction", "between",
                    "--format", "pdf", "--lang", e[0], "--out", pdf.toString()));
            assertThat(r.exit()).as(r.err()).isZero();
            try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                assertThat(text.replace(" ", "")).as(text).contains(e[2].replace(" ", ""));
            }
        }
        // the partners table is for one place: several are refused, in the run's language
        Path x = root.resolve("partners-three.csv");
        CliHarness.Run r = export("--from", "2020-01-24", "--to", "2020-01-30", "--region", String.join(",", THREE),
                "--table", "partners", "--format", "csv", "--lang", "zh", "--out", x.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("往来地区表只针对一个地点");
        assertThat(x).doesNotExist();
    }
}
