package org.citycase.citizen.open311;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads cases as Open311 service requests, straight from the case file's tables. Reads no personal data:
 * the reporter's contact is not selected.
 */
@Repository
class ServiceRequestRows {

    private static final String SELECT = """
            select c.case_number, c.status, c.category_code, c.description, c.address, c.longitude, c.latitude,
                c.department_code, c.end_reason, c.reported_at, c.ended_at,
                (select max(s.stage_name) from case_stage s where s.case_id = c.id and s.ended_at is null)
                    as open_stage,
                (select max(s.due_at) from case_stage s where s.case_id = c.id and s.stage = 'handle')
                    as handle_due,
                (select max(coalesce(s.ended_at, s.started_at)) from case_stage s where s.case_id = c.id)
                    as last_step,
                (select p.url from case_photo p where p.case_id = c.id and p.photo_index = 0) as media_url,
                (select max(o.case_number) from report_link l join city_case o on o.id = l.case_id
                    where l.linked_case_id = c.id) as duplicate_of
            from city_case c
            """;

    private final JdbcClient jdbc;

    ServiceRequestRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The requests with the given numbers in the given categories, newest first. */
    List<Row> byNumbers(Collection<String> caseNumbers, Collection<String> categories, int limit) {
        if (caseNumbers.isEmpty() || categories.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where c.case_number in (:numbers) and c.category_code in (:categories)"
                        + " order by c.reported_at desc, c.id desc fetch first " + limit + " rows only")
                .param("numbers", caseNumbers).param("categories", categories)
                .query(ServiceRequestRows::row).list();
    }

    /**
     * The requests of the given categories reported in {@code [from, to]}, newest first.
     *
     * @param open {@code true} for open cases only, {@code false} for ended ones only, {@code null} for both
     */
    List<Row> search(Collection<String> categories, Boolean open, Instant from, Instant to, int limit) {
        if (categories.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder(
                " where c.category_code in (:categories) and c.reported_at >= :from and c.reported_at <= :to");
        if (open != null) {
            where.append(open ? " and c.status = 'OPEN'" : " and c.status <> 'OPEN'");
        }
        return jdbc.sql(SELECT + where + " order by c.reported_at desc, c.id desc fetch first " + limit
                        + " rows only")
                .param("categories", categories)
                .param("from", from.atOffset(ZoneOffset.UTC)).param("to", to.atOffset(ZoneOffset.UTC))
                .query(ServiceRequestRows::row).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("case_number"), rs.getString("status"), rs.getString("category_code"),
                rs.getString("description"), rs.getString("address"), rs.getDouble("longitude"),
                rs.getDouble("latitude"), rs.getString("department_code"), rs.getString("end_reason"),
                instant(rs, "reported_at"), instant(rs, "ended_at"), rs.getString("open_stage"),
                instant(rs, "handle_due"), instant(rs, "last_step"), rs.getString("media_url"),
                rs.getString("duplicate_of"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** A case with what Open311 shows of it. */
    record Row(String caseNumber, String status, String categoryCode, String description, String address,
               double longitude, double latitude, String departmentCode, String endReason, Instant reportedAt,
               Instant endedAt, String openStage, Instant handleDue, Instant lastStep, String mediaUrl,
               String duplicateOf) {
    }
}
