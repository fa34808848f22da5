package com.kis.estimator.platform.workflow.doors;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.kis.estimator.platform.workflow.EngineCalls;

/**
 * The engine's own check of a task completion that comes through Camunda's doors — Tasklist, its webapp API,
 * {@code /engine-rest} — rather than from the application ({@link EngineCalls}). Completing a task writes its
 * variables into the process before any listener runs, so a completion that carried {@code owner},
 * {@code total} or {@code level} could change the facts an approval is decided on. Here a completion may carry
 * only what its task's form lets the user fill in, plus the form's shown fields unchanged; a task marked
 * {@code completedBy = application} (its BPMN's extension property) cannot be completed from outside at all.
 * Rule refusals from the task listeners reach the caller as a 400/403 with the rule's words
 * ({@link EngineRefusal}). Commands run inside another command (process steps, listeners) are not checked.
 */
final class CompletionGuard extends CommandInterceptor {

    private static final Field COMPLETE_TASK_ID = field(CompleteTaskCmd.class, "taskId");
    private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
    private static final Field SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class, "taskId");
    private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties");

    private final CompletionRules rules;

    CompletionGuard(CompletionRules rules) {
        this.rules = rules;
    }

    @Override
    public <T> T execute(Command<T> command) {
        boolean completion = command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
        if (!completion || Context.getCommandContext() != null || EngineCalls.fromApplication()) {
            return next.execute(command);
        }
        String taskId = (String) read(command instanceof CompleteTaskCmd ? COMPLETE_TASK_ID : SUBMIT_TASK_ID, command);
        Map<?, ?> variables = (Map<?, ?>) read(command instanceof CompleteTaskCmd ? COMPLETE_VARIABLES : SUBMIT_VARIABLES,
                command);
        try {
            return next.execute(context -> {
                check(context, taskId, variables);
                return command.execute(context);
            });
        } catch (RuntimeException refused) {
            throw EngineRefusal.translate(refused);
        }
    }

    private void check(CommandContext context, String taskId, Map<?, ?> variables) {
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task == null || task.getTaskDefinition() == null || task.getProcessDefinitionId() == null) {
            // the engine answers "not found"; tasks outside processes need rights only ops and admin have
            return;
        }
        CompletionRules.Rule rule = rules.of(context, task);
        if (rule.applicationOnly()) {
            throw EngineRefusal.badRequest("'" + task.getName() + "' 작업은 응용 프로그램에서만 완료할 수 있습니다 ("
                    + rule.howToComplete() + ")", "'" + task.getName() + "' is completed by the application only ("
                    + rule.howToComplete() + ")");
        }
        if (variables == null || variables.isEmpty()) {
            return;
        }
        TreeSet<String> refused = new TreeSet<>();
        for (Map.Entry<?, ?> entry : variables.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (rule.fields().editable().contains(name)) {
                continue;
            }
            if (rule.fields().shown().contains(name) && sameValue(entry.getValue(), task.getVariable(name))) {
                continue;
            }
            refused.add(name);
        }
        if (!refused.isEmpty()) {
            throw EngineRefusal.badRequest("이 작업의 양식에서 입력할 수 없는 값입니다: " + String.join(", ", refused),
                    "this task's form does not let a completion set " + String.join(", ", refused)
                            + "; it may carry only " + String.join(", ", new TreeSet<>(rule.fields().editable())));
        }
    }

    /** Tasklist sends a shown field back as it read it: numbers may come back as another number type or text. */
    static boolean sameValue(Object sent, Object current) {
        Object value = sent instanceof TypedValue typed ? typed.getValue() : sent;
        Object existing = current instanceof TypedValue typed ? typed.getValue() : current;
        if (Objects.equals(value, existing)) {
            return true;
        }
        if (value == null || existing == null) {
            return false;
        }
        BigDecimal a = number(value);
        BigDecimal b = number(existing);
        return a != null && b != null ? a.compareTo(b) == 0 : value.toString().equals(existing.toString());
    }

    private static BigDecimal number(Object value) {
        try {
            return value instanceof Number || value instanceof String ? new BigDecimal(value.toString()) : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            // Camunda changed its command's inside: fail at start, not by letting completions through.
            throw new IllegalStateException("Camunda's " + type.getSimpleName() + " has no field " + name, e);
        }
    }

    private static Object read(Field field, Object command) {
        try {
            return field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
