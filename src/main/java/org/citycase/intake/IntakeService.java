package org.citycase.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.citycase.casefile.CaseNumbers;
import org.citycase.casefile.CaseRepository;
import org.citycase.casefile.NewCase;
import org.citycase.catalogue.Catalogue;
import org.citycase.catalogue.Category;
import org.citycase.citizen.Geography;
import org.citycase.engine.CaseLifecycle.Var;
import org.citycase.engine.CaseProcesses;
import org.citycase.web.FieldProblem;
import org.citycase.web.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a report into a case: validates it completely, numbers it, stores it and starts its process,
 * all in one transaction, so a report either becomes a case with a running process or leaves nothing.
 */
@Service
public class IntakeService {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);

    private final Validator validator;
    private final Catalogue catalogue;
    private final Geography geography;
    private final CaseNumbers numbers;
    private final CaseRepository cases;
    private final CaseProcesses processes;
    private final Clock clock;
    private final ZoneId zone;

    public IntakeService(Validator validator, Catalogue catalogue, Geography geography, CaseNumbers numbers,
                         CaseRepository cases, CaseProcesses processes, Clock clock,
                         @Value("${citycase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.validator = validator;
        this.catalogue = catalogue;
        this.geography = geography;
        this.numbers = numbers;
        this.cases = cases;
        this.processes = processes;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Accepts a report as a new case.
     *
     * @return the new case's number
     * @throws InvalidInputException naming every bad field; nothing is stored then
     */
    @Transactional
    public String report(ReportRequest report) {
        Placed placed = validate(report);
        Instant now = clock.instant();
        String caseNumber = numbers.next(LocalDate.ofInstant(now, zone));
        List<String> photos = report.photoUrls() == null ? List.of() : report.photoUrls();
        cases.insert(new NewCase(caseNumber, report.source().name(), placed.category().code(),
                report.description().strip(), report.address().strip(), report.longitude(), report.latitude(),
                placed.districtCode(), Boolean.TRUE.equals(report.urgent()), blankToNull(report.reporterContact()),
                photos, now));
        String processInstanceId = processes.start(caseNumber, variables(caseNumber, report, placed, photos));
        cases.linkProcess(caseNumber, processInstanceId);
        LOG.info("Case {} reported: {} {} in {}", caseNumber, report.source(), placed.category().code(),
                placed.districtCode());
        return caseNumber;
    }

    private Placed validate(ReportRequest report) {
        List<FieldProblem> problems = new ArrayList<>();
        validator.validate(report).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> problems.add(problem(v)));
        Optional<Category> category = Optional.empty();
        if (report.categoryCode() != null && !report.categoryCode().isBlank()) {
            category = catalogue.category(report.categoryCode().strip());
            if (category.isEmpty()) {
                problems.add(new FieldProblem("categoryCode",
                        "unknown category '" + report.categoryCode() + "'; see GET /api/categories"));
            }
        }
        String district = null;
        if (finite(report.longitude()) && finite(report.latitude()) && problems.stream()
                .noneMatch(p -> p.field().equals("longitude") || p.field().equals("latitude"))) {
            district = geography.districtAt(report.longitude(), report.latitude()).orElse(null);
            if (district == null) {
                problems.add(new FieldProblem("longitude/latitude", "the point is outside the city's service area"));
            }
        } else {
            addNotFinite(problems, "longitude", report.longitude());
            addNotFinite(problems, "latitude", report.latitude());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Placed(category.orElseThrow(), district);
    }

    private static Map<String, Object> variables(String caseNumber, ReportRequest report, Placed placed,
                                                 List<String> photos) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Var.CASE_NUMBER, caseNumber);
        variables.put(Var.SOURCE, report.source().name());
        variables.put(Var.SOURCE_NAME, report.source().label());
        variables.put(Var.CATEGORY_CODE, placed.category().code());
        variables.put(Var.CATEGORY_NAME, placed.category().name());
        variables.put(Var.DESCRIPTION, report.description().strip());
        variables.put(Var.ADDRESS, report.address().strip());
        variables.put(Var.DISTRICT_CODE, placed.districtCode());
        variables.put(Var.URGENT, Boolean.TRUE.equals(report.urgent()));
        variables.put(Var.PHOTO_LINKS, String.join("\n", photos));
        return variables;
    }

    private static FieldProblem problem(ConstraintViolation<ReportRequest> violation) {
        String field = violation.getPropertyPath().toString().replaceAll("\\.<list element>", "");
        return new FieldProblem(field, violation.getMessage());
    }

    private static void addNotFinite(List<FieldProblem> problems, String field, Double value) {
        if (value != null && !finite(value) && problems.stream().noneMatch(p -> p.field().equals(field))) {
            problems.add(new FieldProblem(field, "must be a finite number"));
        }
    }

    private static boolean finite(Double value) {
        return value != null && Double.isFinite(value);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private record Placed(Category category, String districtCode) {
    }
}
