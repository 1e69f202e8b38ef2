package org.citycase.casefile.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.citycase.casefile.CaseRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts returns (回退) and reworks (返工) on the case. Called from the model's sequence flows, e.g.
 * {@code <camunda:executionListener event="take" expression="${caseEvents.returned(execution)}"/>}.
 */
@Component("caseEvents")
public class CaseEvents {

    private static final Logger LOG = LoggerFactory.getLogger(CaseEvents.class);

    private final CaseRepository cases;

    public CaseEvents(CaseRepository cases) {
        this.cases = cases;
    }

    /** The department returned the case as not its remit; it goes back to dispatch. */
    public void returned(DelegateExecution execution) {
        cases.countReturn(execution.getProcessBusinessKey());
        LOG.info("Case {} returned by its department", execution.getProcessBusinessKey());
    }

    /** The on-site check found the problem not fixed; the same department handles it again. */
    public void reworked(DelegateExecution execution) {
        cases.countRework(execution.getProcessBusinessKey());
        LOG.info("Case {} sent back for rework", execution.getProcessBusinessKey());
    }
}
