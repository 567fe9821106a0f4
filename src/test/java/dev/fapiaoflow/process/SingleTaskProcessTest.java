package dev.fapiaoflow.process;

import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Set-up shared by the tests of processes around one delegate: the plain engine with every element and flow
 * required to be covered, a fixed clock, and the delegate under its bean name replaced by a {@link FakeDelegate}.
 */
abstract class SingleTaskProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    static final Date NOW = new Date(1_790_000_000_000L);

    /** the delegate standing in for the Java side's bean */
    FakeDelegate delegate;

    /** the bean name the model's delegateExpression names */
    abstract String delegateBean();

    @BeforeEach
    void fakeTheDelegate() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(NOW);
        delegate = FakeDelegate.registeredAs(delegateBean());
    }

    @AfterEach
    void forgetTheDelegate() {
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }
}
