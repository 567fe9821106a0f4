package dev.fapiaoflow.modeling.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
 * Translates a BPMN modeled in Flowable (or Activiti) to a Camunda 7 process that runs: the {@code flowable:} and
 * {@code activiti:} attributes and extension elements that have a Camunda counterpart are rewritten to {@code camunda:},
 * the processes become executable (both engines run a process without {@code isExecutable}, Camunda skips it), form
 * properties become Camunda form fields, {@code $INITIATOR} becomes the initiator variable, and what Camunda cannot
 * run (mail and HTTP tasks, Flowable form keys, event listeners) is replaced or dropped. Every change and every drop is
 * a {@link Note} naming its element, so the owner sees what to check before deploying.
 */
@Component
class FlowableImport {

    /**
     * A change made on the way.
     *
     * @param action {@code CHANGED} (translated to its Camunda counterpart), {@code ADDED} (Camunda needs it, the source
     *               had it implicitly), {@code REPLACED} (an element Camunda cannot run, replaced by a placeholder) or
     *               {@code DROPPED} (no Camunda counterpart; gone)
     */
    public record Note(String elementId, String what, String message, String action) {
    }

    public record Translation(String resourceName, String processKey, String content, List<Note> notes) {
    }

    /** Flowable attribute → Camunda attribute, the same meaning */
    private static final Map<String, String> ATTRIBUTES = Map.ofEntries(
            Map.entry("class", "class"), Map.entry("expression", "expression"),
            Map.entry("delegateExpression", "delegateExpression"), Map.entry("resultVariableName", "resultVariable"),
            Map.entry("resultVariable", "resultVariable"), Map.entry("assignee", "assignee"),
            Map.entry("candidateUsers", "candidateUsers"), Map.entry("candidateGroups", "candidateGroups"),
            Map.entry("async", "asyncBefore"), Map.entry("asyncBefore", "asyncBefore"),
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
            "in", "in", "out", "out", "failedJobRetryTimeCycle", "failedJobRetryTimeCycle");
    private static final Set<String> LISTENER_EVENTS = Set.of("start", "end", "take", "create", "assignment", "complete", "delete",
            "update", "timeout");
    /** the form field types Camunda 7's generated forms know (org.camunda.bpm.engine.impl.form.type) */
    private static final Set<String> FORM_FIELD_TYPES = Set.of("string", "long", "boolean", "date", "enum");
    private static final String FLOWABLE_MODELER = "http://flowable.org/modeler";
    private static final String INITIATOR_PLACEHOLDER = "$INITIATOR";
    private static final String SANDBOX_REFUSES_SCRIPTS = "; FapiaoFlow's model sandbox refuses scripts at deploy, so replace it "
            + "with a delegate expression or a Java delegate before deploying";

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
                notes.add(new Note(id, "id", "the " + element.getLocalName() + " had no id; it is now " + id, "ADDED"));
            }
        }
        List<Element> processes = bpmn(model, "process");
        if (processes.isEmpty()) {
            throw new InvalidInputException("file", Texts.of("modeling.import.noProcess"));
        }
        for (Element process : processes) {
            makeExecutable(process, notes);
            replaceInitiatorPlaceholder(process, notes);
        }
        for (Element element : Xml.elements(model)) {
            if (Xml.BPMN.equals(element.getNamespaceURI()) && ("serviceTask".equals(element.getLocalName())
                    || "sendTask".equals(element.getLocalName())) && flowableAttribute(element, "type") != null) {
                replaceConnectorTask(element, notes);
            }
        }
        for (Element element : Xml.elements(model)) {
            if (element.getParentNode() != null && isFlowable(element.getNamespaceURI())
                    && ("executionListener".equals(element.getLocalName()) || "taskListener".equals(element.getLocalName()))
                    && isScriptListener(element)) {
                translateScriptListener(element, notes);
            }
        }
        for (Element element : Xml.elements(model)) {
            if (Xml.BPMN.equals(element.getNamespaceURI()) && "scriptTask".equals(element.getLocalName())) {
                notes.add(new Note(element.getAttribute("id"), "scriptTask", "a " + element.getAttribute("scriptFormat")
                        + " script task runs as it is on Camunda 7" + SANDBOX_REFUSES_SCRIPTS, "CHANGED"));
            }
        }
        for (Element element : Xml.elements(model)) {
            if (Xml.BPMN.equals(element.getNamespaceURI()) && "extensionElements".equals(element.getLocalName())) {
                translateFormProperties(element, notes);
            }
        }
        for (Element element : Xml.elements(model)) {
            translateAttributes(element, notes);
        }
        for (Element element : Xml.elements(model)) {
            if ((isFlowable(element.getNamespaceURI()) || FLOWABLE_MODELER.equals(element.getNamespaceURI()))
                    && element.getParentNode() != null && !(element.getParentNode() instanceof Document)) {
                translateElement(model, element, notes);
            }
        }
        removeEmptyExtensionElements(model);
        if (Xml.elements(model).stream().noneMatch(e -> "BPMNShape".equals(e.getLocalName()))) {
            notes.add(new Note(null, "bpmndi:BPMNDiagram", "the file has no diagram; the editor lays one out automatically "
                    + "and the deployment from the editor keeps it", "ADDED"));
        }
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:camunda", Xml.CAMUNDA);
        for (String prefix : List.of("flowable", "activiti", "modeler")) {
            root.removeAttributeNS("http://www.w3.org/2000/xmlns/", prefix);
        }
        String processKey = processes.stream().filter(p -> "true".equals(p.getAttribute("isExecutable")))
                .map(p -> p.getAttribute("id")).findFirst().orElse(processes.get(0).getAttribute("id"));
        String content = Xml.write(model);
        return new Translation("bpmn/" + safeName(processKey) + ".bpmn", processKey, content, notes);
    }

    Translation translate(String fileName, String text) {
        return translate(fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Flowable and Activiti run a process without isExecutable; Camunda 7 skips it and deploys nothing */
    private static void makeExecutable(Element process, List<Note> notes) {
        if (!process.hasAttribute("isExecutable")) {
            process.setAttribute("isExecutable", "true");
            notes.add(new Note(process.getAttribute("id"), "isExecutable", "isExecutable=\"true\" set: Flowable and Activiti "
                    + "run a process that does not say, Camunda 7 would skip it", "ADDED"));
        } else if ("false".equals(process.getAttribute("isExecutable"))) {
            notes.add(new Note(process.getAttribute("id"), "isExecutable", "left non-executable as modeled (isExecutable=\"false\"); "
                    + "Camunda 7 will not run it", "CHANGED"));
        }
    }

    /**
     * {@code $INITIATOR} (Flowable Modeler's "assigned to the process initiator") names the variable the start event's
     * {@code initiator} attribute fills; Camunda has no placeholder, so the expression reads that variable.
     */
    private static void replaceInitiatorPlaceholder(Element process, List<Note> notes) {
        List<Attr> placeholders = new ArrayList<>();
        for (Element element : descendants(process)) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                if (isFlowable(attribute.getNamespaceURI()) && attribute.getValue().contains(INITIATOR_PLACEHOLDER)) {
                    placeholders.add(attribute);
                }
            }
        }
        if (placeholders.isEmpty()) {
            return;
        }
        String variable = null;
        Element start = null;
        for (Element child : children(process)) {
            if (Xml.BPMN.equals(child.getNamespaceURI()) && "startEvent".equals(child.getLocalName())) {
                start = start == null ? child : start;
                String initiator = flowableAttribute(child, "initiator");
                if (initiator != null && !initiator.isBlank() && variable == null) {
                    variable = initiator;
                }
            }
        }
        if (variable == null) {
            variable = "initiator";
            if (start != null) {
                start.setAttributeNS(Xml.CAMUNDA, "camunda:initiator", variable);
                notes.add(new Note(start.getAttribute("id"), "camunda:initiator", "camunda:initiator=\"initiator\" set, so that "
                        + "$INITIATOR has a variable to read", "ADDED"));
            }
        }
        for (Attr attribute : placeholders) {
            String before = attribute.getValue();
            attribute.setValue(before.replace(INITIATOR_PLACEHOLDER, "${" + variable + "}"));
            notes.add(new Note(Xml.owningId(attribute.getOwnerElement()), prefix(attribute) + attribute.getLocalName(),
                    INITIATOR_PLACEHOLDER + " → ${" + variable + "} (the variable the start event's initiator fills)", "CHANGED"));
        }
    }

    /**
     * Mail, HTTP, shell, Camel and Mule tasks are built into Flowable only: the task becomes a plain task (Camunda passes
     * through it) named as unsupported, and its fields go into its documentation and the notes rather than vanish.
     */
    private static void replaceConnectorTask(Element task, List<Note> notes) {
        String type = flowableAttribute(task, "type");
        String id = task.getAttribute("id");
        Document model = task.getOwnerDocument();
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element field : descendants(task)) {
            if (isFlowable(field.getNamespaceURI()) && "field".equals(field.getLocalName())) {
                fields.put(field.getAttribute("name"), fieldValue(field));
            }
        }
        String name = task.getAttribute("name");
        Element replacement = model.createElementNS(Xml.BPMN, qualified(task, "task"));
        replacement.setAttribute("id", id);
        replacement.setAttribute("name", "[unsupported " + type + " task] " + (name.isBlank() ? id : name));
        for (Element child : children(task)) {
            if (Xml.BPMN.equals(child.getNamespaceURI()) && Set.of("documentation", "incoming", "outgoing").contains(child.getLocalName())) {
                replacement.appendChild(child);
            }
        }
        String fieldText = fields.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("\n"));
        Element documentation = model.createElementNS(Xml.BPMN, qualified(task, "documentation"));
        documentation.setTextContent("Imported from a Flowable " + type + " task, which Camunda 7 has not built in; "
                + "it does nothing now. Its fields were:\n" + fieldText);
        replacement.insertBefore(documentation, replacement.getFirstChild());
        task.getParentNode().replaceChild(replacement, task);
        notes.add(new Note(id, prefixOf(task, "type") + "type", "a " + type + " task has no Camunda 7 counterpart: replaced by a "
                + "task that does nothing, named \"" + replacement.getAttribute("name") + "\"; implement it with a delegate", "REPLACED"));
        fields.forEach((field, value) -> notes.add(new Note(id, "field " + field, "dropped with the " + type + " task (kept in its "
                + "documentation): " + field + " = " + value, "DROPPED")));
        NamedNodeMap attributes = task.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (isFlowable(attribute.getNamespaceURI()) && !"type".equals(attribute.getLocalName())) {
                String source = prefix(attribute) + attribute.getLocalName();
                notes.add(new Note(id, source, "dropped with the " + type + " task: " + source + "=\"" + attribute.getValue() + "\"",
                        "DROPPED"));
            }
        }
    }

    private static boolean isScriptListener(Element listener) {
        if ("script".equals(listener.getAttribute("type"))) {
            return true;
        }
        String className = listener.getAttribute("class");
        return className.endsWith(".ScriptExecutionListener") || className.endsWith(".ScriptTaskListener");
    }

    /** a script listener, either as {@code type="script"} with a script element or as the Script*Listener class with fields */
    private static void translateScriptListener(Element listener, List<Note> notes) {
        String id = Xml.owningId(listener);
        String language = null;
        String script = null;
        String resultVariable = null;
        for (Element child : children(listener)) {
            if (!isFlowable(child.getNamespaceURI())) {
                continue;
            }
            if ("script".equals(child.getLocalName())) {
                language = child.hasAttribute("language") ? child.getAttribute("language") : child.getAttribute("scriptFormat");
                script = child.getTextContent();
                resultVariable = child.hasAttribute("resultVariable") ? child.getAttribute("resultVariable") : null;
            } else if ("field".equals(child.getLocalName())) {
                switch (child.getAttribute("name")) {
                    case "script" -> script = fieldValue(child);
                    case "language" -> language = fieldValue(child);
                    case "resultVariable" -> resultVariable = fieldValue(child);
                    default -> { }
                }
            }
        }
        Document model = listener.getOwnerDocument();
        Element replacement = model.createElementNS(Xml.CAMUNDA, "camunda:" + listener.getLocalName());
        if (listener.hasAttribute("event")) {
            replacement.setAttribute("event", listener.getAttribute("event"));
        }
        Element camundaScript = model.createElementNS(Xml.CAMUNDA, "camunda:script");
        camundaScript.setAttribute("scriptFormat", language == null || language.isBlank() ? "groovy" : language);
        camundaScript.setTextContent(script == null ? "" : script);
        replacement.appendChild(camundaScript);
        listener.getParentNode().replaceChild(replacement, listener);
        notes.add(new Note(id, prefix(listener) + listener.getLocalName(), "script listener (" + camundaScript.getAttribute("scriptFormat")
                + ") → " + replacement.getTagName() + " with camunda:script" + SANDBOX_REFUSES_SCRIPTS, "CHANGED"));
        if (resultVariable != null && !resultVariable.isBlank()) {
            notes.add(new Note(id, "resultVariable", "the script's result variable " + resultVariable + " is dropped: a Camunda "
                    + "listener script keeps no result", "DROPPED"));
        }
    }

    /**
     * Form properties → {@code camunda:formData}, which Tasklist renders as a generated form (Camunda's own form properties
     * are deprecated and show only a generic form).
     */
    private static void translateFormProperties(Element extensions, List<Note> notes) {
        List<Element> properties = children(extensions).stream()
                .filter(e -> isFlowable(e.getNamespaceURI()) && "formProperty".equals(e.getLocalName())).toList();
        if (properties.isEmpty()) {
            return;
        }
        String id = Xml.owningId(extensions);
        Document model = extensions.getOwnerDocument();
        Element formData = model.createElementNS(Xml.CAMUNDA, "camunda:formData");
        extensions.insertBefore(formData, properties.get(0));
        for (Element property : properties) {
            extensions.removeChild(property);
            String propertyId = property.getAttribute("id");
            if ("false".equals(property.getAttribute("readable"))) {
                notes.add(new Note(id, "formProperty " + propertyId, "not readable, so not shown: no form field", "DROPPED"));
                continue;
            }
            String variable = property.hasAttribute("variable") ? property.getAttribute("variable") : propertyId;
            Element field = model.createElementNS(Xml.CAMUNDA, "camunda:formField");
            field.setAttribute("id", variable);
            field.setAttribute("label", property.hasAttribute("name") ? property.getAttribute("name") : propertyId);
            String type = property.hasAttribute("type") ? property.getAttribute("type") : "string";
            if (!FORM_FIELD_TYPES.contains(type)) {
                notes.add(new Note(id, "formProperty " + propertyId, "type " + type + " has no Camunda 7 form field type: string", "CHANGED"));
                type = "string";
            }
            field.setAttribute("type", type);
            if (property.hasAttribute("datePattern") && "date".equals(type)) {
                field.setAttribute("datePattern", property.getAttribute("datePattern"));
            }
            if (property.hasAttribute("default")) {
                field.setAttribute("defaultValue", property.getAttribute("default"));
            }
            List<String> constraints = new ArrayList<>();
            if ("true".equals(property.getAttribute("required"))) {
                constraints.add("required");
            }
            if ("false".equals(property.getAttribute("writable"))) {
                constraints.add("readonly");
            }
            if (!constraints.isEmpty()) {
                Element validation = model.createElementNS(Xml.CAMUNDA, "camunda:validation");
                for (String constraint : constraints) {
                    Element element = model.createElementNS(Xml.CAMUNDA, "camunda:constraint");
                    element.setAttribute("name", constraint);
                    validation.appendChild(element);
                }
                field.appendChild(validation);
            }
            for (Element value : children(property)) {
                if (isFlowable(value.getNamespaceURI()) && "value".equals(value.getLocalName())) {
                    Element camundaValue = model.createElementNS(Xml.CAMUNDA, "camunda:value");
                    camundaValue.setAttribute("id", value.getAttribute("id"));
                    camundaValue.setAttribute("name", value.hasAttribute("name") ? value.getAttribute("name") : value.getAttribute("id"));
                    field.appendChild(camundaValue);
                }
            }
            formData.appendChild(field);
            notes.add(new Note(id, "formProperty " + propertyId, "→ camunda:formField " + variable + " (" + type
                    + (constraints.isEmpty() ? "" : ", " + String.join(", ", constraints)) + "), shown in Tasklist's generated form",
                    "CHANGED"));
            if (property.hasAttribute("expression")) {
                notes.add(new Note(id, "formProperty " + propertyId, "expression " + property.getAttribute("expression")
                        + " dropped: a Camunda form field reads and writes its variable", "DROPPED"));
            }
        }
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
            String source = prefix(attribute) + name;
            element.removeAttributeNode(attribute);
            String id = Xml.owningId(element);
            if (isFlowable(element.getNamespaceURI())) {
                continue; // attributes of flowable: elements are plain (no namespace); nothing to do
            }
            String camunda = ATTRIBUTES.get(name);
            if (camunda != null) {
                element.setAttributeNS(Xml.CAMUNDA, "camunda:" + camunda, value);
                notes.add(new Note(id, source, source + " → camunda:" + camunda + "=\"" + value + "\"", "CHANGED"));
            } else if ("inheritVariables".equals(name) && "true".equals(value)) {
                addExtension(element, "in").setAttribute("variables", "all");
                notes.add(new Note(id, source, source + " → <camunda:in variables=\"all\">", "CHANGED"));
            } else if ("inheritBusinessKey".equals(name) && "true".equals(value)) {
                addExtension(element, "in").setAttribute("businessKey", "#{execution.processBusinessKey}");
                notes.add(new Note(id, source, source + " → <camunda:in businessKey=\"#{execution.processBusinessKey}\">", "CHANGED"));
            } else if ("sameDeployment".equals(name) && "true".equals(value)) {
                element.setAttributeNS(Xml.CAMUNDA, "camunda:calledElementBinding", "deployment");
                notes.add(new Note(id, source, source + " → camunda:calledElementBinding=\"deployment\"", "CHANGED"));
            } else if ("formKey".equals(name)) {
                notes.add(new Note(id, source, "form key " + value + " names a Flowable form, which Camunda 7 cannot show: dropped; "
                        + "build the form as a Camunda Form and refer to it with camunda:formRef", "DROPPED"));
            } else {
                notes.add(new Note(id, source, "not translated (no Camunda 7 counterpart): " + source + "=\"" + value + "\"", "DROPPED"));
            }
        }
    }

    private void translateElement(Document model, Element element, List<Note> notes) {
        String name = element.getLocalName();
        String id = Xml.owningId(element);
        String camunda = isFlowable(element.getNamespaceURI()) ? ELEMENTS.get(name) : null;
        Node parent = element.getParentNode();
        String source = prefix(element) + name;
        boolean insideTranslatable = parent instanceof Element p && (Xml.CAMUNDA.equals(p.getNamespaceURI())
                || "extensionElements".equals(p.getLocalName()) || isFlowable(p.getNamespaceURI()));
        if (camunda == null || !insideTranslatable) {
            parent.removeChild(element);
            notes.add(new Note(id, source, "not translated (no Camunda 7 counterpart): <" + source + ">", "DROPPED"));
            return;
        }
        if (("executionListener".equals(name) || "taskListener".equals(name)) && element.hasAttribute("event")
                && !LISTENER_EVENTS.contains(element.getAttribute("event"))) {
            notes.add(new Note(id, source, "listener event " + element.getAttribute("event") + " is unknown to Camunda 7", "CHANGED"));
        }
        if (("executionListener".equals(name) || "taskListener".equals(name)) && element.hasAttribute("onTransaction")) {
            element.removeAttribute("onTransaction");
            notes.add(new Note(id, source, "transaction-dependent listener (onTransaction) runs at once in Camunda 7", "CHANGED"));
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
        if (!isFlowable(parent.getNamespaceURI()) && !Xml.CAMUNDA.equals(parent.getNamespaceURI())) {
            notes.add(new Note(id, source, "<" + source + "> → <camunda:" + camunda + ">", "CHANGED"));
        }
        // children were moved; translate the flowable ones among them (field → string/expression)
        for (Element child : children(replacement)) {
            if (isFlowable(child.getNamespaceURI()) || FLOWABLE_MODELER.equals(child.getNamespaceURI())) {
                translateElement(model, child, notes);
            }
        }
    }

    private static void removeEmptyExtensionElements(Document model) {
        for (Element element : Xml.elements(model)) {
            if (Xml.BPMN.equals(element.getNamespaceURI()) && "extensionElements".equals(element.getLocalName())
                    && children(element).isEmpty()) {
                element.getParentNode().removeChild(element);
            }
        }
    }

    private static Element addExtension(Element element, String name) {
        Document model = element.getOwnerDocument();
        Element extensions = null;
        for (Element child : children(element)) {
            if ("extensionElements".equals(child.getLocalName())) {
                extensions = child;
            }
        }
        if (extensions == null) {
            extensions = model.createElementNS(Xml.BPMN, qualified(element, "extensionElements"));
            element.insertBefore(extensions, element.getFirstChild());
        }
        Element added = model.createElementNS(Xml.CAMUNDA, "camunda:" + name);
        extensions.appendChild(added);
        return added;
    }

    /** a field's value, whichever way it is written: stringValue, expression, or a string/expression child */
    private static String fieldValue(Element field) {
        if (field.hasAttribute("stringValue")) {
            return field.getAttribute("stringValue");
        }
        if (field.hasAttribute("expression")) {
            return field.getAttribute("expression");
        }
        return field.getTextContent().strip();
    }

    private static String flowableAttribute(Element element, String name) {
        for (String namespace : List.of(Xml.FLOWABLE, Xml.ACTIVITI)) {
            if (element.hasAttributeNS(namespace, name)) {
                return element.getAttributeNS(namespace, name);
            }
        }
        return null;
    }

    private static String prefixOf(Element element, String attribute) {
        return element.hasAttributeNS(Xml.ACTIVITI, attribute) ? "activiti:" : "flowable:";
    }

    private static String prefix(Node node) {
        if (Xml.ACTIVITI.equals(node.getNamespaceURI())) {
            return "activiti:";
        }
        return FLOWABLE_MODELER.equals(node.getNamespaceURI()) ? "modeler:" : "flowable:";
    }

    private static String qualified(Element sibling, String localName) {
        return sibling.getPrefix() == null ? localName : sibling.getPrefix() + ":" + localName;
    }

    private static List<Element> bpmn(Document model, String localName) {
        return Xml.elements(model).stream().filter(e -> Xml.BPMN.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())).toList();
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    private static List<Element> descendants(Element parent) {
        List<Element> all = new ArrayList<>();
        for (Element child : children(parent)) {
            all.add(child);
            all.addAll(descendants(child));
        }
        return all;
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
