package com.kis.estimator.platform.workflow.doors;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * What a completion from outside may do with a user task, read from the models the analysts own: the task's
 * Camunda Form names its fields, and the BPMN's extension property {@code completedBy = application} (with an
 * optional {@code howToComplete} for the refusal) marks tasks that only the application completes. Deployed
 * definitions never change, so both are kept per form definition and per process definition and task.
 */
final class CompletionRules {

    static final String COMPLETED_BY = "completedBy";
    static final String HOW_TO_COMPLETE = "howToComplete";

    record Rule(FormFields fields, boolean applicationOnly, String howToComplete) {
    }

    private record Marking(boolean applicationOnly, String howToComplete) {
    }

    private final Map<String, Marking> markings = new ConcurrentHashMap<>();
    private final Map<String, FormFields> forms = new ConcurrentHashMap<>();

    Rule of(CommandContext context, TaskEntity task) {
        Marking marking = markings.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
                key -> marking(task));
        return new Rule(marking.applicationOnly() ? FormFields.NONE : fields(context, task), marking.applicationOnly(),
                marking.howToComplete());
    }

    private FormFields fields(CommandContext context, TaskEntity task) {
        TaskFormData form = task.getTaskDefinition().getTaskFormHandler().createTaskForm(task);
        CamundaFormRef reference = form == null ? null : form.getCamundaFormRef();
        if (reference == null || reference.getKey() == null) {
            return FormFields.NONE;
        }
        // "latest" binding: the form in use is the newest deployed one, which one query finds
        CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(reference, form.getDeploymentId())
                .execute(context);
        if (definition == null) {
            return FormFields.NONE;
        }
        return forms.computeIfAbsent(definition.getId(), id -> {
            ResourceEntity resource = context.getResourceManager()
                    .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
            return resource == null ? FormFields.NONE : FormFields.of(resource.getBytes());
        });
    }

    private static Marking marking(TaskEntity task) {
        UserTask element = task.getBpmnModelElementInstance();
        if (element == null || element.getExtensionElements() == null) {
            return new Marking(false, null);
        }
        boolean applicationOnly = false;
        String how = "";
        for (CamundaProperties properties : element.getExtensionElements().getChildElementsByType(CamundaProperties.class)) {
            for (CamundaProperty property : properties.getCamundaProperties()) {
                if (COMPLETED_BY.equals(property.getCamundaName())) {
                    applicationOnly = "application".equalsIgnoreCase(property.getCamundaValue());
                } else if (HOW_TO_COMPLETE.equals(property.getCamundaName()) && property.getCamundaValue() != null) {
                    how = property.getCamundaValue();
                }
            }
        }
        return new Marking(applicationOnly, how);
    }
}
