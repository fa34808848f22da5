package com.kis.estimator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.kis.estimator.Chromium;
import com.kis.estimator.EmbeddedInChromium;

/**
 * Cockpit and Admin as their users meet them: operations open Cockpit under the product's name and see every
 * process drawn whole; an approver is turned away from both at the login.
 */
class CamundaWebappsInChromiumTest extends EmbeddedInChromium {

    @Test
    void anApproverIsTurnedAwayFromCockpitAndAdmin() {
        for (String app : List.of("cockpit", "admin")) {
            JsonNode signIn = browser("approver-" + app).signIn(app, "approver1").run().last("signIn");

            assertThat(signIn.path("opened").asBoolean()).as(app).isFalse();
            assertThat(signIn.path("notifications").toString()).as(app).contains("Login Failed");
        }
    }

    @Test
    void operationsSeeEveryProcessDrawnWholeInCockpit() {
        List<ProcessDefinition> definitions = engine.getRepositoryService().createProcessDefinitionQuery()
                .latestVersion().list();
        Chromium cockpit = browser("cockpit-diagrams").signIn("cockpit", "ops1");
        definitions.forEach(definition -> cockpit.step("diagram", "definitionId", definition.getId()));

        Chromium.Steps steps = cockpit.run();

        JsonNode signIn = steps.last("signIn");
        assertThat(signIn.path("opened").asBoolean()).isTrue();
        assertThat(signIn.at("/header/brand").asText()).isEqualTo("KIS 견적 (Estimator) Cockpit");
        assertThat(signIn.at("/header/banners")).isEmpty();
        assertThat(definitions).extracting(ProcessDefinition::getKey).contains("estimate-approval", "document-intake",
                "erp-import", "erp-pull", "model-training", "model-release");
        for (int i = 0; i < definitions.size(); i++) {
            ProcessDefinition definition = definitions.get(i);
            Set<String> drawn = new HashSet<>();
            steps.at(i + 1).path("drawn").forEach(id -> drawn.add(id.asText()));
            assertThat(drawn).as(definition.getKey()).containsAll(flowElements(definition));
        }
    }

    private List<String> flowElements(ProcessDefinition definition) {
        BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
        List<String> ids = new ArrayList<>();
        model.getModelElementsByType(FlowElement.class).forEach(element -> ids.add(element.getId()));
        return ids;
    }
}
