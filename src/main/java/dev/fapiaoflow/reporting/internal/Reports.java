package dev.fapiaoflow.reporting.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.reporting.ReportChart;
import dev.fapiaoflow.reporting.ReportContributor;
import dev.fapiaoflow.reporting.ReportRange;
import dev.fapiaoflow.reporting.ReportSection;

/** Asks every {@link ReportContributor} bean for its section; Spring hands them over in their {@code @Order}. */
@Component
class Reports {

    private final List<ReportContributor> contributors;

    Reports(List<ReportContributor> contributors) {
        this.contributors = List.copyOf(contributors);
    }

    /** one read-only transaction, so the sections read one consistent state where the database gives it */
    @Transactional(readOnly = true)
    Report of(ReportRange range) {
        List<ReportSection> sections = contributors.stream().map(contributor -> contributor.contribute(range)).toList();
        Set<String> ids = new HashSet<>();
        Set<String> charts = new HashSet<>();
        for (ReportSection section : sections) {
            if (!ids.add(section.id())) {
                throw new IllegalStateException("two report sections are called " + section.id());
            }
            for (ReportChart chart : section.charts()) {
                if (!charts.add(chart.name())) {
                    throw new IllegalStateException("two report charts are called " + chart.name());
                }
            }
        }
        return new Report(range, sections);
    }
}
