package dev.fapiaoflow.review;

import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fapiaoflow.delivery.DeliveryProcess;
import dev.fapiaoflow.shared.Texts;

/**
 * The saved Camunda Tasklist filters finance works from, created once. Camunda has no unique key on filter names,
 * so a row in {@code startup_step} is inserted in the same transaction: a second node starting at the same moment
 * fails on its primary key and rolls its filters back. Read access comes from CamundaAccessSetup (FILTER, ANY).
 */
@Component
@Order(1)
class TasklistFilters implements ApplicationRunner {

    static final String STEP = "tasklist-filters-v1";
    static final String REVIEW_FILTER = "审核专票";
    static final String POSTING_FILTER = "邮寄纸票";
    /** evaluated per user when the filter is listed: the candidate groups of whoever looks */
    private static final String CURRENT_USER_GROUPS = "${currentUserGroups()}";

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    private final FilterService filters;
    private final TaskService tasks;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    TasklistFilters(FilterService filters, TaskService tasks, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.filters = filters;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            transaction.executeWithoutResult(tx -> createOnce());
        } catch (DataIntegrityViolationException anotherNodeWasFaster) {
            log.info("Tasklist filters were created by another node");
        }
    }

    private void createOnce() {
        Integer done = jdbc.queryForObject("SELECT COUNT(*) FROM startup_step WHERE name = ?", Integer.class, STEP);
        if (done != null && done > 0) {
            return;
        }
        jdbc.update("INSERT INTO startup_step (name, done_at) VALUES (?, CURRENT_TIMESTAMP)", STEP);
        save(REVIEW_FILTER, Texts.inProductLanguage("tasklist.filter.review"), -10,
                groupTasks().taskDefinitionKeyIn(SpecialVatApprovalProcess.Elements.REVIEW_SPECIAL_VAT,
                        SpecialVatApprovalProcess.Elements.SECOND_APPROVAL));
        save(POSTING_FILTER, Texts.inProductLanguage("tasklist.filter.posting"), -9,
                groupTasks().taskDefinitionKey(DeliveryProcess.Elements.POST_PAPER_INVOICE));
    }

    private TaskQuery groupTasks() {
        // claimed tasks stay in the list, so a reviewer still finds what they took
        return tasks.createTaskQuery().taskCandidateGroupInExpression(CURRENT_USER_GROUPS).includeAssignedTasks()
                .orderByDueDate().asc();
    }

    private void save(String name, String description, int priority, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return; // made by hand before this step existed
        }
        Filter filter = filters.newTaskFilter(name);
        filter.setQuery(query);
        filter.setProperties(Map.of("description", description, "priority", priority, "refresh", true));
        filters.saveFilter(filter);
    }
}
