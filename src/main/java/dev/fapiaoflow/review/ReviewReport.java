package dev.fapiaoflow.review;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.reporting.Percentiles;
import dev.fapiaoflow.reporting.ReportChart;
import dev.fapiaoflow.reporting.ReportContributor;
import dev.fapiaoflow.reporting.ReportRange;
import dev.fapiaoflow.reporting.ReportSection;
import dev.fapiaoflow.reporting.ReportTable;
import dev.fapiaoflow.reporting.ReportTable.ColumnType;

import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.REVIEW_OVERDUE;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.REVIEW_SPECIAL_VAT;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.SECOND_APPROVAL;

/**
 * The review backlog now (open ReviewSpecialVat and SecondApproval tasks by age, and how many of them have escalated),
 * and per Shanghai month of the range the reviews done, the SLA breaches and how long a review took. An SLA breach is
 * the escalation timer {@code ReviewOverdue} firing: the review stayed open past the configured working days. The
 * engine's history is the record of it (history level full), so nothing is counted twice and nothing extra is stored.
 */
@Component
@Order(30)
class ReviewReport implements ReportContributor {

    /** upper bounds of the backlog's age buckets, in days; the last bucket is "older" */
    static final List<Integer> AGE_LIMITS_DAYS = List.of(1, 2, 5);

    private final TaskService tasks;
    private final HistoryService history;

    ReviewReport(TaskService tasks, HistoryService history) {
        this.tasks = tasks;
        this.history = history;
    }

    @Override
    public ReportSection contribute(ReportRange range) {
        List<ReportTable> tables = new ArrayList<>();
        List<ReportChart> charts = new ArrayList<>();
        backlog(tables, charts);
        breaches(range, tables, charts);
        return new ReportSection("review", "reports.review.title", tables, charts);
    }

    private void backlog(List<ReportTable> tables, List<ReportChart> charts) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        List<String> buckets = new ArrayList<>();
        for (int i = 0; i <= AGE_LIMITS_DAYS.size(); i++) {
            buckets.add("reports.review.age." + i);
        }
        ReportTable.Builder table = ReportTable.titled("reports.review.backlog").column("reports.review.task", ColumnType.TEXT);
        buckets.forEach(bucket -> table.column(bucket, ColumnType.COUNT));
        table.column("reports.review.open", ColumnType.COUNT).column("reports.review.escalatedOpen", ColumnType.COUNT);
        ReportChart.Builder chart = ReportChart.named("review-backlog", "reports.review.backlogChart",
                ReportChart.Style.STACKED_BARS, "reports.tasks");
        for (String taskKey : List.of(REVIEW_SPECIAL_VAT, SECOND_APPROVAL)) {
            List<Task> open = tasks.createTaskQuery().processDefinitionKey(SpecialVatApprovalProcess.KEY)
                    .taskDefinitionKey(taskKey).list();
            long[] byAge = new long[buckets.size()];
            long escalated = 0;
            for (Task task : open) {
                byAge[ageBucket(Duration.between(task.getCreateTime().toInstant(), now))]++;
                if (escalated(task.getProcessInstanceId())) {
                    escalated++;
                }
            }
            Object[] row = new Object[buckets.size() + 3];
            row[0] = "reports.review.task." + taskKey;
            for (int i = 0; i < byAge.length; i++) {
                row[i + 1] = byAge[i];
                chart.point("reports.review.task." + taskKey, buckets.get(i), byAge[i]);
            }
            row[buckets.size() + 1] = (long) open.size();
            row[buckets.size() + 2] = escalated;
            table.row(row);
        }
        tables.add(table.build());
        charts.add(chart.build());
    }

    static int ageBucket(Duration age) {
        for (int i = 0; i < AGE_LIMITS_DAYS.size(); i++) {
            if (age.compareTo(Duration.ofDays(AGE_LIMITS_DAYS.get(i))) < 0) {
                return i;
            }
        }
        return AGE_LIMITS_DAYS.size();
    }

    private boolean escalated(String processInstanceId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).activityId(REVIEW_OVERDUE)
                .count() > 0;
    }

    private void breaches(ReportRange range, List<ReportTable> tables, List<ReportChart> charts) {
        Date start = Date.from(range.start());
        Date end = Date.from(range.end());
        Map<String, List<Duration>> reviewed = new LinkedHashMap<>();
        Map<String, Long> secondApprovals = new LinkedHashMap<>();
        Map<String, Long> escalations = new LinkedHashMap<>();
        range.months().forEach(month -> reviewed.put(month, new ArrayList<>()));
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
                .processDefinitionKey(SpecialVatApprovalProcess.KEY).taskDefinitionKeyIn(REVIEW_SPECIAL_VAT, SECOND_APPROVAL)
                .finished().finishedAfter(start).finishedBefore(end).list()) {
            Instant done = task.getEndTime().toInstant();
            // a task ended by a cancelled process was not reviewed
            if (!range.contains(done) || !"completed".equals(task.getDeleteReason())) {
                continue;
            }
            String month = ReportRange.monthOf(done);
            if (REVIEW_SPECIAL_VAT.equals(task.getTaskDefinitionKey())) {
                reviewed.computeIfAbsent(month, m -> new ArrayList<>())
                        .add(Duration.between(task.getStartTime().toInstant(), done));
            } else {
                secondApprovals.merge(month, 1L, Long::sum);
            }
        }
        for (HistoricActivityInstance timer : history.createHistoricActivityInstanceQuery().activityId(REVIEW_OVERDUE)
                .startedAfter(start).startedBefore(end).list()) {
            Instant fired = timer.getStartTime().toInstant();
            if (SpecialVatApprovalProcess.KEY.equals(timer.getProcessDefinitionKey()) && range.contains(fired)) {
                escalations.merge(ReportRange.monthOf(fired), 1L, Long::sum);
            }
        }

        ReportTable.Builder table = ReportTable.titled("reports.review.sla").column("reports.month", ColumnType.TEXT)
                .column("reports.review.reviewed", ColumnType.COUNT).column("reports.review.secondApprovals", ColumnType.COUNT)
                .column("reports.review.breaches", ColumnType.COUNT).column("reports.medianHours", ColumnType.DECIMAL)
                .column("reports.p90Hours", ColumnType.DECIMAL);
        ReportChart.Builder chart = ReportChart.named("review-sla", "reports.review.slaChart", ReportChart.Style.BARS,
                "reports.tasks");
        reviewed.forEach((month, durations) -> {
            Percentiles stats = Percentiles.of(durations);
            long breaches = escalations.getOrDefault(month, 0L);
            table.row(month, (long) stats.count(), secondApprovals.getOrDefault(month, 0L), breaches, Percentiles.hours(stats.median()),
                    Percentiles.hours(stats.p90()));
            chart.point("reports.review.reviewed", month, stats.count()).point("reports.review.breaches", month, breaches);
        });
        tables.add(table.build());
        charts.add(chart.build());
    }
}
