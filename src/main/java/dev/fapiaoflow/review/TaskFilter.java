package dev.fapiaoflow.review;

import java.math.BigDecimal;

/**
 * What the task list shows: {@code view} mine | group | all, a task kind (task definition key) or all, a minimum
 * amount in yuan, only overdue ones, sorted by due date (default) or by creation.
 */
public record TaskFilter(String view, String kind, BigDecimal minAmount, boolean overdueOnly, String sort) {

    public static TaskFilter defaults() {
        return new TaskFilter("all", null, null, false, "due");
    }

    public TaskFilter {
        view = view == null || view.isBlank() ? "all" : view;
        kind = kind == null || kind.isBlank() ? null : kind;
        sort = "created".equals(sort) ? "created" : "due";
    }
}
