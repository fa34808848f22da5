package com.kis.estimator.approval.bench;

import static org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.CAMUNDA_NS;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;

import com.kis.estimator.approval.process.ApprovalVariables;
import com.kis.estimator.platform.workflow.EngineCalls;

/**
 * A second baseline: the bare engine running the approval process itself — the same BPMN from
 * {@code processes/}, the same routing DMN, the same variables — with the application taken out. Its service tasks
 * do nothing ({@code ${true}}) and its approval task has no listener, so what is left is the engine's own work
 * for this process: the variables, the decision's history, the multi-instance level with its SLA timer, the
 * asynchronous "Mark approved" and the validity timer. Two small expressions stay, as they only compute values
 * (the task's due date, the routing rows as a list of groups).
 * <p>
 * Against it, the API's rates say what the application adds on top of the process (the HTTP request and token,
 * re-pricing, the AI assessment, the approval rules, the records, the audit trail, the estimate's own rows); against
 * the one-user-task baseline, they say what the whole of it costs.
 */
final class ApprovalProcessShape {

    static final String PROCESS = "bench-approval-shape";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final AtomicLong numbers = new AtomicLong();

    private final int routingVersion;

    private ApprovalProcessShape(RuntimeService runtime, TaskService tasks, int routingVersion) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.routingVersion = routingVersion;
    }

    /** Deploys the approval process without the application's code, as {@value #PROCESS}. */
    static ApprovalProcessShape deploy(RepositoryService repository, RuntimeService runtime, TaskService tasks) {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", "estimate-approval.bpmn").toFile());
        Process process = model.getModelElementsByType(Process.class).iterator().next();
        process.setId(PROCESS);
        process.setName("Benchmark: the approval process without the application");
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            // whatever an analyst implemented it with, the engine accepts exactly one of these
            task.removeAttributeNs(CAMUNDA_NS, "class");
            task.removeAttributeNs(CAMUNDA_NS, "delegateExpression");
            task.setCamundaExpression("${true}");
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getExtensionElements() != null) {
                task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list()
                        .forEach(listener -> task.getExtensionElements().removeChildElement(listener));
            }
        }
        repository.createDeployment().addModelInstance(PROCESS + ".bpmn", model).deploy();
        return new ApprovalProcessShape(runtime, tasks, repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey("approval-routing").latestVersion().singleResult().getVersion());
    }

    /** As a submission starts it: the variables {@code /submit} and the AI assessment write. */
    String start() {
        long n = numbers.incrementAndGet();
        String number = "BENCH-" + n;
        Map<String, Object> variables = new HashMap<>();
        variables.put(ApprovalVariables.ESTIMATE_ID, n);
        variables.put(ApprovalVariables.ESTIMATE_NUMBER, number);
        variables.put(ApprovalVariables.REVISION, 1);
        variables.put(ApprovalVariables.OWNER, "sales1");
        variables.put(ApprovalVariables.CUSTOMER_NAME, "(주)벤치");
        variables.put(ApprovalVariables.CUSTOMER_TIER, "B");
        variables.put(ApprovalVariables.TOTAL, 110_000L);
        variables.put(ApprovalVariables.TOTAL_TEXT, "110,000원");
        variables.put(ApprovalVariables.MAX_DISCOUNT, 0.0);
        variables.put(ApprovalVariables.MARGIN, 40.0);
        variables.put(ApprovalVariables.WATERFALL, "1. AB-1 벤치 × 1: 100,000원 → 100,000원, margin 40.0 %");
        variables.put(ApprovalVariables.CHANGES, "");
        variables.put(ApprovalVariables.ROUTING_VERSION, routingVersion);
        variables.put(ApprovalVariables.VALID_UNTIL_END, "2099-12-31T00:00:00+09:00");
        variables.put("winProbability", null);
        variables.put("winModelVersion", null);
        variables.put("anomalyCount", 0);
        variables.put("aiStatus", "NO_MODEL");
        variables.put("aiSummary", "수주 확률 없음: 학습된 모델이 없습니다 (no win model yet)\n가격 이상 없음 (no price anomalies)");
        return runtime.startProcessInstanceByKey(PROCESS, number, variables).getId();
    }

    /** Starts one and approves its single level, as the approver's decision does; "Mark approved" follows async. */
    void startAndApprove() {
        String id = start();
        Map<String, Object> decision = new HashMap<>();
        decision.put(ApprovalVariables.DECISION, "APPROVE");
        decision.put(ApprovalVariables.COMMENT, null);
        decision.put(ApprovalVariables.LAST_APPROVER, "approver1");
        // as the application completes it (lastApprover is the listener's): past the guard of Camunda's own doors
        EngineCalls.asApplication(() -> tasks.complete(tasks.createTaskQuery().processInstanceId(id).singleResult().getId(),
                decision));
    }
}
