package dev.fapiaoflow.modeling.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.Texts;

/**
 * Translates a BPMN modeled in Flowable (or Activiti) to Camunda 7: the {@code flowable:} attributes and extension
 * elements that have a Camunda counterpart are rewritten to {@code camunda:}, everything else is dropped and reported
 * with the element it belonged to, so the owner sees what to redo before deploying.
 */
@Component
class FlowableImport {

    /** what could not be translated (or was changed on the way), by element */
    public record Note(String elementId, String what, String message) {
    }

    public record Translation(String resourceName, String processKey, String content, List<Note> notes) {
    }

    /** Flowable attribute → Camunda attribute, the same meaning */
    private static final Map<String, String> ATTRIBUTES = Map.ofEntries(
            Map.entry("class", "class"), Map.entry("expression", "expression"),
            Map.entry("delegateExpression", "delegateExpression"), Map.entry("resultVariableName", "resultVariable"),
            Map.entry("resultVariable", "resultVariable"), Map.entry("assignee", "assignee"),
            Map.entry("candidateUsers", "candidateUsers"), Map.entry("candidateGroups", "candidateGroups"),
            Map.entry("formKey", "formKey"), Map.entry("async", "asyncBefore"), Map.entry("asyncBefore", "asyncBefore"),
            Map.entry("asyncAfter", "asyncAfter"), Map.entry("exclusive", "exclusive"), Map.entry("dueDate", "dueDate"),
            Map.entry("priority", "priority"), Map.entry("initiator", "initiator"),
            Map.entry("candidateStarterGroups", "candidateStarterGroups"), Map.entry("candidateStarterUsers", "candidateStarterUsers"),
            Map.entry("collection", "collection"), Map.entry("elementVariable", "elementVariable"),
            Map.entry("decisionRef", "decisionRef"), Map.entry("jobPriority", "jobPriority"), Map.entry("versionTag", "versionTag"),
            Map.entry("historyTimeToLive", "historyTimeToLive"), Map.entry("followUpDate", "followUpDate"),
            Map.entry("calledElementBinding", "calledElementBinding"));
    /** Flowable extension element → Camunda extension element; attributes and children carry over */
    private static final Map<String, String> ELEMENTS = Map.of("executionListener", "executionListener",
            "taskListener", "taskListener", "field", "field", "string", "string", "expression", "expression",
            "in", "in", "out", "out", "failedJobRetryTimeCycle", "failedJobRetryTimeCycle", "formProperty", "formProperty",
            "value", "value");
    private static final Set<String> LISTENER_EVENTS = Set.of("start", "end", "take", "create", "assignment", "complete", "delete",
            "update", "timeout");

    Translation translate(String fileName, byte[] upload) {
        Document model;
        try {
            model = Xml.parse(upload);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("file", Texts.of("modeling.import.malformed", e.getMessage()));
        }
        Element root = model.getDocumentElement();
        if (!Xml.BPMN.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
            throw new InvalidInputException("file", Texts.of("modeling.import.notBpmn"));
        }
        List<Note> notes = new ArrayList<>();
        int generated = 0;
        for (Element element : Xml.elements(model)) {
            if (Xml.BPMN.equals(element.getNamespaceURI()) && needsId(element) && !element.hasAttribute("id")) {
                String id = element.getLocalName() + "_" + (++generated);
                element.setAttribute("id", id);
                notes.add(new Note(id, "id", "the " + element.getLocalName() + " had no id; it is now " + id));
            }
        }
        for (Element element : Xml.elements(model)) {
            translateAttributes(element, notes);
        }
        for (Element element : Xml.elements(model)) {
            if (isFlowable(element.getNamespaceURI()) && element.getParentNode() != null) {
                translateElement(model, element, notes);
            }
        }
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:camunda", Xml.CAMUNDA);
        for (String prefix : List.of("flowable", "activiti")) {
            root.removeAttributeNS("http://www.w3.org/2000/xmlns/", prefix);
        }
        String processKey = Xml.elements(model).stream()
                .filter(e -> Xml.BPMN.equals(e.getNamespaceURI()) && "process".equals(e.getLocalName()))
                .map(e -> e.getAttribute("id")).findFirst()
                .orElseThrow(() -> new InvalidInputException("file", Texts.of("modeling.import.noProcess")));
        String content = Xml.write(model);
        return new Translation("bpmn/" + safeName(processKey) + ".bpmn", processKey, content, notes);
    }

