package org.citycase.intake;

import java.net.URI;

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

    /** Accepts a report; 201 with the case number and the case's address, or 400 naming the bad fields. */
    @PostMapping(consumes = "application/json")
    public ResponseEntity<ReportAccepted> report(@RequestBody ReportRequest report) {
        String caseNumber = intake.report(report);
        return ResponseEntity.created(URI.create("/api/cases/" + caseNumber)).body(new ReportAccepted(caseNumber));
    }

    /** The answer to an accepted report. */
    public record ReportAccepted(String caseNumber) {
    }
}
