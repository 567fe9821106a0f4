package dev.fapiaoflow.modeling.internal;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import dev.fapiaoflow.shared.upload.SafeXml;

/** Namespace-aware DOM with external entities and DTDs refused ({@link SafeXml}): models come from uploads. */
final class Xml {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final String FLOWABLE = "http://flowable.org/bpmn";
    static final String ACTIVITI = "http://activiti.org/bpmn";

    private Xml() {
    }

    static Document parse(byte[] content) {
        try {
            return SafeXml.documentBuilderFactory().newDocumentBuilder().parse(new ByteArrayInputStream(content));
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    static String write(Node node) {
        try {
            var transformer = SafeXml.transformerFactory().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, node instanceof Document ? "no" : "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** every element of the document, in document order */
    static List<Element> elements(Document document) {
        List<Element> all = new ArrayList<>();
        collect(document.getDocumentElement(), all);
        return all;
    }

    private static void collect(Element element, List<Element> all) {
        all.add(element);
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                collect(child, all);
            }
        }
    }

    /** the id of the element or of its nearest ancestor that has one (listeners and fields belong to their task) */
    static String owningId(Element element) {
        for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
            if (current.hasAttribute("id")) {
                return current.getAttribute("id");
            }
        }
        return null;
    }

    static String attribute(Element element, String namespace, String name) {
        return element.hasAttributeNS(namespace, name) ? element.getAttributeNS(namespace, name) : null;
    }
}
