package org.epiflow.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellTest {
    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"x\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\tx",
            "\rx", "-", "+", "=", "-1-1", "-1e6e"})
    void textASpreadsheetWouldRunGetsAnApostrophe(String value) {
        assertThat(CsvCell.neutralise(value)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-12", "+3.5", "-0.25", "1e6", "-1.5E-3", "武汉市", "Wuhan", "", "a=b", "#1"})
    void numbersAndOrdinaryTextStayAsTheyAre(String value) {
        assertThat(CsvCell.neutralise(value)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a,b|\"a,b\"", "say \"hi\"|\"say \"\"hi\"\"\"", "=1,2|\"'=1,2\"", "plain|plain"})
    void cellsAreQuotedAsRfc4180(String value, String cell) {
        assertThat(CsvCell.text(value)).isEqualTo(cell);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"# issuer: a,=cmd|# issuer: a,'=cmd", "# k: 10|# k: 10",
            "# note: -5,+x|# note: -5,'+x"})
    void commentLinesStayOneLineAndSafeAtEveryComma(String line, String safe) {
        assertThat(CsvCell.commentLine(line)).isEqualTo(safe);
    }
}
