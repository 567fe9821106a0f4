package dev.fapiaoflow.modeling.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Text;

import dev.fapiaoflow.modeling.ModelProblem;
import dev.fapiaoflow.shared.Texts;

/**
 * The sandbox's look at a model before the engine parses it: every expression, class, script and DMN expression
 * language, each problem named with the element it belongs to. What it cannot see (a member named by a variable) the
 * restricted resolver refuses when the expression runs.
 */
final class SandboxInspection {

    static final String EXPRESSION_REFUSED = "EXPRESSION_REFUSED";
    static final String CLASS_REFUSED = "CLASS_REFUSED";
    static final String SCRIPT_REFUSED = "SCRIPT_REFUSED";
    static final String LANGUAGE_REFUSED = "LANGUAGE_REFUSED";
    static final String RESOURCE_REFUSED = "RESOURCE_REFUSED";

    /** texts that are prose, not expressions */
    private static final Set<String> PROSE = Set.of("documentation", "text", "description");
    private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/feel/20140401", "https://www.omg.org/spec/dmn/20191111/feel/",
            "http://www.omg.org/spec/dmn/20180521/feel/", "https://www.omg.org/spec/dmn/20211108/feel/",
            "https://www.omg.org/spec/dmn/20230324/feel/");
    private static final Pattern FEEL_EXTERNAL_FUNCTION = Pattern.compile("\\bexternal\\s*\\{");

    private final ModelSandbox sandbox;
    private final List<ModelProblem> problems = new ArrayList<>();

    private SandboxInspection(ModelSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** the problems of one deployed resource; resources other than models (forms, scripts' files) pass */
    static List<ModelProblem> of(ModelSandbox sandbox, String resourceName, byte[] content) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        SandboxInspection inspection = new SandboxInspection(sandbox);
        if (name.endsWith(".cmmn") || name.endsWith(".cmmn10.xml") || name.endsWith(".cmmn11.xml")) {
            inspection.refuse(null, RESOURCE_REFUSED, Texts.of("modeling.check.cmmnRefused", resourceName));
        } else if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
            inspection.read(content).ifPresent(inspection::bpmn);
        } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
            inspection.read(content).ifPresent(inspection::dmn);
        }
        return List.copyOf(inspection.problems);
    }

    private Optional<Document> read(byte[] content) {
        try {
            return Optional.of(Xml.parse(content));
        } catch (IllegalArgumentException e) {
            refuse(null, RESOURCE_REFUSED, Texts.of("modeling.check.unsafeXml", e.getMessage()));
            return Optional.empty();
        }
    }

    private void bpmn(Document model) {
        for (Element element : Xml.elements(model)) {
            String id = Xml.owningId(element);
            String local = element.getLocalName();
            boolean camundaElement = camundaOrActiviti(element.getNamespaceURI());
            if (Xml.BPMN.equals(element.getNamespaceURI()) && "scriptTask".equals(local)) {
                script(id, element.getAttribute("scriptFormat"), Texts.of("modeling.check.script.task"));
            }
            if (camundaElement && "script".equals(local)) {
                script(id, element.getAttribute("scriptFormat"), Texts.of("modeling.check.script.other"));
            }
            if (element.hasAttribute("language") && !camundaElement) {
                script(id, element.getAttribute("language"), Texts.of("modeling.check.script.condition"));
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
                boolean extension = camundaOrActiviti(attribute.getNamespaceURI()) || camundaElement && attribute.getNamespaceURI() == null;
                if (extension && (name.equals("class") || name.endsWith("Class")) && !attribute.getValue().isBlank()
                        && !sandbox.allowsClass(attribute.getValue())) {
                    refuse(id, CLASS_REFUSED, Texts.of("modeling.check.classRefused", attribute.getValue().trim(),
                            sandbox.settings().classPackages()));
                }
                if (!name.equals("id") && !name.equals("name")) {
                    expressions(id, attribute.getValue());
                }
            }
            if (!PROSE.contains(local) && !"script".equals(local)) {
                expressions(id, ownText(element));
            }
        }
    }

    private void dmn(Document model) {
        for (Element element : Xml.elements(model)) {
            String id = Xml.owningId(element);
            if (element.hasAttribute("expressionLanguage")) {
                String language = element.getAttribute("expressionLanguage").trim();
                if (!FEEL.contains(language.toLowerCase(Locale.ROOT))) {
                    refuse(id, LANGUAGE_REFUSED, Texts.of("modeling.check.expressionLanguage", language));
                }
            }
            if (!PROSE.contains(element.getLocalName()) || "text".equals(element.getLocalName())) {
                String text = ownText(element);
                if (FEEL_EXTERNAL_FUNCTION.matcher(text).find()) {
                    refuse(id, LANGUAGE_REFUSED, Texts.of("modeling.check.feelExternal"));
                }
            }
        }
    }

    private void script(String id, String format, String what) {
        if (!sandbox.allowsScriptFormat(format)) {
            refuse(id, SCRIPT_REFUSED, Texts.of("modeling.check.scriptRefused", what,
                    format == null || format.isBlank() ? Texts.of("modeling.check.script.noFormat") : format,
                    sandbox.settings().scriptFormats().isEmpty() ? Texts.of("modeling.check.script.noneAllowed")
                            : sandbox.settings().scriptFormats()));
        }
    }

    /** the JUEL expressions in a text ({@code ${…}} or {@code #{…}}, possibly among literal text) */
    private void expressions(String id, String text) {
        if (text == null || !(text.contains("${") || text.contains("#{"))) {
            return;
        }
        Node root;
        try {
            root = new Builder(Builder.Feature.METHOD_INVOCATIONS).build(text).getRoot();
        } catch (RuntimeException e) {
            refuse(id, EXPRESSION_REFUSED, Texts.of("modeling.check.expressionUnreadable", text, e.getMessage()));
            return;
        }
        walk(id, text, root);
    }

    private void walk(String id, String text, Node node) {
        if (node instanceof AstIdentifier identifier) {
            String name = identifier.getName();
            if (!ModelSandbox.ENGINE_NAMES.contains(name) && sandbox.isBean(name) && !sandbox.allowsBean(name)) {
                refuse(id, EXPRESSION_REFUSED, Texts.of("modeling.check.beanRefused", text, name));
            }
        } else if (node instanceof AstDot || node instanceof AstBracket) {
            member(node).ifPresent(member -> {
                Node prefix = node.getChild(0);
                if (ModelSandbox.DENIED_MEMBERS.contains(member)) {
                    refuse(id, EXPRESSION_REFUSED, Texts.of("modeling.check.memberDenied", text, member));
                } else if (prefix instanceof AstIdentifier root && ModelSandbox.ENGINE_OBJECTS.containsKey(root.getName())
                        && !ModelSandbox.engineMember(ModelSandbox.ENGINE_OBJECTS.get(root.getName()), member)) {
                    refuse(id, EXPRESSION_REFUSED, Texts.of("modeling.check.engineMember", text, root.getName() + "." + member));
                }
            });
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            walk(id, text, node.getChild(i));
        }
    }

    /** the member a dot or a bracket with a literal names */
    private static java.util.Optional<String> member(Node node) {
        if (node instanceof AstDot dot) {
            return Optional.of(dot.toString().substring(2));
        }
        if (node.getChild(1) instanceof AstString literal) {
            return Optional.of(String.valueOf(literal.eval(null, null)));
        }
        return Optional.empty();
    }

    /** Camunda's extensions, or Activiti's (which Camunda still reads) */
    private static boolean camundaOrActiviti(String namespace) {
        return Xml.CAMUNDA.equals(namespace) || Xml.ACTIVITI.equals(namespace);
    }

    private static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Text t) {
                text.append(t.getData());
            }
        }
        return text.toString();
    }

    private void refuse(String elementId, String kind, String message) {
        problems.add(new ModelProblem(elementId, kind, message));
    }
}
