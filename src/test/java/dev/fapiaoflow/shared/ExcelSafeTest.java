package dev.fapiaoflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExcelSafeTest {

    @ParameterizedTest
    @ValueSource(strings = { "=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd" })
    void cellThatExcelWouldRunAsAFormulaGetsALeadingQuote(String value) {
        assertThat(ExcelSafe.cell(value)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = { "26110000000000000123", "2026-11-03", "1999.00", "北京", " =not first" })
    void harmlessCellIsLeftAsItIs(String value) {
        assertThat(ExcelSafe.cell(value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = { "" })
    void emptyAndMissingCellsAreEmpty(String value) {
        assertThat(ExcelSafe.cell(value)).isEmpty();
        assertThat(ExcelSafe.cell(null)).isEmpty();
    }
}
