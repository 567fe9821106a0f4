package dev.fapiaoflow.issuance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context of issuance's tests (so it is built once): the whole app on in-memory H2, with a
 * fake draft source standing in for the request module. H2's default 1 s lock timeout is raised because
 * the concurrency test makes many issuers queue on one sequence row.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:fapiaoflow-${random.uuid};DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000",
        "camunda.bpm.job-execution.enabled=false",
        // its own engine name (letters only: Camunda ignores a name with a hyphen and registers "default", which then
        // takes /engine-rest over from the shared context)
        "camunda.bpm.process-engine-name=issuanceTests" })
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(FakeDraftSource.class)
public @interface IssuanceSpringTest {
}
