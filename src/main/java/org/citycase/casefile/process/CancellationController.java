package org.citycase.casefile.process;

import org.citycase.casefile.CaseFile;
import org.citycase.casefile.CaseRepository;
import org.citycase.casefile.CaseStatus;
import org.citycase.engine.CaseProcesses;
import org.citycase.web.ConflictException;
import org.citycase.web.InvalidInputException;
import org.citycase.web.NotFoundException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Cancels (作废) an open case at whatever stage it is in; the reason is kept on the case. */
@RestController
public class CancellationController {

    static final int MAX_REASON = 1000;

    private final CaseRepository cases;
    private final CaseProcesses processes;

    public CancellationController(CaseRepository cases, CaseProcesses processes) {
        this.cases = cases;
        this.processes = processes;
    }

    /** 200 with the cancelled case; 400 without a reason, 404 for an unknown case, 409 for an ended one. */
    @PostMapping(path = "/api/cases/{caseNumber}/cancellation", consumes = "application/json")
    @Transactional
    public CaseFile cancel(@PathVariable String caseNumber, @RequestBody Cancellation request) {
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "is required, at most " + MAX_REASON + " characters");
        }
        CaseFile found = cases.find(caseNumber)
                .orElseThrow(() -> new NotFoundException("No case has the number '" + caseNumber + "'"));
        if (found.status() != CaseStatus.OPEN || !processes.cancel(caseNumber, reason)) {
            throw new ConflictException("Case " + caseNumber + " is " + found.status() + " and cannot be cancelled");
        }
        return cases.find(caseNumber).orElseThrow();
    }

    /** The body of a cancellation request. */
    public record Cancellation(String reason) {
    }
}
