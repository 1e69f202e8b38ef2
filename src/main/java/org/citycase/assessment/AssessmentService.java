package org.citycase.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.citycase.assessment.AssessmentQueries.AreaCounts;
import org.citycase.assessment.AssessmentQueries.DispatchCounts;
import org.citycase.assessment.AssessmentQueries.HandlingCounts;
import org.citycase.assessment.AssessmentQueries.RegistrationCounts;
import org.citycase.assessment.AssessmentQueries.RunCounts;
import org.citycase.catalogue.Catalogue;
import org.citycase.catalogue.District;
import org.citycase.citizen.Geography;
import org.citycase.engine.CaseLifecycle.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Assesses a level for a period: counts from the case file's aggregate queries, percentages from the counts,
 * composite scores by the weights table, grades by the grades table, and ranks. The definitions of every indicator
 * are in README ("Assessment") and on {@link AssessmentQueries}.
 *
 * <p>Two anchors place facts in a period. Stage runs count in the period in which their deadline falls (a
 * department's handling runs; people's acceptances, verifications, registrations, dispatches, checks and
 * closures), so that nothing counts before it could be late. Cases count in the period in which they were
 * reported (districts, streets, and the reports of supervisors). Either way the period is judged at its end.
 */
@Service
public class AssessmentService {

    private final AssessmentQueries queries;
    private final ScoringRules rules;
    private final ManualScores manualScores;
    private final DepositProperties deposits;
    private final Catalogue catalogue;
    private final Geography geography;
    private final PersonNames people;
    private final Clock clock;
    private final ZoneId zone;

