package dev.fapiaoflow.modeling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small models for the modeling tests: keys no other test uses, so deploying them changes nothing elsewhere. */
public final class TestModels {

    private TestModels() {
    }

    /** a process {@code key} start → {@code step} → end, where step is the given element (id "step") */
    public static String process(String key, String step) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             xmlns:activiti="http://activiti.org/bpmn" id="Definitions_%1$s" targetNamespace="https://fapiaoflow.dev/test">
                  <process id="%1$s" isExecutable="true">
                    <startEvent id="start"/>
                    <sequenceFlow id="toStep" sourceRef="start" targetRef="step"/>
                    %2$s
                    <sequenceFlow id="toEnd" sourceRef="step" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """.formatted(key, step).strip();
    }

    /** a decision table {@code key}: limit (yuan) by invoice type */
    public static String limitTable(String key, String normalLimit) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_%1$s" name="%1$s"
                             namespace="https://fapiaoflow.dev/test">
                  <decision id="%1$s" name="%1$s">
                    <decisionTable id="Table_%1$s" hitPolicy="FIRST">
                      <input id="InputType"><inputExpression id="InputTypeExpression" typeRef="string"><text>invoiceType</text></inputExpression></input>
                      <output id="OutputLimit" name="limit" typeRef="double"/>
                      <rule id="NormalLimit">
                        <inputEntry id="NormalLimitType"><text>"NORMAL"</text></inputEntry>
                        <outputEntry id="NormalLimitValue"><text>%2$s</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(key, normalLimit).strip();
    }

    public static String file(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