    Translation translate(String fileName, String text) {
        return translate(fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    private void translateAttributes(Element element, List<Note> notes) {
        NamedNodeMap attributes = element.getAttributes();
        List<Attr> flowable = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (isFlowable(attribute.getNamespaceURI())) {
                flowable.add(attribute);
            }
        }
        for (Attr attribute : flowable) {
            String name = attribute.getLocalName();
            String value = attribute.getValue();
            element.removeAttributeNode(attribute);
            String id = Xml.owningId(element);
            if (isFlowable(element.getNamespaceURI())) {
                continue; // attributes of flowable: elements are plain (no namespace); nothing to do
            }
            String camunda = ATTRIBUTES.get(name);
            if (camunda != null) {
                element.setAttributeNS(Xml.CAMUNDA, "camunda:" + camunda, value);
            } else if ("inheritVariables".equals(name) && "true".equals(value)) {
                addExtension(element, "in").setAttribute("variables", "all");
            } else if ("inheritBusinessKey".equals(name) && "true".equals(value)) {
                addExtension(element, "in").setAttribute("businessKey", "#{execution.processBusinessKey}");
            } else if ("sameDeployment".equals(name) && "true".equals(value)) {
                element.setAttributeNS(Xml.CAMUNDA, "camunda:calledElementBinding", "deployment");
            } else {
                notes.add(new Note(id, "flowable:" + name, "not translated (no Camunda 7 counterpart): flowable:" + name + "=\"" + value + "\""
                        + ("type".equals(name) ? "; Camunda 7 has no built-in " + value + " task, use a delegate or a connector" : "")));
            }
        }
    }

    private void translateElement(Document model, Element element, List<Note> notes) {
        String name = element.getLocalName();
        String id = Xml.owningId(element);
        String camunda = ELEMENTS.get(name);
        Node parent = element.getParentNode();
        boolean insideTranslatable = parent instanceof Element p && (Xml.CAMUNDA.equals(p.getNamespaceURI())
                || "extensionElements".equals(p.getLocalName()) || isFlowable(p.getNamespaceURI()));
        if (camunda == null || !insideTranslatable) {
            parent.removeChild(element);
            notes.add(new Note(id, "flowable:" + name, "not translated (no Camunda 7 counterpart): <flowable:" + name + ">"));
            return;
        }
        if (("executionListener".equals(name) || "taskListener".equals(name)) && element.hasAttribute("event")
                && !LISTENER_EVENTS.contains(element.getAttribute("event"))) {
            notes.add(new Note(id, "flowable:" + name, "listener event " + element.getAttribute("event") + " is unknown to Camunda 7"));
        }
        if (("executionListener".equals(name) || "taskListener".equals(name)) && element.hasAttribute("onTransaction")) {
            element.removeAttribute("onTransaction");
            notes.add(new Note(id, "flowable:" + name, "transaction-dependent listener (onTransaction) runs at once in Camunda 7"));
        }
        Element replacement = model.createElementNS(Xml.CAMUNDA, "camunda:" + camunda);
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (attribute.getNamespaceURI() == null) {
                replacement.setAttribute(attribute.getName(), attribute.getValue());
            }
        }
        while (element.getFirstChild() != null) {
            replacement.appendChild(element.getFirstChild());
        }
        parent.replaceChild(replacement, element);
        // children were moved; translate the flowable ones among them (field → string/expression)
        NodeList children = replacement.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && isFlowable(child.getNamespaceURI())) {
                translateElement(model, child, notes);
            }
        }
    }

    private static Element addExtension(Element element, String name) {
        Document model = element.getOwnerDocument();
        Element extensions = null;
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && "extensionElements".equals(child.getLocalName())) {
                extensions = child;
            }
        }
        if (extensions == null) {
            extensions = model.createElementNS(Xml.BPMN, element.getPrefix() == null ? "extensionElements"
                    : element.getPrefix() + ":extensionElements");
            element.insertBefore(extensions, element.getFirstChild());
        }
        Element added = model.createElementNS(Xml.CAMUNDA, "camunda:" + name);
        extensions.appendChild(added);
        return added;
    }

    private static boolean needsId(Element element) {
        return switch (element.getLocalName()) {
            case "sequenceFlow", "userTask", "serviceTask", "scriptTask", "sendTask", "receiveTask", "manualTask", "businessRuleTask",
                    "callActivity", "subProcess", "startEvent", "endEvent", "exclusiveGateway", "parallelGateway",
                    "inclusiveGateway", "eventBasedGateway", "intermediateCatchEvent", "intermediateThrowEvent",
                    "boundaryEvent", "task" -> true;
            default -> false;
        };
    }

    private static boolean isFlowable(String namespace) {
        return Xml.FLOWABLE.equals(namespace) || Xml.ACTIVITI.equals(namespace);
    }

    private static String safeName(String processKey) {
        return processKey.replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
