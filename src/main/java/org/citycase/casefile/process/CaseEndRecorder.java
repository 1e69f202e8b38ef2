package org.citycase.casefile.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citycase.casefile.CaseRepository;
import org.citycase.casefile.CaseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a case in the case file when the process reaches an end event that carries the extension
 * property {@code caseStatus}; the optional property {@code reasonVariable} names the variable that
 * holds the reason (e.g. {@code rejectionReason}). One instance per end event, made at parse time.
 */
class CaseEndRecorder implements ExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(CaseEndRecorder.class);

    private final CaseRepository cases;
    private final CaseStatus status;
    private final String reasonVariable;

    CaseEndRecorder(CaseRepository cases, CaseStatus status, String reasonVariable) {
        this.cases = cases;
        this.status = status;
        this.reasonVariable = reasonVariable;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String caseNumber = StageRecorder.caseNumber(execution);
        if (caseNumber == null) {
            return;
        }
        Object reason = reasonVariable == null ? null : execution.getVariable(reasonVariable);
        cases.end(caseNumber, status, reason == null ? null : reason.toString(),
                ClockUtil.getCurrentTime().toInstant());
        LOG.info("Case {} ended as {}", caseNumber, status);
    }
}
