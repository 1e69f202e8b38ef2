package org.citycase.dispatch.process;

import java.util.Objects;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citycase.catalogue.Department;
import org.citycase.dispatch.DispatchService;
import org.citycase.engine.CaseLifecycle.Var;
import org.springframework.stereotype.Component;

/**
 * Records the dispatcher's choice and hands the case to the department's group. A new dispatch starts
 * a new round of handling, so the previous round's outcome and feedback are cleared. An unknown
 * department code fails the dispatcher's task completion with a 400 that names the field.
 */
@Component("dispatchDelegate")
public class DispatchDelegate implements JavaDelegate {

    private final DispatchService dispatch;

    public DispatchDelegate(DispatchService dispatch) {
        this.dispatch = dispatch;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Department department;
        try {
            department = dispatch.dispatch(execution.getProcessBusinessKey(),
                    Objects.toString(execution.getVariable(Var.DEPARTMENT), null));
        } catch (DispatchService.UnknownDepartmentException e) {
            throw new BadUserRequestException(e.getMessage(), e);
        }
        execution.setVariable(Var.DEPARTMENT_GROUP, department.group());
        execution.setVariable(Var.DEPARTMENT_NAME, department.name());
        execution.removeVariable(Var.OUTCOME);
        execution.removeVariable(Var.FEEDBACK);
    }
}
