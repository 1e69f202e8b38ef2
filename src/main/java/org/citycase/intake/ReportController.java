package org.citycase.intake;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where supervisors' apps, the hotline system and cameras report problems. */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

    private final IntakeService intake;

    public ReportController(IntakeService intake) {
        this.intake = intake;
    }

    /**
     * Accepts a report. A new case answers 201 with its number and address. A public report of a problem
     * that an open case already covers (same category, nearby, recent) answers 200 with that case's
     * number in both {@code caseNumber} and {@code duplicateOf}: no case was made. Bad fields answer 400
     * naming them.
     */
    @PostMapping(consumes = "application/json")
    public ResponseEntity<ReportAccepted> report(@RequestBody ReportRequest report) {
        ReportOutcome outcome = intake.submit(report);
        URI location = URI.create("/api/cases/" + outcome.caseNumber());
        if (outcome.duplicate()) {
            return ResponseEntity.ok().location(location)
                    .body(new ReportAccepted(outcome.caseNumber(), outcome.caseNumber()));
        }
        return ResponseEntity.created(location).body(new ReportAccepted(outcome.caseNumber(), null));
    }

    /**
     * The answer to an accepted report.
     *
     * @param duplicateOf the open case the report joined as a duplicate; absent for a new case
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportAccepted(String caseNumber, String duplicateOf) {
    }
}
