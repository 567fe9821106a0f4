package dev.fapiaoflow.process;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stands in for a delegate bean of the Java side: registered under its bean name with {@link Mocks}, it
 * remembers the variables it saw on every call (a snapshot, taken when called), can simulate a technical
 * outage for its first calls, and otherwise does what the test tells it to.
 */
final class FakeDelegate implements JavaDelegate {

    private final List<Map<String, Object>> calls = new ArrayList<>();
    private Consumer<DelegateExecution> behaviour = execution -> { };
    private int outagesLeft;

    static FakeDelegate registeredAs(String beanName) {
        FakeDelegate delegate = new FakeDelegate();
        Mocks.register(beanName, delegate);
        return delegate;
    }

    FakeDelegate doing(Consumer<DelegateExecution> behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    FakeDelegate settingVariables(Map<String, Object> variables) {
        return doing(execution -> variables.forEach(execution::setVariable));
    }

    FakeDelegate throwingBpmnError(String errorCode, String message) {
        return doing(execution -> {
            throw new BpmnError(errorCode, message);
        });
    }

    /** the next {@code times} calls fail like an unreachable database or SMTP server */
    FakeDelegate failingTimes(int times) {
        this.outagesLeft = times;
        return this;
    }

    FakeDelegate failingAlways() {
        return failingTimes(Integer.MAX_VALUE);
    }

    FakeDelegate recovered() {
        return failingTimes(0);
    }

    @Override
    public void execute(DelegateExecution execution) {
        calls.add(Collections.unmodifiableMap(new HashMap<>(execution.getVariables())));
        if (outagesLeft > 0) {
            outagesLeft--;
            throw new IllegalStateException("simulated outage");
        }
        behaviour.accept(execution);
    }

    int timesCalled() {
        return calls.size();
    }

    boolean wasCalled() {
        return !calls.isEmpty();
    }

    /** the value of a variable as this delegate saw it on its last call */
    Object lastSaw(String variable) {
        if (calls.isEmpty()) {
            throw new AssertionError("delegate was never called");
        }
        return calls.get(calls.size() - 1).get(variable);
    }
}
