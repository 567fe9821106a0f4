package dev.fapiaoflow.modeling.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Which elements (by id) a version added, removed or changed against another: an element changed when its own
 * attributes or its content other than child elements with ids of their own differ (those are compared by themselves).
 * Diagram layout (BPMN DI / DMN DI) is left out: moving a shape changes nothing that runs.
 */
@Component
class ModelDiff {

    public record Changes(List<String> added, List<String> removed, List<String> changed) {
        public boolean none() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    Changes between(byte[] before, byte[] after) {
        Map<String, String> old = signatures(before);
        Map<String, String> now = signatures(after);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        now.forEach((id, signature) -> {
            if (!old.containsKey(id)) {
                added.add(id);
            } else if (!old.get(id).equals(signature)) {
                changed.add(id);
            }
        });
        List<String> removed = old.keySet().stream().filter(id -> !now.containsKey(id)).toList();
        return new Changes(added, removed, changed);
    }

    private static Map<String, String> signatures(byte[] content) {
        Document model = Xml.parse(content);
        Map<String, String> signatures = new LinkedHashMap<>();
        for (Element element : Xml.elements(model)) {
            if (element.hasAttribute("id") && !isDiagram(element) && element != model.getDocumentElement()) {
                Element copy = (Element) element.cloneNode(true);
                stripIdentifiedChildren(copy);
                signatures.put(element.getAttribute("id"), Xml.write(copy).replaceAll("\\s+", " "));
            }
        }
        return signatures;
    }

    private static void stripIdentifiedChildren(Element element) {
        Node child = element.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child instanceof Element e) {
                if (e.hasAttribute("id") || isDiagram(e)) {
                    element.removeChild(e);
                } else {
                    stripIdentifiedChildren(e);
                }
            }
            child = next;
        }
    }

    private static boolean isDiagram(Element element) {
        String namespace = element.getNamespaceURI();
        return namespace != null && (namespace.contains("/DI") || namespace.contains("DMNDI") || namespace.endsWith("/DC/"));
    }
}
