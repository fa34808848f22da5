package com.kis.estimator.approval.process;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import com.kis.estimator.platform.workflow.ProcessApi;

/**
 * When an approval task is due: {@code kis.approval.sla-working-days} (default 2) working days from now,
 * skipping Saturdays and Sundays in the business zone. Public holidays are not known here and count as
 * working days. Used by the BPMN as {@code camunda:dueDate="${approvalSla.due()}"}; Tasklist's "Overdue
 * approvals" filter lists the tasks past it.
 */
@Component("approvalSla")
@ProcessApi
public class ApprovalSla {

    private final Clock clock;
    private final int workingDays;

    ApprovalSla(Clock clock, @Value("${kis.approval.sla-working-days:2}") int workingDays) {
        this.clock = clock;
        this.workingDays = workingDays;
    }

    public Date due() {
        ZonedDateTime due = ZonedDateTime.now(clock);
        int added = 0;
        while (added < workingDays) {
            due = due.plusDays(1);
            if (due.getDayOfWeek() != DayOfWeek.SATURDAY && due.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return Date.from(due.toInstant());
    }
}
