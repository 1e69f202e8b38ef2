package org.citycase.citizen.process;

import java.util.Objects;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.citycase.citizen.duplicate.DuplicateMarking;
import org.citycase.engine.CaseLifecycle.Var;
import org.springframework.stereotype.Component;

/**
 * Links a case that the acceptor marked a duplicate to the open case it repeats, and sets the note the
 * case ends with. Wired on the model's {@code markedDuplicate} flow as
 * {@code <camunda:executionListener event="take" delegateExpression="${duplicateMarkingListener}"/>}, a
 * delegate rather than a method expression so that a number that is not another open case fails the
 * acceptor's task completion with a 400 naming the field, not with a wrapped 500.
 */
@Component("duplicateMarkingListener")
public class DuplicateListener implements ExecutionListener {

    private final DuplicateMarking marking;

    public DuplicateListener(DuplicateMarking marking) {
        this.marking = marking;
    }

    /** The acceptor completed acceptance with {@code duplicateOf} set. */
    @Override
    public void notify(DelegateExecution execution) {
        String original = Objects.toString(execution.getVariable(Var.DUPLICATE_OF), "");
        try {
            execution.setVariable(Var.DUPLICATE_NOTE, marking.markDuplicate(execution.getProcessBusinessKey(),
                    original));
        } catch (DuplicateMarking.InvalidDuplicateException e) {
            throw new BadUserRequestException(e.getMessage(), e);
        }
    }
}
