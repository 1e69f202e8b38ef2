package org.citycase.citizen.duplicate;

import java.util.List;

import org.citycase.citizen.duplicate.ReportLinks.LinkedReportView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Shows staff the reports that joined a case as duplicates. */
@RestController
public class DuplicateController {

    private final ReportLinks links;

    public DuplicateController(ReportLinks links) {
        this.links = links;
    }

    /** The reports linked to the case, oldest first; an empty list for a case without duplicates. */
    @GetMapping("/api/cases/{caseNumber}/duplicates")
    public List<LinkedReportView> duplicates(@PathVariable String caseNumber) {
        return links.linkedTo(caseNumber);
    }
}
