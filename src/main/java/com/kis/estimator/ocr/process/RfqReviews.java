package com.kis.estimator.ocr.process;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kis.estimator.catalog.CatalogLookup;
import com.kis.estimator.ocr.document.DocumentRecord;
import com.kis.estimator.ocr.document.DocumentStatus;
import com.kis.estimator.ocr.document.Documents;
import com.kis.estimator.platform.web.ApiProblemException;
import com.kis.estimator.platform.web.ProblemType;
import com.kis.estimator.platform.workflow.EngineCalls;

/**
 * Completing "Review extracted RFQ" through the API, as Tasklist would: the caller must be able to claim the
 * task (a member of its candidate group), and the same rules apply (the task listener checks them again).
 */
@Service
public class RfqReviews {

    static final String TASK = "ReviewRfq";

    private final Documents documents;
    private final TaskService tasks;
    private final IdentityService identity;
    private final CatalogLookup catalog;
    private final ReviewVariables variables;

    RfqReviews(Documents documents, TaskService tasks, IdentityService identity, CatalogLookup catalog,
            ReviewVariables variables) {
        this.documents = documents;
        this.tasks = tasks;
        this.identity = identity;
        this.catalog = catalog;
        this.variables = variables;
    }

    /** The open review tasks of these documents, by document: where a link to the review leads. */
    public Map<UUID, String> openTasks(Collection<DocumentRecord> documents) {
        Map<String, UUID> byInstance = new HashMap<>();
        documents.stream().filter(document -> document.status() == DocumentStatus.EXTRACTED
                && document.processInstanceId() != null)
                .forEach(document -> byInstance.put(document.processInstanceId(), document.id()));
        if (byInstance.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> open = new HashMap<>();
        tasks.createTaskQuery().taskDefinitionKey(TASK).processInstanceIdIn(byInstance.keySet().toArray(String[]::new))
                .list().forEach(task -> open.put(byInstance.get(task.getProcessInstanceId()), task.getId()));
        return open;
    }

    @Transactional
    public void submit(UUID documentId, String user, Collection<String> groups, RfqReview review) {
        DocumentRecord document = documents.find(documentId)
                .orElseThrow(() -> ApiProblemException.notFound("Document", documentId));
        if (document.status() != DocumentStatus.EXTRACTED) {
            throw new ApiProblemException(HttpStatus.CONFLICT, ProblemType.CONFLICT,
                    "Document " + documentId + " is " + document.status() + "; only an EXTRACTED document is reviewed");
        }
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(documentId.toString()).taskDefinitionKey(TASK)
                .or().taskCandidateGroupIn(List.copyOf(groups)).taskAssignee(user).endOr()
                .singleResult();
        if (task == null) {
            throw new ApiProblemException(HttpStatus.CONFLICT, ProblemType.CONFLICT,
                    "You have no open review task for document " + documentId);
        }
        review.check(catalog);
        Map<String, Object> values = new HashMap<>();
        values.put(ReviewVariables.DECISION, review.decision());
        values.put(ReviewVariables.CUSTOMER_CODE, review.customerCode());
        values.put(ReviewVariables.LINES, variables.linesValue(review.lines() == null ? List.of() : review.lines()));
        values.put(ReviewVariables.COMMENT, review.comment());
        identity.setAuthentication(user, List.copyOf(groups));
        try {
            EngineCalls.asApplication(() -> tasks.complete(task.getId(), values));
        } catch (OptimisticLockingException concurrent) {
            throw new ApiProblemException(HttpStatus.CONFLICT, ProblemType.CONFLICT,
                    "Someone else reviewed document " + documentId + " at the same moment");
        } catch (ProcessEngineException refused) {
            for (Throwable cause = refused.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof ApiProblemException rule) {
                    throw rule;
                }
            }
            throw refused;
        } finally {
            identity.clearAuthentication();
        }
    }
}
