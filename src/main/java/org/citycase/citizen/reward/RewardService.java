package org.citycase.citizen.reward;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.citycase.citizen.reward.RewardLedger.BlacklistEntry;
import org.citycase.citizen.reward.RewardLedger.DayTotal;
import org.citycase.citizen.reward.RewardLedger.RewardedCase;
import org.citycase.web.ConflictException;
import org.citycase.web.FieldProblem;
import org.citycase.web.InvalidInputException;
import org.citycase.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rewards the first valid report of a problem (全民城管有奖举报) once its case is registered: the amount
 * per category comes from the reward table, limited by a monthly cap per reporter; blacklisted reporters
 * earn nothing. Only reports that opened a case can be registered, so a duplicate linked to an existing
 * case never earns anything. The ledger counts by the city's local day and is paid by month.
 *
 * <p>Reporters are known by their contact, which is personal data: it is never logged, and the ledger
 * keeps a salted hash of it (see {@link ReporterKeys}).
 */
@Service
public class RewardService {

    private static final Logger LOG = LoggerFactory.getLogger(RewardService.class);
    static final int MAX_REASON = 500;
    static final int MAX_CONTACT = 100;

    private final RewardLedger ledger;
    private final RewardRules rules;
    private final ReporterKeys keys;
    private final RewardProperties properties;
    private final Clock clock;
    private final ZoneId zone;

