package org.citycase.assessment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.citycase.catalogue.Catalogue;
import org.citycase.web.FieldProblem;
import org.citycase.web.InvalidInputException;
import org.citycase.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assessments and rankings (考核评价) for leaders, as JSON or as CSV (by the {@code .csv} suffix or an Accept header
 * of {@code text/csv}); the scores of special assessments and on-site inspections that administrators enter; the
 * deposits' settlement. Who may call what is in {@code SecurityConfiguration}.
 */
@RestController
@RequestMapping("/api/assessments")
public class AssessmentController {

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentController.class);
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    /** The longest range a request may cover: a leap year. */
    private static final int MAX_DAYS = 366;

    private final AssessmentService assessments;
    private final ManualScores manualScores;
    private final Catalogue catalogue;
    private final Clock clock;

    public AssessmentController(AssessmentService assessments, ManualScores manualScores, Catalogue catalogue,
                                Clock clock) {
        this.assessments = assessments;
        this.manualScores = manualScores;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * The assessment of a level for a month, as JSON, or as CSV for an Accept header that prefers {@code text/csv}.
     *
     * @param period a month, {@code yyyy-MM}
     * @param level  {@code department} (default), {@code district}, {@code street}, {@code supervisor},
     *               {@code operator}, {@code shift-leader} or {@code dispatcher}
     * @throws InvalidInputException naming {@code period} or {@code level}: answered with 400
     */
    @GetMapping("/{period}")
    public ResponseEntity<?> month(@PathVariable String period,
                                   @RequestParam(defaultValue = "department") String level,
                                   @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer(assessments.assess(level(level), monthPeriod(period)), wantsCsv(accept));
    }

    /** The same as CSV, by the suffix: {@code /api/assessments/2025-05.csv?level=district}. */
    @GetMapping("/{period}.csv")
    public ResponseEntity<?> monthCsv(@PathVariable String period,
                                      @RequestParam(defaultValue = "department") String level) {
        return answer(assessments.assess(level(level), monthPeriod(period)), true);
    }

    /**
     * The assessment of a level for a range of days, as JSON or, for an Accept header that prefers
     * {@code text/csv}, as CSV.
     *
     * @param from the first day, {@code yyyy-MM-dd}
     * @param to   the last day, included; at most 366 days after {@code from}
     * @throws InvalidInputException naming {@code from}, {@code to} or {@code level}
     */
    @GetMapping
    public ResponseEntity<?> range(@RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to,
                                   @RequestParam(defaultValue = "department") String level,
                                   @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer(assessments.assess(level(level), rangePeriod(from, to)), wantsCsv(accept));
    }

    /**
     * A district's scores of special assessments and on-site inspections for a month, as an administrator enters
     * them; an entry replaces the month's earlier one.
     *
     * @throws InvalidInputException naming {@code period}, {@code specialScore} or {@code onSiteScore}
     * @throws NotFoundException     for a district that is not in the catalogue
     */
    @PutMapping(path = "/{period}/districts/{districtCode}/manual-scores", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ManualScores.ManualScore enterManualScores(@PathVariable String period, @PathVariable String districtCode,
                                                      @RequestBody ManualScoreRequest request, Principal caller) {
        YearMonth month = month(period);
        List<FieldProblem> problems = new ArrayList<>();
        if (month != null && month.isAfter(YearMonth.now(clock.withZone(assessments.zone())))) {
            problems.add(new FieldProblem("period", "is a month that has not begun"));
        }
        checkScore(problems, "specialScore", request.specialScore());
        checkScore(problems, "onSiteScore", request.onSiteScore());
        if (request.specialScore() == null && request.onSiteScore() == null) {
            problems.add(new FieldProblem("specialScore", "or onSiteScore is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (catalogue.district(districtCode).isEmpty()) {
            throw new NotFoundException("No district has the code '" + districtCode + "'");
        }
        ManualScores.ManualScore saved = manualScores.save(districtCode, month, request.specialScore(),
                request.onSiteScore(), caller.getName(), clock.instant());
        LOG.info("Special and on-site scores of district {} for {} entered", districtCode, month);
        return saved;
    }

    /** A district's entered scores of a month; 404 when none were entered. */
    @GetMapping(path = "/{period}/districts/{districtCode}/manual-scores", produces = MediaType.APPLICATION_JSON_VALUE)
    public ManualScores.ManualScore manualScores(@PathVariable String period, @PathVariable String districtCode) {
        YearMonth month = month(period);
        return manualScores.find(districtCode, month).orElseThrow(() -> new NotFoundException(
                "No scores were entered for district '" + districtCode + "' in " + month));
    }

    /**
     * The settlement of every district's deposit by its combined score of a year.
     *
     * @param year {@code yyyy}
     */
    @GetMapping(path = "/deposits/{year}", produces = MediaType.APPLICATION_JSON_VALUE)
    public DepositReport deposits(@PathVariable String year) {
        if (!year.matches("\\d{4}")) {
            throw new InvalidInputException("year", "must be a year such as 2025");
        }
        return assessments.deposits(Integer.parseInt(year));
    }

    private static AssessmentLevel level(String level) {
        return AssessmentLevel.byId(level).orElseThrow(() -> new InvalidInputException("level", "must be one of "
                + Arrays.stream(AssessmentLevel.values()).map(AssessmentLevel::id).toList()));
    }

    private Period monthPeriod(String period) {
        return Period.month(month(period), assessments.zone());
    }

    private static YearMonth month(String period) {
        try {
            if (period.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(period);
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new InvalidInputException("period", "must be a month such as 2025-05");
    }

    private Period rangePeriod(String from, String to) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate first = day(problems, "from", from);
        LocalDate last = day(problems, "to", to);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                problems.add(new FieldProblem("to", "must not be before from"));
            } else if (first.plusDays(MAX_DAYS).isBefore(last.plusDays(1))) {
                problems.add(new FieldProblem("to", "must be at most " + MAX_DAYS + " days after from"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return Period.days(first, last, assessments.zone());
    }

    private static LocalDate day(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required, a day such as 2025-05-01"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a day such as 2025-05-01"));
            return null;
        }
    }

    private static void checkScore(List<FieldProblem> problems, String field, BigDecimal score) {
        if (score != null && (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0
                || score.stripTrailingZeros().scale() > 2)) {
            problems.add(new FieldProblem(field, "must be a score from 0 to 100 with at most two decimals"));
        }
    }

    /** Whether the Accept header ranks CSV above JSON; without one, or when it ranks them equal, JSON. */
    private static boolean wantsCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                return false;
            }
            if (type.isCompatibleWith(CSV) && !type.isWildcardType()) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<?> answer(Assessment assessment, boolean csv) {
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(assessment);
        }
        String name = "assessment-" + assessment.level() + "-" + assessment.period().replace("..", "_") + ".csv";
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(AssessmentCsv.write(assessment));
    }

    /**
     * The scores an administrator enters for a district and month, out of 100.
     *
     * @param specialScore special assessments (专项考核), or {@code null} when there was none
     * @param onSiteScore  on-site inspections (实地检查), or {@code null} when there was none
     */
    public record ManualScoreRequest(BigDecimal specialScore, BigDecimal onSiteScore) {
    }
}
