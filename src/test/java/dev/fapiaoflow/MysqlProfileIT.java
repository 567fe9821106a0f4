package dev.fapiaoflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.fapiaoflow.support.MariaDbIntegrationTest;
import dev.fapiaoflow.support.SpringTestBase;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application on the {@code mysql} profile: Flyway, the Camunda engine and utf8mb4 data on MariaDB. */
@MariaDbIntegrationTest
class MysqlProfileIT extends SpringTestBase {

    @Autowired Flyway flyway;
    @Autowired ProcessEngine processEngine;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Value("${spring.datasource.url}") String url;
    @Value("${fapiaoflow.it.database}") String database;

    /** Camunda asks JDBC metadata for its tables without naming a database: another database's must not count. */
    @Test
    void tableLookupsWithoutADatabaseNameSeeOnlyOurDatabase() throws Exception {
        String other = database + "_other";
        jdbc.execute("CREATE DATABASE " + other);
        try {
            jdbc.execute("CREATE TABLE " + other + ".ACT_ONLY_ELSEWHERE (id INT)");
            try (java.sql.Connection connection = dataSource.getConnection();
                    java.sql.ResultSet tables = connection.getMetaData().getTables(null, null, "ACT_ONLY_ELSEWHERE", new String[] {"TABLE"})) {
                assertThat(tables.next()).isFalse();
            }
        } finally {
            jdbc.execute("DROP DATABASE " + other);
        }
    }

    @Test
    void runsOnAFreshUtf8mb4DatabaseOfMariaDb() {
        assertThat(url).startsWith("jdbc:mysql://").contains("/" + database + "?").contains("sendFractionalSeconds=false")
                .contains("nullDatabaseMeansCurrent=true");
        assertThat(jdbc.queryForObject("SELECT DATABASE()", String.class)).isEqualTo(database);
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).containsIgnoringCase("MariaDB");
        assertThat(jdbc.queryForObject(
                "SELECT default_character_set_name FROM information_schema.schemata WHERE schema_name = ?",
                String.class, database)).isEqualTo("utf8mb4");
    }

    @Test
    void flywayAppliedEveryMigrationSuccessfully() {
        MigrationInfo[] applied = flyway.info().applied();

        assertThat(applied).isNotEmpty().allSatisfy(migration -> assertThat(migration.getState().isFailed()).isFalse());
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0", Integer.class)).isZero();
        assertThat(jdbc.queryForObject(
                "SELECT table_collation FROM information_schema.tables WHERE table_schema = ? AND table_name = 'customer_order'",
                String.class, database)).isEqualTo("utf8mb4_bin");
    }

    @Test
    void poolHandsOutReadCommittedConnections() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        }
    }

    @Test
    void camundaEngineCreatedItsSchemaOnMariaDb() {
        assertThat(processEngine.getName()).isEqualTo("default");
        // Camunda 7.24 runs MariaDB with its MySQL dialect (there is no separate "mariadb" type any more)
        assertThat(processEngine.getProcessEngineConfiguration().getDatabaseType()).isEqualTo("mysql");
        assertThat(managementService.getTableCount()).containsKeys("ACT_RU_EXECUTION", "ACT_RU_JOB", "ACT_HI_PROCINST", "ACT_ID_USER");
        assertThat(managementService.createSchemaLogQuery().orderByTimestamp().desc().list())
                .first().satisfies(entry -> assertThat(entry.getVersion()).startsWith("7.24"));
    }

    @Test
    void everyModelInTheModelFoldersIsDeployed() throws IOException {
        List<String> deployed = new ArrayList<>();
        repositoryService.createProcessDefinitionQuery().list().stream().map(ResourceDefinition::getResourceName).forEach(deployed::add);
        repositoryService.createDecisionDefinitionQuery().list().stream().map(ResourceDefinition::getResourceName).forEach(deployed::add);

        PathMatchingResourcePatternResolver models = new PathMatchingResourcePatternResolver();
        List<Resource> files = new ArrayList<>(List.of(models.getResources("classpath*:bpmn/**/*.bpmn")));
        files.addAll(List.of(models.getResources("classpath*:dmn/**/*.dmn")));

        for (Resource model : files) {
            assertThat(deployed).as("definitions deployed from %s", model.getFilename())
                    .anySatisfy(name -> assertThat(name).endsWith(model.getFilename()));
        }
    }

    @Test
    void engineRunsAProcessWithChineseDataAndMillisecondDueDates() {
        Deployment deployment = repositoryService.createDeployment().name("发票冒烟测试")
                .addModelInstance("smoke.bpmn", Bpmn.createExecutableProcess("it_smoke").name("开票冒烟")
                        .startEvent().userTask("review").name("审核专票").camundaCandidateGroups("finance-reviewer").endEvent().done())
                .deploy();
        try {
            String businessKey = "订单-" + UUID.randomUUID();
            ProcessInstance instance = runtimeService.startProcessInstanceByKey("it_smoke", businessKey);
            Task review = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
            assertThat(review.getName()).isEqualTo("审核专票");
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isOne();

            // Camunda's MySQL columns keep whole seconds: without sendFractionalSeconds=false the stored value is
            // rounded up and a query for the same instant finds nothing.
            Date due = Date.from(Instant.parse("2030-01-01T15:00:46.731Z"));
            review.setDueDate(due);
            taskService.saveTask(review);
            assertThat(taskService.createTaskQuery().taskId(review.getId()).dueDate(due).count()).isOne();

            taskService.complete(review.getId());
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void chineseTextOutsideTheBasicPlaneRoundTripsThroughAnAppTable() {
        String orderNo = "IT-" + UUID.randomUUID();
        String customer = "𠮷野家·张三"; // U+20BB7 needs four bytes: utf8mb3 would refuse it
        jdbc.update("""
                INSERT INTO customer_order (order_no, customer, status, paid_amount, refunded_amount, content_hash,
                                            created_at, updated_at, version)
                VALUES (?, ?, 'PAID', 199.00, 0.00, 'hash', CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), 0)""",
                orderNo, customer);
        try {
            assertThat(jdbc.queryForObject("SELECT customer FROM customer_order WHERE order_no = ?", String.class, orderNo))
                    .isEqualTo(customer);
            assertThat(jdbc.queryForObject("SELECT CHAR_LENGTH(customer) FROM customer_order WHERE order_no = ?",
                    Integer.class, orderNo)).isEqualTo(customer.codePointCount(0, customer.length()));
        } finally {
            jdbc.update("DELETE FROM customer_order WHERE order_no = ?", orderNo);
        }
    }
}
