package dev.fapiaoflow.reporting;

import java.util.List;

/**
 * One section of the report: a page part, a CSV block and an XLSX sheet. Titles and labels are message codes
 * ({@code messages*.properties}); anything that is not a code (a month, a number) is shown as it is.
 *
 * @param id short ASCII name, unique across sections: the page anchor and the XLSX sheet name
 */
public record ReportSection(String id, String title, List<ReportTable> tables, List<ReportChart> charts) {

    public ReportSection {
        if (!id.matches("[a-z][a-z0-9-]{0,30}")) {
            throw new IllegalArgumentException("section id must be short lower-case ASCII: " + id);
        }
        tables = List.copyOf(tables);
        charts = List.copyOf(charts);
    }
}
