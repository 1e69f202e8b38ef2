package org.citycase.casefile;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out case numbers: the reporting day ({@code yyyyMMdd}) and a running number of five digits
 * that restarts every day, e.g. {@code 2026120300042}. The counter row is locked by the update until
 * the caller's transaction ends, so two nodes never hand out the same number and a rolled-back report
 * leaves no gap.
 */
@Component
public class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final TransactionTemplate separateTransaction;

    public CaseNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The next case number of the given day; must run inside the transaction that stores the case.
     *
     * @throws IllegalStateException past 99 999 cases in one day
     */
    public String next(LocalDate day) {
        int number = increment(day);
        if (number > 99_999) {
            throw new IllegalStateException("More than 99999 cases on " + day + ": widen the case number");
        }
        return day.format(DAY) + String.format("%05d", number);
    }

    private int increment(LocalDate day) {
        int updated = jdbc.sql("update case_number_counter set last_number = last_number + 1 where counter_day = ?")
                .param(day).update();
        if (updated == 0) {
            createDay(day);
            jdbc.sql("update case_number_counter set last_number = last_number + 1 where counter_day = ?")
                    .param(day).update();
        }
        return jdbc.sql("select last_number from case_number_counter where counter_day = ?")
                .param(day).query(Integer.class).single();
    }

    /**
     * Creates the day's counter in a transaction of its own: on PostgreSQL a failed insert would
     * abort the caller's transaction, and another node may create the same row at the same moment.
     */
    private void createDay(LocalDate day) {
        try {
            separateTransaction.executeWithoutResult(status -> jdbc
                    .sql("insert into case_number_counter (counter_day, last_number) values (?, 0)")
                    .param(day).update());
        } catch (DuplicateKeyException createdByAnother) {
            // the row exists now, which is all that is needed
        }
    }
}
