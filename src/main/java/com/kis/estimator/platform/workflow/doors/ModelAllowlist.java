package com.kis.estimator.platform.workflow.doors;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a deployed model may contain. BPMN and DMN are data that analysts deploy, but Camunda evaluates their
 * expressions and runs their scripts inside the server with its full rights, so a model is refused when it holds:
 * <ul>
 * <li>scripts of any kind: script tasks, {@code camunda:script} in listeners and input/output mappings, conditions
 * in a script language, external script resources;</li>
 * <li>an expression that is not a plain variable reference, a comparison of such, or a call on a bean the
 * application offers to models ({@link com.kis.estimator.platform.workflow.ProcessApi}) — in particular no method
 * call or property chain on {@code execution}, {@code task} or any variable;</li>
 * <li>a Java class outside the application ({@code camunda:class}), connectors, external tasks, embedded HTML
 * forms ({@code camunda:formKey}; forms are Camunda Forms linked with {@code camunda:formRef});</li>
 * <li>DMN in another expression language than FEEL;</li>
 * <li>a resource other than BPMN, DMN, a Camunda Form or a diagram image.</li>
 * </ul>
 */
final class ModelAllowlist {

    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final Set<String> SCRIPT_ELEMENTS = Set.of("scriptTask", "script");
    private static final Set<String> REFUSED_CAMUNDA_ATTRIBUTES = Set.of("resource", "formKey", "type",
            "variableMappingClass", "scriptFormat");
    private static final Set<String> CLASS_ATTRIBUTES = Set.of("class");

    /** A part of a model that is not allowed, named by its element's id (or tag) and line-free path. */
    record Refusal(String resource, String element, String reason) {

        @Override
        public String toString() {
            return resource + ", " + element + ": " + reason;
        }
    }

    private final Set<String> beans;
    private final String applicationPackage;

    ModelAllowlist(Set<String> beans, String applicationPackage) {
        this.beans = Set.copyOf(beans);
        this.applicationPackage = applicationPackage;
    }

    List<Refusal> check(String resourceName, byte[] content) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".form") || name.endsWith(".png") || name.endsWith(".svg")) {
            // Camunda Forms are evaluated in the approver's browser by form-js, not in the server.
            return List.of();
        }
        boolean bpmn = name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
        boolean dmn = name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
        if (!bpmn && !dmn) {
            return List.of(new Refusal(resourceName, "(resource)",
                    "only BPMN, DMN, Camunda Forms (.form) and diagram images can be deployed"));
        }
        Element root;
        try {
            root = parse(content).getDocumentElement();
        } catch (Exception unreadable) {
            // Camunda's own parser reports the details with line numbers; nothing here can run anyway.
            return List.of();
        }
        List<Refusal> refusals = new ArrayList<>();
        walk(resourceName, root, dmn, refusals);
        return refusals;
    }

    private void walk(String resource, Element element, boolean dmn, List<Refusal> refusals) {
        String where = describe(element);
        String tag = element.getLocalName();
        if (SCRIPT_ELEMENTS.contains(tag)) {
            refusals.add(new Refusal(resource, where, "scripts are not allowed in deployed models"));
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            checkAttribute(resource, where, element, attribute, dmn, refusals);
        }
        if (CAMUNDA_NS.equals(element.getNamespaceURI()) && "connector".equals(tag)) {
            refusals.add(new Refusal(resource, where, "connectors are not allowed in deployed models"));
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                walk(resource, nested, dmn, refusals);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                checkExpressions(resource, where, child.getNodeValue(), refusals);
            }
        }
    }

    private void checkAttribute(String resource, String where, Element element, Attr attribute, boolean dmn,
            List<Refusal> refusals) {
        String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        String value = attribute.getValue();
        if ("xmlns".equals(attribute.getPrefix()) || "xmlns".equals(attribute.getName())) {
            return;
        }
        if (CAMUNDA_NS.equals(attribute.getNamespaceURI())) {
            if (REFUSED_CAMUNDA_ATTRIBUTES.contains(name)) {
                refusals.add(new Refusal(resource, where, "camunda:" + name + " is not allowed in deployed models"
                        + ("formKey".equals(name) ? " (link a Camunda Form with camunda:formRef)" : "")));
                return;
            }
            if (CLASS_ATTRIBUTES.contains(name) && !value.startsWith(applicationPackage)) {
                refusals.add(new Refusal(resource, where, "camunda:class may name only the application's own classes, not "
                        + value));
                return;
            }
        }
        if ("language".equals(name) && attribute.getNamespaceURI() == null
                && "conditionExpression".equals(element.getLocalName())) {
            refusals.add(new Refusal(resource, where, "conditions in a script language are not allowed"));
            return;
        }
        if (dmn && "expressionLanguage".equals(name) && !value.toLowerCase(Locale.ROOT).contains("feel")) {
            refusals.add(new Refusal(resource, where, "DMN expressions must be FEEL, not " + value));
            return;
        }
        checkExpressions(resource, where, value, refusals);
    }

    private void checkExpressions(String resource, String where, String text, List<Refusal> refusals) {
        if (text == null) {
            return;
        }
        for (int start = nextExpression(text, 0); start >= 0; ) {
            ExpressionCheck.Result result = new ExpressionCheck(text, start + 2, beans).run();
            if (!result.allowed()) {
                refusals.add(new Refusal(resource, where, result.reason() + " in " + excerpt(text, start)));
            }
            start = nextExpression(text, Math.max(result.end(), start + 2));
        }
    }

    private static int nextExpression(String text, int from) {
        int dollar = text.indexOf("${", from);
        int hash = text.indexOf("#{", from);
        if (dollar < 0) {
            return hash;
        }
        return hash < 0 ? dollar : Math.min(dollar, hash);
    }

    private static String excerpt(String text, int start) {
        String rest = text.substring(start);
        return rest.length() > 80 ? rest.substring(0, 80) + "…" : rest;
    }

    private static String describe(Element element) {
        String id = element.getAttribute("id");
        return element.getLocalName() + (id.isEmpty() ? "" : " '" + id + "'");
    }

    private static org.w3c.dom.Document parse(byte[] content) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(content));
    }
}