    public RewardService(RewardLedger ledger, RewardRules rules, ReporterKeys keys, RewardProperties properties,
                         Clock clock, @Value("${citycase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.ledger = ledger;
        this.rules = rules;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Records the reward of a case that has just been registered (立案), in the caller's transaction.
     *
     * @return the ledger entry; empty when the case earns no reward at all: not from a rewarded source,
     *         no reporter contact, or already rewarded
     */
    @Transactional
    public Optional<RewardEntry> caseRegistered(String caseNumber) {
        Optional<RewardedCase> found = ledger.rewardedCase(caseNumber)
                .filter(c -> properties.sources().contains(c.source()))
                .filter(c -> c.reporterContact() != null && !c.reporterContact().isBlank())
                .filter(c -> !ledger.hasEntry(c.id()));
        if (found.isEmpty()) {
            LOG.debug("Case {} earns no reward", caseNumber);
            return Optional.empty();
        }
        RewardedCase rewarded = found.get();
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, zone);
        YearMonth month = YearMonth.from(day);
        String reporter = keys.keyOf(rewarded.reporterContact());
        long decided = fen(rewarded.categoryCode());
        long granted;
        RewardOutcome outcome;
        if (ledger.isBlacklisted(reporter)) {
            granted = 0;
            outcome = RewardOutcome.BLACKLISTED;
        } else {
            long room = Math.max(0, capFen() - ledger.lockedMonthTotal(reporter, month));
            granted = Math.min(decided, room);
            outcome = granted == decided ? RewardOutcome.GRANTED : RewardOutcome.CAPPED;
            ledger.addToMonthTotal(reporter, month, granted);
        }
        ledger.insertEntry(rewarded.id(), reporter, day, rewarded.categoryCode(), decided, granted, outcome, now);
        LOG.info("Case {} registered: its reporter earns {} fen ({})", caseNumber, granted, outcome);
        return Optional.of(new RewardEntry(caseNumber, reporter, day, rewarded.categoryCode(), decided, granted,
                outcome));
    }

    /** The reward entry of a case, empty when it earned none. */
    public Optional<RewardEntry> entryOf(String caseNumber) {
        return ledger.entryOf(caseNumber);
    }

    /** The month's ledger per reporter with daily subtotals; contacts are masked. */
    public MonthReport month(YearMonth month) {
        Map<String, List<DayTotal>> byReporter = new LinkedHashMap<>();
        for (DayTotal day : ledger.dayTotals(month)) {
            byReporter.computeIfAbsent(day.reporterKey(), k -> new ArrayList<>()).add(day);
        }
        List<ReporterMonth> reporters = byReporter.values().stream().map(RewardService::reporterMonth).toList();
        long payable = reporters.stream().filter(r -> !r.blacklisted()).mapToLong(r -> fen(r.totalYuan())).sum();
        return new MonthReport(month.toString(), properties.monthlyCap().setScale(2, RoundingMode.HALF_UP),
                yuan(payable), reporters);
    }

    /**
     * The month's payout list: one line per reporter with something to be paid, blacklisted reporters left
     * out. Holds the reporters' full contacts, which the payment needs.
     */
    public List<Payout> payouts(YearMonth month) {
        Map<String, List<DayTotal>> byReporter = new LinkedHashMap<>();
        for (DayTotal day : ledger.dayTotals(month)) {
            byReporter.computeIfAbsent(day.reporterKey(), k -> new ArrayList<>()).add(day);
        }
        return byReporter.values().stream()
                .filter(days -> !days.get(0).blacklisted())
                .map(days -> new Payout(days.get(0).reporterKey(), days.get(0).contact(),
                        days.stream().mapToInt(DayTotal::entries).sum(),
                        yuan(days.stream().mapToLong(DayTotal::grantedFen).sum())))
                .filter(payout -> payout.amountYuan().signum() > 0)
                .toList();
    }

    /**
     * Puts a reporter on the blacklist; their later registered reports earn nothing, and the month's
     * payout list leaves them out.
     *
     * @throws InvalidInputException when the contact or the reason is blank or too long
     * @throws ConflictException     when the reporter is already listed
     */
    @Transactional
    public BlacklistEntry blacklist(String reporterContact, String reason) {
        List<FieldProblem> problems = new ArrayList<>();
        if (reporterContact == null || reporterContact.isBlank() || reporterContact.length() > MAX_CONTACT) {
            problems.add(new FieldProblem("reporterContact",
                    "is required, at most " + MAX_CONTACT + " characters"));
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "is required, at most " + MAX_REASON
                    + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String key = keys.keyOf(reporterContact);
        if (!ledger.addToBlacklist(key, reason.strip(), clock.instant())) {
            throw new ConflictException("The reporter " + key + " is already on the blacklist");
        }
        LOG.info("Reporter {} put on the reward blacklist", key);
        return ledger.blacklist().stream().filter(e -> e.reporterKey().equals(key)).findFirst().orElseThrow();
    }

    /**
     * Takes a reporter off the blacklist.
     *
     * @throws NotFoundException when the key is not listed
     */
    @Transactional
    public void unlist(String reporterKey) {
        if (!ledger.removeFromBlacklist(reporterKey)) {
            throw new NotFoundException("No reporter with the key '" + reporterKey + "' is on the blacklist");
        }
        LOG.info("Reporter {} taken off the reward blacklist", reporterKey);
    }

    /** The blacklisted reporters, by key only. */
    public List<BlacklistEntry> blacklist() {
        return ledger.blacklist();
    }

    private long fen(String categoryCode) {
        BigDecimal amount = rules.amountFor(categoryCode);
        if (amount == null || amount.signum() < 0) {
            LOG.warn("The reward table gives {} for category {}; granting nothing", amount, categoryCode);
            return 0;
        }
        return fen(amount);
    }

    private long capFen() {
        return fen(properties.monthlyCap());
    }

    private static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    private static ReporterMonth reporterMonth(List<DayTotal> days) {
        DayTotal first = days.get(0);
        List<ReporterDay> daily = days.stream()
                .map(d -> new ReporterDay(d.day(), d.entries(), yuan(d.grantedFen()))).toList();
        return new ReporterMonth(first.reporterKey(), ReporterKeys.mask(first.contact()), first.blacklisted(),
                days.stream().mapToInt(DayTotal::entries).sum(),
                yuan(days.stream().mapToLong(DayTotal::grantedFen).sum()), daily);
    }

    /**
     * A month of rewards.
     *
     * @param monthlyCapYuan the cap per reporter, in yuan
     * @param payableYuan    the month's total to pay, blacklisted reporters left out, in yuan
     */
    public record MonthReport(String month, BigDecimal monthlyCapYuan, BigDecimal payableYuan,
                              List<ReporterMonth> reporters) {
    }

    /**
     * One reporter's month.
     *
     * @param reporter      the masked contact, e.g. {@code 138****0000}
     * @param firstReports  registered first reports, each a ledger entry
     * @param totalYuan     the amount granted, in yuan
     */
    public record ReporterMonth(String reporterKey, String reporter, boolean blacklisted, int firstReports,
                                BigDecimal totalYuan, List<ReporterDay> days) {
    }

    /** One reporter's day: registered first reports and the amount granted, in yuan. */
    public record ReporterDay(LocalDate day, int firstReports, BigDecimal amountYuan) {
    }

    /** One line of the payout list; {@code reporterContact} is personal data. */
    public record Payout(String reporterKey, String reporterContact, int firstReports, BigDecimal amountYuan) {
    }
}
