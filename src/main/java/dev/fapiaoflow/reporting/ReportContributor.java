package dev.fapiaoflow.reporting;

/**
 * A feature's part of the report, as a Spring bean: the page, the charts and both exports collect every contributor
 * (in {@link org.springframework.core.annotation.Order} order) and show what it answers. A new section is one class
 * implementing this in the feature that owns the data.
 */
public interface ReportContributor {

    /** The section's figures for the range; only reads, called once per page view or export. */
    ReportSection contribute(ReportRange range);
}
