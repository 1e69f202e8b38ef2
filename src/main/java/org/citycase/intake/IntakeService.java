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
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.citycase.casefile.CaseNumbers;
import org.citycase.casefile.CaseRepository;
import org.citycase.casefile.NewCase;
import org.citycase.catalogue.Catalogue;
import org.citycase.catalogue.Category;
import org.citycase.citizen.Geography;
import org.citycase.citizen.Location;
import org.citycase.citizen.OutsideServiceAreaException;
import org.citycase.citizen.duplicate.DuplicateFinder;
import org.citycase.citizen.duplicate.DuplicateMatch;
import org.citycase.citizen.duplicate.DuplicateProperties;
import org.citycase.citizen.duplicate.LinkedReport;
import org.citycase.citizen.duplicate.ReportLinks;
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
 * Turns a report into a case: validates it completely, places it in its unit grid, numbers it, stores
 * it and starts its process, all in one transaction, so a report either becomes a case with a running
 * process or leaves nothing. A public report of a problem that an open case already covers joins that
 * case as a duplicate instead.
 */
@Service
public class IntakeService {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);
    /** Markup or statements, which Open311 rules out of descriptions and nobody needs in an address. */
    private static final Pattern CODE = Pattern.compile(
            "<\\s*[a-zA-Z!/?]|javascript:|;\\s*(drop|delete|truncate|alter|insert|update|create)\\s",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{4,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"';]{1,64}@[A-Za-z0-9.-]{1,200}\\.[A-Za-z]{2,}");

    private final Validator validator;
    private final Catalogue catalogue;
    private final Geography geography;
    private final CaseNumbers numbers;
    private final CaseRepository cases;
    private final CaseProcesses processes;
    private final DuplicateFinder duplicates;
    private final ReportLinks links;
    private final DuplicateProperties duplicateProperties;
    private final Clock clock;
    private final ZoneId zone;

    public IntakeService(Validator validator, Catalogue catalogue, Geography geography, CaseNumbers numbers,
                         CaseRepository cases, CaseProcesses processes, DuplicateFinder duplicates,
                         ReportLinks links, DuplicateProperties duplicateProperties, Clock clock,
                         @Value("${citycase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.validator = validator;
        this.catalogue = catalogue;
        this.geography = geography;
        this.numbers = numbers;
        this.cases = cases;
        this.processes = processes;
        this.duplicates = duplicates;
        this.links = links;
        this.duplicateProperties = duplicateProperties;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Accepts a report, as {@link #submit} does.
     *
     * @return the number of the new case, or of the open case the report joined as a duplicate
     * @throws InvalidInputException naming every bad field; nothing is stored then
     */
    @Transactional
    public String report(ReportRequest report) {
        return submit(report).caseNumber();
    }

    /**
     * Accepts a report: as a new case with a running process, or, for a source checked for duplicates
     * ({@code citycase.duplicates.sources}), as a duplicate linked to the open case of the same category
     * nearby that the duplicate rules name. A duplicate makes no case and no process.
     *
     * @return the number of the new case, or of the open case the report joined, and which of the two
     * @throws InvalidInputException naming every bad field, also a point outside the service area or the
     *                               pilot area; nothing is stored then
     */
    @Transactional
    public ReportOutcome submit(ReportRequest report) {
        Placed placed = validate(report);
        Instant now = clock.instant();
        Location where = placed.location();
        if (duplicateProperties.sources().contains(report.source().name())) {
            Optional<DuplicateMatch> match = duplicates.findOpenCase(placed.category().code(), report.longitude(),
                    report.latitude(), now);
            if (match.isPresent()) {
                links.link(match.get(), new LinkedReport(report.source().name(), placed.category().code(),
                        report.description().strip(), report.address().strip(), report.longitude(),
                        report.latitude(), where.gridCode(), blankToNull(report.reporterContact()), now),
                        ReportLinks.Kind.AUTOMATIC, null);
                LOG.info("Report of {} joined case {} as a duplicate, {} m away", placed.category().code(),
                        match.get().caseNumber(), Math.round(match.get().distanceMeters()));
                return ReportOutcome.duplicateOf(match.get().caseNumber());
            }
        }
        String caseNumber = numbers.next(LocalDate.ofInstant(now, zone));
        List<String> photos = report.photoUrls() == null ? List.of() : report.photoUrls();
        cases.insert(new NewCase(caseNumber, report.source().name(), placed.category().code(),
                report.description().strip(), report.address().strip(), report.longitude(), report.latitude(),
                where.districtCode(), where.streetCode(), where.communityCode(), where.gridCode(),
                Boolean.TRUE.equals(report.urgent()), blankToNull(report.reporterContact()), photos, now));
        String processInstanceId = processes.start(caseNumber, variables(caseNumber, report, placed, photos));
        cases.linkProcess(caseNumber, processInstanceId);
        LOG.info("Case {} reported: {} {} in grid {} of {}", caseNumber, report.source(),
                placed.category().code(), where.gridCode(), where.districtCode());
        return ReportOutcome.newCase(caseNumber);
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
        addIfCode(problems, "description", report.description());
        addIfCode(problems, "address", report.address());
        String contact = report.reporterContact();
        if (contact != null && !contact.isBlank()
                && problems.stream().noneMatch(p -> p.field().equals("reporterContact"))
                && !PHONE.matcher(contact.strip()).matches() && !EMAIL.matcher(contact.strip()).matches()) {
            problems.add(new FieldProblem("reporterContact", "must be a phone number or an e-mail address"));
        }
        Location location = null;
        if (finite(report.longitude()) && finite(report.latitude()) && problems.stream()
                .noneMatch(p -> p.field().equals("longitude") || p.field().equals("latitude"))) {
            try {
                location = geography.place(report.longitude(), report.latitude());
            } catch (OutsideServiceAreaException e) {
                problems.add(new FieldProblem("longitude/latitude", e.getMessage()));
            }
        } else {
            addNotFinite(problems, "longitude", report.longitude());
            addNotFinite(problems, "latitude", report.latitude());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Placed(category.orElseThrow(), location);
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
        variables.put(Var.DISTRICT_CODE, placed.location().districtCode());
        if (placed.location().gridSupervisor() != null) {
            variables.put(Var.GRID_SUPERVISOR, placed.location().gridSupervisor());
        }
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

    private static void addIfCode(List<FieldProblem> problems, String field, String text) {
        if (text != null && CODE.matcher(text).find() && problems.stream().noneMatch(p -> p.field().equals(field))) {
            problems.add(new FieldProblem(field, "must be plain text, without HTML markup or code"));
        }
    }

    private static boolean finite(Double value) {
        return value != null && Double.isFinite(value);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private record Placed(Category category, Location location) {
    }
}
