package org.citycase.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scores of special assessments (专项考核) and on-site inspections (实地检查) that an administrator enters
 * per district and month, out of 100; table {@code assessment_manual_score}.
 */
@Repository
public class ManualScores {

    private final JdbcClient jdbc;

    public ManualScores(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a district's scores of a month, replacing earlier ones.
     *
     * @param special   0 to 100, or {@code null} when there was no special assessment
     * @param onSite    0 to 100, or {@code null} when there was no on-site inspection
     * @param enteredBy the user id of the administrator
     */
    @Transactional
    public ManualScore save(String districtCode, YearMonth month, BigDecimal special, BigDecimal onSite,
                            String enteredBy, Instant at) {
        OffsetDateTime time = at.atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("""
                        update assessment_manual_score set special_score = ?, on_site_score = ?, entered_by = ?,
                            entered_at = ?
                        where district_code = ? and period_month = ?""")
                .params(special, onSite, enteredBy, time, districtCode, month.toString()).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into assessment_manual_score (district_code, period_month, special_score,
                                on_site_score, entered_by, entered_at)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(districtCode, month.toString(), special, onSite, enteredBy, time).update();
        }
        return new ManualScore(districtCode, month.toString(), special, onSite, enteredBy, time);
    }

    /** A district's scores of a month, if entered. */
    public Optional<ManualScore> find(String districtCode, YearMonth month) {
        return jdbc.sql("""
                        select district_code, period_month, special_score, on_site_score, entered_by, entered_at
                        from assessment_manual_score where district_code = ? and period_month = ?""")
                .params(districtCode, month.toString())
                .query((rs, n) -> new ManualScore(rs.getString(1), rs.getString(2), scaled(rs.getBigDecimal(3)),
                        scaled(rs.getBigDecimal(4)), rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
                .optional();
    }

    /**
     * The mean scores of each district over the months from {@code first} to {@code last}, both included; months
     * without a score of a kind are left out of that kind's mean.
     *
     * @return by district code: the means with two decimals
     */
    public Map<String, Means> means(YearMonth first, YearMonth last) {
        Map<String, Means> means = new HashMap<>();
        jdbc.sql("""
                        select district_code, avg(special_score), avg(on_site_score) from assessment_manual_score
                        where period_month >= ? and period_month <= ? group by district_code""")
                .params(first.toString(), last.toString())
                .query(rs -> {
                    means.put(rs.getString(1), new Means(scaled(rs.getBigDecimal(2)), scaled(rs.getBigDecimal(3))));
                });
        return means;
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * A district's mean scores over some months.
     *
     * @param specialScore {@code null} when no month has a special assessment
     * @param onSiteScore  {@code null} when no month has an on-site inspection
     */
    public record Means(BigDecimal specialScore, BigDecimal onSiteScore) {
    }

    /**
     * One district's entry for one month.
     *
     * @param month        {@code yyyy-MM}
     * @param specialScore out of 100, {@code null} when not assessed
     * @param onSiteScore  out of 100, {@code null} when not inspected
     */
    public record ManualScore(String districtCode, String month, BigDecimal specialScore, BigDecimal onSiteScore,
                              String enteredBy, OffsetDateTime enteredAt) {
    }
}
