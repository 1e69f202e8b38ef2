package org.citycase.citizen.reward;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reward tables: one account per reporter and month (the running total the cap is checked against),
 * one entry per rewarded case with its day, and the blacklist. Amounts are in fen (0.01 yuan). Every
 * write joins the caller's transaction.
 */
@Repository
public class RewardLedger {

    private final JdbcClient jdbc;
    private final TransactionTemplate separateTransaction;

    public RewardLedger(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The facts of a case that decide its reward; empty for an unknown case number. */
    Optional<RewardedCase> rewardedCase(String caseNumber) {
        return jdbc.sql("select id, source, category_code, reporter_contact from city_case where case_number = ?")
                .param(caseNumber)
                .query((rs, n) -> new RewardedCase(rs.getLong("id"), caseNumber, rs.getString("source"),
                        rs.getString("category_code"), rs.getString("reporter_contact")))
                .optional();
    }

    boolean hasEntry(long caseId) {
        return jdbc.sql("select count(*) from reward_entry where case_id = ?").param(caseId)
                .query(Long.class).single() > 0;
    }

    /**
     * The reporter's total of the month, with the account row locked until the caller's transaction ends,
     * so two registrations of the same reporter's cases never both slip under the cap.
     */
    long lockedMonthTotal(String reporterKey, YearMonth month) {
        String sql = "select total_fen from reward_account where reporter_key = ? and reward_month = ? for update";
        Optional<Long> total = jdbc.sql(sql).params(reporterKey, month.toString()).query(Long.class).optional();
        if (total.isPresent()) {
            return total.get();
        }
        createAccount(reporterKey, month);
        return jdbc.sql(sql).params(reporterKey, month.toString()).query(Long.class).single();
    }

    void addToMonthTotal(String reporterKey, YearMonth month, long fen) {
        jdbc.sql("update reward_account set total_fen = total_fen + ? where reporter_key = ? and reward_month = ?")
                .params(fen, reporterKey, month.toString()).update();
    }

    void insertEntry(long caseId, String reporterKey, LocalDate day, String categoryCode, long decidedFen,
                     long grantedFen, RewardOutcome outcome, Instant at) {
        jdbc.sql("""
                        insert into reward_entry (case_id, reporter_key, reward_month, reward_day, category_code,
                            decided_fen, granted_fen, outcome, granted_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, reporterKey, YearMonth.from(day).toString(), day, categoryCode, decidedFen,
                        grantedFen, outcome.name(), utc(at))
                .update();
    }

    /** The month's entries summed per reporter and day, in reporter key and day order. */
    List<DayTotal> dayTotals(YearMonth month) {
        return jdbc.sql("""
                        select e.reporter_key, e.reward_day, count(*) as entries, sum(e.granted_fen) as granted,
                            max(c.reporter_contact) as contact,
                            max(case when b.reporter_key is null then 0 else 1 end) as blacklisted
                        from reward_entry e join city_case c on c.id = e.case_id
                            left join reward_blacklist b on b.reporter_key = e.reporter_key
                        where e.reward_month = ?
                        group by e.reporter_key, e.reward_day
                        order by e.reporter_key, e.reward_day""")
                .param(month.toString())
                .query((rs, n) -> new DayTotal(rs.getString("reporter_key"),
                        rs.getObject("reward_day", LocalDate.class), rs.getInt("entries"), rs.getLong("granted"),
                        rs.getString("contact"), rs.getInt("blacklisted") == 1))
                .list();
    }

    /** The entry of a case, if it earned one. */
    Optional<RewardEntry> entryOf(String caseNumber) {
        return jdbc.sql("""
                        select c.case_number, e.reporter_key, e.reward_day, e.category_code, e.decided_fen,
                            e.granted_fen, e.outcome
                        from reward_entry e join city_case c on c.id = e.case_id where c.case_number = ?""")
                .param(caseNumber)
                .query((rs, n) -> new RewardEntry(rs.getString("case_number"), rs.getString("reporter_key"),
                        rs.getObject("reward_day", LocalDate.class), rs.getString("category_code"),
                        rs.getLong("decided_fen"), rs.getLong("granted_fen"),
                        RewardOutcome.valueOf(rs.getString("outcome"))))
                .optional();
    }

    boolean isBlacklisted(String reporterKey) {
        return jdbc.sql("select count(*) from reward_blacklist where reporter_key = ?").param(reporterKey)
                .query(Long.class).single() > 0;
    }

    /** @return {@code false} when the reporter was already listed */
    boolean addToBlacklist(String reporterKey, String reason, Instant at) {
        if (isBlacklisted(reporterKey)) {
            return false;
        }
        jdbc.sql("insert into reward_blacklist (reporter_key, reason, listed_at) values (?, ?, ?)")
                .params(reporterKey, reason, utc(at)).update();
        return true;
    }

    /** @return {@code false} when the reporter was not listed */
    boolean removeFromBlacklist(String reporterKey) {
        return jdbc.sql("delete from reward_blacklist where reporter_key = ?").param(reporterKey).update() > 0;
    }

    List<BlacklistEntry> blacklist() {
        return jdbc.sql("select reporter_key, reason, listed_at from reward_blacklist order by listed_at, reporter_key")
                .query((rs, n) -> new BlacklistEntry(rs.getString("reporter_key"), rs.getString("reason"),
                        rs.getObject("listed_at", OffsetDateTime.class)))
                .list();
    }

    /**
     * Creates the month's account in a transaction of its own: on PostgreSQL a failed insert would abort
     * the caller's transaction, and another registration may create the same row at the same moment.
     */
    private void createAccount(String reporterKey, YearMonth month) {
        try {
            separateTransaction.executeWithoutResult(status -> jdbc
                    .sql("insert into reward_account (reporter_key, reward_month, total_fen) values (?, ?, 0)")
                    .params(reporterKey, month.toString()).update());
        } catch (DuplicateKeyException createdByAnother) {
            // the row exists now, which is all that is needed
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A case as the reward scheme sees it; {@code reporterContact} is personal data. */
    record RewardedCase(long id, String caseNumber, String source, String categoryCode, String reporterContact) {
    }

    /** One reporter's entries of one day; {@code contact} is personal data. */
    record DayTotal(String reporterKey, LocalDate day, int entries, long grantedFen, String contact,
                    boolean blacklisted) {
    }

    /**
     * A reporter on the blacklist, known only by key.
     *
     * @param reason why the reporter was listed, e.g. fabricated reports
     */
    public record BlacklistEntry(String reporterKey, String reason, OffsetDateTime listedAt) {
    }
}
