/**
 * Reporting (报表) for finance managers: the page {@code /reports}, its charts and its CSV and XLSX exports.
 * The figures come from the features that own the data: each implements {@link dev.fapiaoflow.reporting.ReportContributor}
 * and answers a {@link dev.fapiaoflow.reporting.ReportSection} of plain tables and chart data for a
 * {@link dev.fapiaoflow.reporting.ReportRange}; this feature draws and exports them and depends on no other feature's data.
 */
package dev.fapiaoflow.reporting;
