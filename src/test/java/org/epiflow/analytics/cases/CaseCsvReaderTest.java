package org.epiflow.analytics.cases;

import org.epiflow.analytics.TestNetworks;
import org.epiflow.model.Period;
import org.epiflow.model.RegionTable;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseCsvReaderTest {
    private final RegionTable regions = TestNetworks.regions(1000, 2000, 3000);
    private final Period period = new Period(TestNetworks.START, TestNetworks.START.plusDays(4));
    private final String a = TestNetworks.code(0);
    private final String b = TestNetworks.code(1);

    private CaseTable read(String csv, boolean cumulative) throws Exception {
        return new CaseCsvReader(period, regions, cumulative).read(new StringReader(csv), "cases.csv");
    }

    private List<CaseImportException.Problem> problems(String csv, boolean cumulative) {
        try {
            read(csv, cumulative);
        } catch (CaseImportException e) {
            return e.problems();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted");
    }

    @Test
    void readsDailyCountsInAnyColumnOrder() throws Exception {
        CaseTable t = read("\uFEFFregion,Date,cases\n" + a + ",2020-01-01,3\n\n" + b + ",2020-01-03,5\n"
                + a + ",2020-01-02,0\n", false);
        assertThat(t.daily(0, 0)).isEqualTo(3);
        assertThat(t.daily(2, 1)).isEqualTo(5);
        assertThat(t.total()).isEqualTo(8);
        assertThat(t.lastReportedDay()).isEqualTo(2);
        assertThat(t.firstCaseDay(1)).isEqualTo(2);
        assertThat(t.firstCaseDay(2)).isEqualTo(-1);
    }

    @Test
    void cumulativeCountsBecomeDaily() throws Exception {
        CaseTable t = read("date,region,cases\n2020-01-01," + a + ",3\n2020-01-03," + a + ",10\n2020-01-04," + a
                + ",10\n", true);
        assertThat(t.daily(0, 0)).isEqualTo(3);
        assertThat(t.daily(1, 0)).isZero();
        assertThat(t.daily(2, 0)).isEqualTo(7);
        assertThat(t.daily(3, 0)).isZero();
    }

    @Test
    void refusesADecreasingCumulativeCount() {
        assertThat(problems("date,region,cases\n2020-01-01," + a + ",12\n2020-01-02," + a + ",10\n", true))
                .singleElement().hasToString("Line 3, column cases: The running total for region " + a
                        + " falls from 12 (2020-01-01, line 2) to 10 on 2020-01-02.");
    }

    @Test
    void eachProblemIsNamedWithLineAndColumn() {
        String csv = "date,region,cases\n"
                + "2020-01-01,999999,1\n"
                + "2020-01-02," + a + ",-4\n"
                + "2020-01-02," + b + ",many\n"
                + "2019-12-31," + a + ",1\n"
                + "2020-13-01," + a + ",1\n"
                + "2020-01-03," + a + ",2\n"
                + "2020-01-03," + a + ",2\n"
                + "2020-01-04," + a + "\n"
                + "2020-01-04," + b + ",1.5\n"
                + "2020-01-05," + b + ",\n";
        assertThat(problems(csv, false)).extracting(Object::toString).containsExactly(
                "Line 2, column region: Unknown region '999999' (not in the bundle).",
                "Line 3, column cases: Negative number of cases -4.",
                "Line 4, column cases: 'many' is not a whole number of cases.",
                "Line 5, column date: The date 2019-12-31 is outside the bundle's period 2020-01-01 – 2020-01-05.",
                "Line 6, column date: '2020-13-01' is not a date (write yyyy-MM-dd).",
                "Line 8: A second row for region " + a + " on 2020-01-03 (the first is on line 7).",
                "Line 9: Expected 3 fields, found 2.",
                "Line 10, column cases: '1.5' is not a whole number of cases.",
                "Line 11, column cases: The number of cases is missing.");
        // the same problems in Chinese, with line, column and value (issue 12 item 2)
        assertThat(problems(csv, false)).extracting(p -> org.epiflow.text.Texts.inChinese().format(p.located()))
                .startsWith("第 2 行，region 列：未知地区“999999”（数据包中没有）。",
                        "第 3 行，cases 列：病例数为负数：-4。");
    }

    @Test
    void headerProblems() {
        assertThat(problems("date,area,cases,notes\n", false)).extracting(Object::toString).containsExactly(
                "Line 1, column area: Unknown column 'area' (expected date,region,cases).",
                "Line 1, column notes: Unknown column 'notes' (expected date,region,cases).",
                "Line 1, column region: The column 'region' is missing.");
        assertThat(problems("", false)).extracting(Object::toString)
                .containsExactly("File: The file is empty (expected a header line date,region,cases).");
    }

    @Test
    void messageListsProblems() {
        assertThatThrownBy(() -> read("date,region,cases\n2020-01-01,x,1\n", false))
                .isInstanceOf(CaseImportException.class)
                .hasMessage("Cannot read cases from cases.csv: Line 2, column region: Unknown region 'x' (not in "
                        + "the bundle).");
    }

    @Test
    void prevalenceIsARollingWindowOverAscertainment() throws Exception {
        CaseTable t = read("date,region,cases\n2020-01-01," + a + ",2\n2020-01-02," + a + ",4\n", false);
        double[] p = t.prevalence(2, 0.5);
        int n = regions.size();
        assertThat(p[0]).isEqualTo(4);
        assertThat(p[n]).isEqualTo(12);
        assertThat(p[2 * n]).isEqualTo(8);
        assertThat(p[3 * n]).isZero();
    }

    @Test
    void seedsParseCountsAndShares() {
        List<Seeds.Seed> s = Seeds.parse(List.of(a + "=50", " " + b + " = 0.5% "), regions);
        assertThat(Seeds.infectious(s, new double[]{1000, 2000, 3000})).containsExactly(50, 10, 0);
        assertThatThrownBy(() -> Seeds.parse(List.of("x=1"), regions)).hasMessageContaining("no region x");
        assertThatThrownBy(() -> Seeds.parse(List.of(a + "=-1"), regions)).hasMessageContaining("at least 0");
        assertThatThrownBy(() -> Seeds.parse(List.of(a), regions)).hasMessageContaining("CODE=COUNT");
    }
}