    public AssessmentService(AssessmentQueries queries, ScoringRules rules, ManualScores manualScores,
                             DepositProperties deposits, Catalogue catalogue, Geography geography, PersonNames people,
                             Clock clock, @Value("${citycase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.queries = queries;
        this.rules = rules;
        this.manualScores = manualScores;
        this.deposits = deposits;
        this.catalogue = catalogue;
        this.geography = geography;
        this.people = people;
        this.clock = clock;
        this.zone = zone;
    }

    /** The time zone whose local midnights bound periods. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Assesses one level for one period.
     *
     * @return every unit of the level (all departments, districts and streets; the people who did work in the
     *         period), best first
     * @throws IllegalStateException when the weights table weighs an indicator the level does not have, or the
     *                               grades table leaves a score without a grade
     */
    public Assessment assess(AssessmentLevel level, Period period) {
        Instant until = period.until(clock.instant());
        List<UnitFigures> figures = figures(level, period.from(), until);
        List<Weight> weights = weightsOf(level.id(), Indicators.of(level));
        Map<String, BigDecimal> scores = new HashMap<>();
        figures.forEach(unit -> scores.put(unit.code(), Scores.score(unit.percents(), weights)));
        Map<String, AssessedUnit.Combined> combined = Map.of();
        List<Weight> combinedWeights = List.of();
        if (level == AssessmentLevel.DISTRICT) {
            combinedWeights = weightsOf(Indicators.COMBINED_LEVEL, Indicators.COMBINED);
            combined = combine(period, scores, combinedWeights);
        }
        List<AssessedUnit> units = new ArrayList<>();
        for (Scores.Ranked<UnitFigures> ranked : Scores.rank(figures, unit -> scores.get(unit.code()),
                UnitFigures::code)) {
            UnitFigures unit = ranked.item();
            BigDecimal score = scores.get(unit.code());
            units.add(new AssessedUnit(unit.code(), unit.name(), shown(level, unit), score, gradeOf(score),
                    ranked.rank(), combined.get(unit.code())));
        }
        return new Assessment(level.id(), level.label(), period.label(), local(period.from()), local(period.to()),
                local(until), period.runningAt(clock.instant()), Indicators.of(level), weights, combinedWeights,
                units);
    }

    /**
     * Settles every district's deposit by its combined score of the year.
     *
     * @param year a calendar year; while it runs, the settlement is provisional
     * @return one line per district of the catalogue, in code order
     */
    public DepositReport deposits(int year) {
        Period period = Period.year(year, zone);
        Assessment districts = assess(AssessmentLevel.DISTRICT, period);
        Map<String, AssessedUnit> byCode = districts.units().stream()
                .collect(Collectors.toMap(AssessedUnit::code, Function.identity()));
        List<DepositReport.Line> lines = new ArrayList<>();
        for (District district : catalogue.districts()) {
            AssessedUnit unit = byCode.get(district.code());
            BigDecimal score = unit == null || unit.combined() == null ? null : unit.combined().score();
            BigDecimal amount = deposits.amounts().getOrDefault(district.code(), BigDecimal.ZERO);
            lines.add(new DepositReport.Line(district.code(), district.name(),
                    Deposits.settle(amount, score, deposits)));
        }
        return new DepositReport(year, districts.provisional(), deposits.threshold(), deposits.rewardPerPoint(),
                deposits.deductionPerPoint(), lines);
    }

    // ------------------------------------------------------------------ figures by level

    private List<UnitFigures> figures(AssessmentLevel level, Instant from, Instant until) {
        return switch (level) {
            case DEPARTMENT -> departments(from, until);
            case DISTRICT -> areas(queries.reportedCases(from, until), AreaCounts::districtCode, districtNames());
            case STREET -> areas(queries.reportedCases(from, until), AreaCounts::streetCode, streetNames());
            case SUPERVISOR -> supervisors(from, until);
            case OPERATOR -> operators(from, until);
            case SHIFT_LEADER -> shiftLeaders(from, until);
            case DISPATCHER -> dispatchers(from, until);
        };
    }

    private List<UnitFigures> departments(Instant from, Instant until) {
        Map<String, HandlingCounts> runs = queries.handlingRuns(from, until).stream()
                .collect(Collectors.toMap(HandlingCounts::departmentCode, Function.identity()));
        Map<String, Long> carried = queries.carriedOverdue(from, until);
        Map<String, String> names = new LinkedHashMap<>();
        catalogue.departments().forEach(d -> names.put(d.code(), d.name()));
        runs.keySet().forEach(code -> names.putIfAbsent(code, code));
        carried.keySet().forEach(code -> names.putIfAbsent(code, code));
        List<UnitFigures> units = new ArrayList<>();
        names.forEach((code, name) -> {
            HandlingCounts c = runs.getOrDefault(code, new HandlingCounts(code, 0, 0, 0, 0, 0, 0, 0, 0));
            long earlier = carried.getOrDefault(code, 0L);
            long overduePending = c.due() - c.handled() + earlier;
            units.add(new UnitFigures.Builder(code, name)
                    .count(Indicators.DUE, c.due())
                    .count(Indicators.HANDLED, c.handled())
                    .count(Indicators.HANDLED_IN_TIME, c.inTime())
                    .count(Indicators.OVERDUE, c.due() - c.inTime())
                    .count(Indicators.CARRIED_OVERDUE, earlier)
                    .count(Indicators.OVERDUE_PENDING, overduePending)
                    .count(Indicators.RETURNED, c.returned())
                    .count(Indicators.REWORKED, c.reworked())
                    .count(Indicators.EXTENDED, c.extended())
                    .count(Indicators.SUSPENDED, c.suspended())
                    .count(Indicators.CLOSED, c.closed())
                    .percent(Indicators.HANDLING_RATE, c.handled(), c.due())
                    .percent(Indicators.ON_TIME_HANDLING_RATE, c.inTime(), c.due())
                    .percent(Indicators.CLOSURE_RATE, c.closed(), c.handled())
                    .percent(Indicators.REWORK_RATE, c.reworked(), c.handled())
                    .percent(Indicators.OVERDUE_RATE, c.due() - c.inTime(), c.due())
                    .percent(Indicators.OVERDUE_PENDING_RATE, overduePending, c.due() + earlier)
                    .percent(Indicators.EXTENSION_RATE, c.extended(), c.due())
                    .build());
        });
        return units;
    }

    private static List<UnitFigures> areas(List<AreaCounts> rows, Function<AreaCounts, String> key,
                                           Map<String, String> names) {
        Map<String, AreaTotal> totals = new HashMap<>();
        rows.stream().filter(row -> key.apply(row) != null)
                .forEach(row -> totals.computeIfAbsent(key.apply(row), k -> new AreaTotal()).add(row));
        Map<String, String> units = new LinkedHashMap<>(names);
        totals.keySet().stream().sorted().forEach(code -> units.putIfAbsent(code, code));
        List<UnitFigures> figures = new ArrayList<>();
        units.forEach((code, name) -> {
            AreaTotal t = totals.getOrDefault(code, new AreaTotal());
            long dueToClose = t.registered - t.cancelled - t.suspended;
            figures.add(new UnitFigures.Builder(code, name)
                    .count(Indicators.REPORTS, t.reports)
                    .count(Indicators.REGISTERED, t.registered)
                    .count(Indicators.CANCELLED, t.cancelled)
                    .count(Indicators.SUSPENDED, t.suspended)
                    .count(Indicators.DUE_TO_CLOSE, dueToClose)
                    .count(Indicators.CLOSED, t.closed)
                    .count(Indicators.CLOSED_IN_TIME, t.closedInTime)
                    .count(Indicators.PUBLIC_FIRST, t.publicFirst)
                    .percent(Indicators.CLOSURE_RATE, t.closed, dueToClose)
                    .percent(Indicators.ON_TIME_CLOSURE_RATE, t.closedInTime, dueToClose)
                    .percent(Indicators.PUBLIC_FIRST_RATE, t.publicFirst, t.registered)
                    .build());
        });
        return figures;
    }

    /**
     * Supervisors answer for the unit grids the grid assignment gives them: the reports and the public's first
     * reports of their grids, and the verifications and checks there that nobody completed by the period's end
     * (those tasks are assigned to the grid's supervisor). A verification or check that someone completed counts
     * for the one who completed it.
     */
    private List<UnitFigures> supervisors(Instant from, Instant until) {
        Map<String, SupervisorTotal> byPerson = new TreeMap<>();
        geography.gridSupervisors().forEach(user -> byPerson.put(user, new SupervisorTotal()));
        for (AreaCounts row : queries.reportedCases(from, until)) {
            geography.supervisorOfGrid(row.gridCode()).ifPresent(user -> {
                SupervisorTotal t = byPerson.computeIfAbsent(user, u -> new SupervisorTotal());
                t.reports += row.supervisorReports();
                t.validReports += row.validSupervisorReports();
                t.publicFirst += row.publicFirst();
            });
        }
        for (RunCounts row : queries.peoplesRuns(from, until)) {
            boolean verify = Task.VERIFY.equals(row.stage());
            if (!verify && !Task.CHECK.equals(row.stage())) {
                continue;
            }
            String user = row.doneBy() != null ? row.doneBy() : geography.supervisorOfGrid(row.gridCode()).orElse(null);
            if (user != null) {
                SupervisorTotal t = byPerson.computeIfAbsent(user, u -> new SupervisorTotal());
                if (verify) {
                    t.verifications += row.runs();
                    t.verificationsInTime += row.inTime();
                } else {
                    t.checks += row.runs();
                    t.checksInTime += row.inTime();
                }
            }
        }
        List<UnitFigures> units = new ArrayList<>();
        byPerson.forEach((user, t) -> units.add(new UnitFigures.Builder(user, people.nameOf(user))
                .count(Indicators.REPORTS, t.reports)
                .count(Indicators.VALID_REPORTS, t.validReports)
                .count(Indicators.PUBLIC_FIRST, t.publicFirst)
                .count(Indicators.VERIFICATIONS, t.verifications)
                .count(Indicators.VERIFICATIONS_IN_TIME, t.verificationsInTime)
                .count(Indicators.CHECKS, t.checks)
                .count(Indicators.CHECKS_IN_TIME, t.checksInTime)
                .percent(Indicators.VALID_REPORT_RATE, t.validReports, t.reports)
                .percent(Indicators.MISS_RATE, t.publicFirst, t.validReports + t.publicFirst)
                .percent(Indicators.ON_TIME_VERIFICATION_RATE, t.verificationsInTime, t.verifications)
                .percent(Indicators.ON_TIME_CHECK_RATE, t.checksInTime, t.checks)
                .build()));
        return units;
    }

    private List<UnitFigures> operators(Instant from, Instant until) {
        Map<String, Completed> byPerson = completedRuns(queries.peoplesRuns(from, until), Task.ACCEPT);
        long most = byPerson.values().stream().mapToLong(Completed::runs).max().orElse(0);
        List<UnitFigures> units = new ArrayList<>();
        byPerson.forEach((user, c) -> units.add(new UnitFigures.Builder(user, people.nameOf(user))
                .count(Indicators.ACCEPTANCES, c.runs())
                .count(Indicators.ACCEPTANCES_IN_TIME, c.inTime())
                .percent(Indicators.ON_TIME_ACCEPTANCE_RATE, c.inTime(), c.runs())
                .percent(Indicators.ACCEPTANCE_VOLUME, c.runs(), most)
                .build()));
        return units;
    }

    private List<UnitFigures> shiftLeaders(Instant from, Instant until) {
        Map<String, RegistrationCounts> registrations = queries.registrations(from, until).stream()
                .collect(Collectors.toMap(RegistrationCounts::actor, Function.identity()));
        Map<String, Completed> closures = completedRuns(queries.peoplesRuns(from, until), Task.CLOSE);
        Set<String> users = new TreeSet<>(registrations.keySet());
        users.addAll(closures.keySet());
        List<UnitFigures> units = new ArrayList<>();
        for (String user : users) {
            RegistrationCounts r = registrations.getOrDefault(user, new RegistrationCounts(user, 0, 0, 0, 0));
            Completed c = closures.getOrDefault(user, new Completed(0, 0));
            long accurate = r.registered() - r.cancelled();
            units.add(new UnitFigures.Builder(user, people.nameOf(user))
                    .count(Indicators.REGISTRATIONS, r.decisions())
                    .count(Indicators.REGISTRATIONS_IN_TIME, r.inTime())
                    .count(Indicators.REGISTERED, r.registered())
                    .count(Indicators.CANCELLED, r.cancelled())
                    .count(Indicators.ACCURATE_REGISTRATIONS, accurate)
                    .count(Indicators.CLOSURES, c.runs())
                    .count(Indicators.CLOSURES_IN_TIME, c.inTime())
                    .percent(Indicators.ON_TIME_REGISTRATION_RATE, r.inTime(), r.decisions())
                    .percent(Indicators.REGISTRATION_ACCURACY, accurate, r.registered())
                    .percent(Indicators.ON_TIME_CLOSURE_RATE, c.inTime(), c.runs())
                    .build());
        }
        return units;
    }

    private List<UnitFigures> dispatchers(Instant from, Instant until) {
        List<DispatchCounts> rows = queries.dispatches(from, until).stream()
                .sorted(Comparator.comparing(DispatchCounts::actor)).toList();
        long most = rows.stream().mapToLong(DispatchCounts::dispatches).max().orElse(0);
        List<UnitFigures> units = new ArrayList<>();
        for (DispatchCounts d : rows) {
            long accurate = d.dispatches() - d.misdirected();
            units.add(new UnitFigures.Builder(d.actor(), people.nameOf(d.actor()))
                    .count(Indicators.DISPATCHES, d.dispatches())
                    .count(Indicators.DISPATCHES_IN_TIME, d.inTime())
                    .count(Indicators.MISDIRECTED, d.misdirected())
                    .count(Indicators.ACCURATE_DISPATCHES, accurate)
                    .percent(Indicators.ON_TIME_DISPATCH_RATE, d.inTime(), d.dispatches())
                    .percent(Indicators.DISPATCH_ACCURACY, accurate, d.dispatches())
                    .percent(Indicators.DISPATCH_VOLUME, d.dispatches(), most)
                    .build());
        }
        return units;
    }

    /** Completed runs of one stage by the person who completed them. */
    private static Map<String, Completed> completedRuns(List<RunCounts> rows, String stage) {
        Map<String, Completed> byPerson = new TreeMap<>();
        rows.stream().filter(row -> stage.equals(row.stage()) && row.doneBy() != null).forEach(row ->
                byPerson.merge(row.doneBy(), new Completed(row.runs(), row.inTime()),
                        (a, b) -> new Completed(a.runs() + b.runs(), a.inTime() + b.inTime())));
        return byPerson;
    }

    /** Runs a person completed, and how many of them in time. */
    private record Completed(long runs, long inTime) {
    }

    // ------------------------------------------------------------------ scores

    private List<Weight> weightsOf(String level, List<Indicator> indicators) {
        Set<String> percentages = indicators.stream().filter(i -> i.kind() == Indicator.Kind.PERCENT)
                .map(Indicator::id).collect(Collectors.toSet());
        List<Weight> weights = rules.weights(level);
        weights.stream().filter(w -> !percentages.contains(w.indicator())).findFirst().ifPresent(w -> {
            throw new IllegalStateException("The weights table weighs '" + w.indicator() + "' for level '" + level
                    + "', which has no such percentage; it has " + new TreeSet<>(percentages));
        });
        return weights;
    }

    private String gradeOf(BigDecimal score) {
        return score == null ? null : rules.grade(score);
    }

    /**
     * The city-wide combination of each district: its case-based score with the means of the special and on-site
     * scores of the months that start in the period.
     */
    private Map<String, AssessedUnit.Combined> combine(Period period, Map<String, BigDecimal> caseScores,
                                                       List<Weight> weights) {
        LocalDate firstDay = LocalDate.ofInstant(period.from(), zone);
        LocalDate end = LocalDate.ofInstant(period.to(), zone);
        YearMonth first = YearMonth.from(firstDay).plusMonths(firstDay.getDayOfMonth() == 1 ? 0 : 1);
        YearMonth last = YearMonth.from(end.minusDays(1));
        Map<String, ManualScores.Means> manual = first.isAfter(last) ? Map.of() : manualScores.means(first, last);
        Map<String, BigDecimal> combinedScores = new HashMap<>();
        for (District district : catalogue.districts()) {
            ManualScores.Means means = manual.getOrDefault(district.code(), new ManualScores.Means(null, null));
            Map<String, BigDecimal> parts = new HashMap<>();
            parts.put(Indicators.CASE_SCORE, caseScores.get(district.code()));
            parts.put(Indicators.SPECIAL_SCORE, means.specialScore());
            parts.put(Indicators.ON_SITE_SCORE, means.onSiteScore());
            combinedScores.put(district.code(), Scores.score(parts, weights));
        }
        Map<String, AssessedUnit.Combined> combined = new HashMap<>();
        List<String> codes = catalogue.districts().stream().map(District::code).toList();
        for (Scores.Ranked<String> ranked : Scores.rank(codes, combinedScores::get, Function.identity())) {
            String code = ranked.item();
            ManualScores.Means means = manual.getOrDefault(code, new ManualScores.Means(null, null));
            BigDecimal score = combinedScores.get(code);
            combined.put(code, new AssessedUnit.Combined(caseScores.get(code), means.specialScore(),
                    means.onSiteScore(), score, gradeOf(score), ranked.rank()));
        }
        return combined;
    }

    // ------------------------------------------------------------------ presentation

    private static Map<String, Object> shown(AssessmentLevel level, UnitFigures unit) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Indicator indicator : Indicators.of(level)) {
            values.put(indicator.id(), indicator.kind() == Indicator.Kind.COUNT
                    ? unit.counts().get(indicator.id()) : Scores.shown(unit.percents().get(indicator.id())));
        }
        return values;
    }

    private Map<String, String> districtNames() {
        Map<String, String> names = new LinkedHashMap<>();
        catalogue.districts().forEach(d -> names.put(d.code(), d.name()));
        return names;
    }

    private Map<String, String> streetNames() {
        return geography.streetNames();
    }

    private OffsetDateTime local(Instant instant) {
        return instant.atZone(zone).toOffsetDateTime();
    }

    /** A supervisor's reports and misses in their grids, and their verifications and checks. */
    private static final class SupervisorTotal {
        long reports;
        long validReports;
        long publicFirst;
        long verifications;
        long verificationsInTime;
        long checks;
        long checksInTime;
    }

    /** Sums of the cases of several grids. */
    private static final class AreaTotal {
        long reports;
        long registered;
        long cancelled;
        long suspended;
        long closed;
        long closedInTime;
        long publicFirst;

        void add(AreaCounts row) {
            reports += row.reports();
            registered += row.registered();
            cancelled += row.cancelled();
            suspended += row.suspended();
            closed += row.closed();
            closedInTime += row.closedInTime();
            publicFirst += row.publicFirst();
        }
    }
}
