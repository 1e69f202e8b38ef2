package org.citycase.citizen.duplicate;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.citycase.casefile.CaseRepository;
import org.citycase.citizen.duplicate.ReportLinks.LinkedReportView;
import org.citycase.security.CaseScope;
import org.citycase.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Shows staff the reports that joined a case as duplicates. */
@RestController
public class DuplicateController {

    private final ReportLinks links;
    private final CaseRepository cases;
    private final CaseScope scope;

    public DuplicateController(ReportLinks links, CaseRepository cases, CaseScope scope) {
        this.links = links;
        this.cases = cases;
        this.scope = scope;
    }

    /**
     * The reports linked to the case, oldest first, without the reporters' contacts; an empty list for a
     * case without duplicates, 404 for an unknown case or one the caller may not see.
     */
    @GetMapping("/api/cases/{caseNumber}/duplicates")
    public List<LinkedReportView> duplicates(@PathVariable String caseNumber) {
        Optional<Set<String>> departments = scope.departmentsOfCaller();
        cases.find(caseNumber)
                .filter(c -> departments.isEmpty()
                        || c.departmentCode() != null && departments.get().contains(c.departmentCode()))
                .orElseThrow(() -> new NotFoundException("No case has the number '" + caseNumber + "'"));
        return links.linkedTo(caseNumber);
    }
}
