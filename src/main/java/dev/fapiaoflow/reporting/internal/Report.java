package dev.fapiaoflow.reporting.internal;

import java.util.List;
import java.util.Optional;

import dev.fapiaoflow.reporting.ReportChart;
import dev.fapiaoflow.reporting.ReportRange;
import dev.fapiaoflow.reporting.ReportSection;

/** Every contributor's section for one range, in contributor order. */
record Report(ReportRange range, List<ReportSection> sections) {

    Optional<ReportChart> chart(String name) {
        return sections.stream().flatMap(section -> section.charts().stream()).filter(chart -> chart.name().equals(name))
                .findFirst();
    }
}
