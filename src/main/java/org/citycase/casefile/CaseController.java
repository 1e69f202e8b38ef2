package org.citycase.casefile;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.citycase.security.CaseScope;
import org.citycase.web.InvalidInputException;
import org.citycase.web.Paging;
import org.citycase.web.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finds cases and their timelines for staff and outside systems; a department's users see only the
 * cases dispatched to their department.
 */
@RestController
@RequestMapping("/api/cases")
public class CaseController {

    static final int MAX_PAGE_SIZE = 200;

    private final CaseRepository cases;
    private final CaseScope scope;
    private final StageFacts facts;

    public CaseController(CaseRepository cases, CaseScope scope, StageFacts facts) {
        this.cases = cases;
        this.scope = scope;
        this.facts = facts;
    }

    /** One case with its timeline; 404 for an unknown number or a case the caller may not see. */
    @GetMapping("/{caseNumber}")
    public CaseDetail get(@PathVariable String caseNumber) {
        Optional<Set<String>> departments = scope.departmentsOfCaller();
        CaseFile found = cases.find(caseNumber)
                .filter(c -> departments.isEmpty()
                        || c.departmentCode() != null && departments.get().contains(c.departmentCode()))
                .orElseThrow(() -> new NotFoundException("No case has the number '" + caseNumber + "'"));
        return new CaseDetail(found, cases.stages(caseNumber), facts.escalations(caseNumber),
                facts.notices(caseNumber));
    }

    /**
     * A page of cases, newest first.
     *
     * @param from reported at or after (ISO 8601 with offset)
     * @param to   reported before (ISO 8601 with offset)
     */
    @GetMapping
    public CasePage list(@RequestParam(required = false) CaseStatus status,
                         @RequestParam(required = false) String category,
                         @RequestParam(required = false) String department,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                         OffsetDateTime from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                         OffsetDateTime to,
                         @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size, MAX_PAGE_SIZE);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("to", "must be after from");
        }
        CaseFilter filter = new CaseFilter(status, category, department, instant(from), instant(to),
                scope.departmentsOfCaller().orElse(null));
        return new CasePage(cases.search(filter, page * size, size), page, size, cases.count(filter));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /**
     * A case with the runs of its stages (each with its due time and traffic light), its escalations (督办) and the
     * notices sent about its time limits, oldest first.
     */
    public record CaseDetail(CaseFile caseFile, List<StageRecord> timeline, List<CaseEscalation> escalations,
                             List<CaseNotice> notices) {
    }

    /** One page of a case listing. */
    public record CasePage(List<CaseFile> items, int page, int size, long total) {
    }
}
