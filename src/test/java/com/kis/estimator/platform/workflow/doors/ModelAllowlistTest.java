package com.kis.estimator.platform.workflow.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ModelAllowlistTest {

    private final ModelAllowlist allowlist = new ModelAllowlist(Set.of("estimateStatus", "approvalTaskListener",
            "erpPull"), "com.kis.estimator.");

    @Test
    void everyModelWeShipPassesWithTheBeansTheApplicationOffers() throws IOException {
        ModelAllowlist shipped = new ModelAllowlist(Set.of("approvalTaskListener", "rfqReviewTask", "modelApprovalTask",
                "approvalSla", "aiSchedule", "planApprovalLevels", "modelTrainingSteps", "intakeSteps", "estimateStatus",
                "estimateExpiry", "erpPull", "erpImportReview", "erpImport", "approvalEscalation", "aiAssessment",
                "modelReleaseTask", "revisionTaskListener"),
                "com.kis.estimator.");
        try (Stream<Path> files = Files.walk(Path.of("processes"))) {
            // what the application deploys from the folder (not its README or the Modeler's lint settings)
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(bpmn|dmn|form)$")).toList()) {
                assertThat(shipped.check(file.toString(), Files.readAllBytes(file))).as(file.toString()).isEmpty();
            }
        }
    }

    @Test
    void theExpressionThatRanCodeThroughTheEngineIsRefused() {
        assertThat(refusals(serviceTask(
                "camunda:expression=\"${'x'.concat(execution.getProcessEngineServices().getIdentityService().createUserQuery().count().toString())}\"")))
                .singleElement().satisfies(refusal -> {
                    assertThat(refusal.element()).isEqualTo("serviceTask 'Run'");
                    assertThat(refusal.reason()).contains("not allowed");
                });
    }

    @Test
    void methodsAndPropertiesOfAnythingButAnOfferedBeanAreRefused() {
        for (String expression : List.of("${execution.getProcessEngineServices()}", "${execution.processEngineServices}",
                "${task.execution}", "${runtimeService.createProcessInstanceQuery()}", "${estimateStatus.set(x).y}",
                "${estimateStatus.set(execution, 'APPROVED').toString()}", "${execution['processEngine']}",
                "${fn:foo(1)}", "${estimateStatus(1)}", "${(execution).getId()}", "${1.toString()}", "${x = 1}",
                "${() -> 1}", "${a ? b : c}", "${estimateStatus.getClass()}", "${erpPull.wait()}", "#{execution.getId()}", "${unclosed")) {
            assertThat(refusals(serviceTask("camunda:expression=\"" + expression.replace("\"", "&quot;") + "\"")))
                    .as(expression).isNotEmpty();
        }
    }

    @Test
    void variablesComparisonsAndCallsOnOfferedBeansAreAllowed() {
        for (String expression : List.of("${estimateStatus.set(execution, 'APPROVED')}", "${erpPull.schedule}",
                "${decision != 'APPROVE'}", "${!needsReview}", "${pulledImport == null}", "${rejected > 0 &amp;&amp; ok}",
                "${total >= 10000000 or empty x}", "${approvalTaskListener}", "#{level}", "${a + 1 - b * 2 / 3 % 4}",
                "${estimateStatus.set(execution, \"a}b\")}")) {
            assertThat(refusals(serviceTask("camunda:expression=\"" + expression.replace("\"", "&quot;") + "\"")))
                    .as(expression).isEmpty();
        }
    }

    @Test
    void scriptsClassesConnectorsExternalTasksAndHtmlFormsAreRefused() {
        assertThat(refusals(model("<bpmn:scriptTask id=\"S\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>")))
                .isNotEmpty();
        assertThat(refusals(serviceTask("camunda:class=\"org.evil.Delegate\""))).singleElement()
                .satisfies(refusal -> assertThat(refusal.reason()).contains("org.evil.Delegate"));
        assertThat(refusals(serviceTask("camunda:class=\"com.kis.estimator.SomeDelegate\""))).isEmpty();
        assertThat(refusals(serviceTask("camunda:type=\"external\" camunda:topic=\"t\""))).isNotEmpty();
        assertThat(refusals(model("<bpmn:userTask id=\"U\" camunda:formKey=\"embedded:deployment:x.html\"/>"))).isNotEmpty();
        assertThat(refusals(model("<bpmn:serviceTask id=\"L\" camunda:expression=\"${true}\"><bpmn:extensionElements>"
                + "<camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"groovy\">x</camunda:script>"
                + "</camunda:executionListener></bpmn:extensionElements></bpmn:serviceTask>"))).isNotEmpty();
        assertThat(refusals(model("<bpmn:sequenceFlow id=\"F\" sourceRef=\"a\" targetRef=\"b\"><bpmn:conditionExpression "
                + "xsi:type=\"bpmn:tFormalExpression\" language=\"groovy\">true</bpmn:conditionExpression></bpmn:sequenceFlow>")))
                .isNotEmpty();
    }

    @Test
    void expressionsHiddenInTextAndMappingsAreChecked() {
        assertThat(refusals(model("<bpmn:serviceTask id=\"M\" camunda:expression=\"${true}\"><bpmn:extensionElements>"
                + "<camunda:inputOutput><camunda:inputParameter name=\"x\">${execution.getProcessEngine()}</camunda:inputParameter>"
                + "</camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>"))).singleElement()
                .satisfies(refusal -> assertThat(refusal.element()).isEqualTo("inputParameter"));
        assertThat(refusals(model("<bpmn:startEvent id=\"T\"><bpmn:timerEventDefinition><bpmn:timeDate "
                + "xsi:type=\"bpmn:tFormalExpression\">${dateService.now()}</bpmn:timeDate></bpmn:timerEventDefinition>"
                + "</bpmn:startEvent>"))).isNotEmpty();
    }

    @Test
    void dmnMustBeFeelAndOtherResourcesAreRefused() {
        String dmn = "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"d\" namespace=\"x\">"
                + "<decision id=\"x\"><decisionTable><input id=\"i\"><inputExpression typeRef=\"string\" expressionLanguage=\"%s\">"
                + "<text>a</text></inputExpression></input></decisionTable></decision></definitions>";
        assertThat(allowlist.check("r.dmn", dmn.formatted("feel").getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(allowlist.check("r.dmn", dmn.formatted("juel").getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        assertThat(allowlist.check("r.dmn", dmn.formatted("javascript").getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        assertThat(allowlist.check("evil.html", "<script/>".getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        assertThat(allowlist.check("a.form", "{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    private List<ModelAllowlist.Refusal> refusals(String bpmn) {
        return allowlist.check("test.bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
    }

    private static String serviceTask(String attributes) {
        return model("<bpmn:serviceTask id=\"Run\" " + attributes + "/>");
    }

    static String model(String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
                  <bpmn:process id="p" isExecutable="true" camunda:historyTimeToLive="1">%s</bpmn:process>
                </bpmn:definitions>""".formatted(elements);
    }
}
