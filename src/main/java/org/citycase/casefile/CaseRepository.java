package org.citycase.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the case file tables. Every write joins the caller's transaction, so a stage
 * record written from an engine listener commits or rolls back with the engine's own step.
 */
@Repository
public class CaseRepository {

    private static final String CASE_COLUMNS = """
            id, case_number, source, category_code, description, address, longitude, latitude, district_code,
            street_code, community_code, grid_code, urgent, status, stage, department_code, return_count,
            rework_count, end_reason, reported_at, ended_at, process_instance_id""";

    private final JdbcClient jdbc;

    public CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new open case with its photos and returns its id. */
    public long insert(NewCase c) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into city_case (case_number, source, category_code, description, address, longitude,
                            latitude, district_code, street_code, community_code, grid_code, urgent, reporter_contact,
                            status, reported_at)
                        values (:number, :source, :category, :description, :address, :lon, :lat, :district,
                            :street, :community, :grid, :urgent, :contact, 'OPEN', :reportedAt)""")
                .param("number", c.caseNumber()).param("source", c.source()).param("category", c.categoryCode())
                .param("description", c.description()).param("address", c.address())
                .param("lon", c.longitude()).param("lat", c.latitude()).param("district", c.districtCode())
                .param("street", c.streetCode()).param("community", c.communityCode()).param("grid", c.gridCode())
                .param("urgent", c.urgent()).param("contact", c.reporterContact())
                .param("reportedAt", utc(c.reportedAt()))
                .update(key, "id");
        long id = key.getKey().longValue();
        for (int i = 0; i < c.photoUrls().size(); i++) {
            jdbc.sql("insert into case_photo (case_id, photo_index, url) values (?, ?, ?)")
                    .params(id, i, c.photoUrls().get(i)).update();
        }
        return id;
    }

    public void linkProcess(String caseNumber, String processInstanceId) {
        jdbc.sql("update city_case set process_instance_id = ? where case_number = ?")
                .params(processInstanceId, caseNumber).update();
    }

    public Optional<CaseFile> find(String caseNumber) {
        return withPhotos(jdbc.sql("select " + CASE_COLUMNS + " from city_case where case_number = ?")
                .param(caseNumber)
                .query(CaseRepository::mapRow)
                .list()).stream().findFirst();
    }

    /** The stages of a case, oldest first. */
    public List<StageRecord> stages(String caseNumber) {
        return jdbc.sql("""
                        select s.stage, s.stage_name, s.candidate_group, s.actor, s.started_at, s.due_at, s.ended_at,
                            s.result, s.department_code, s.light, s.warned_at, s.overdue_at, s.in_time
                        from case_stage s join city_case c on c.id = s.case_id
                        where c.case_number = ? order by s.started_at, s.id""")
                .param(caseNumber)
                .query((rs, n) -> new StageRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), time(rs, 5), time(rs, 6), time(rs, 7), rs.getString(8), rs.getString(9),
                        rs.getString(10) == null ? null : StageLight.valueOf(rs.getString(10)), time(rs, 11),
                        time(rs, 12), rs.getObject(13, Boolean.class)))
                .list();
    }

    /** One page of cases matching the filter, newest first. */
    public List<CaseFile> search(CaseFilter filter, int offset, int limit) {
        Where where = where(filter);
        return withPhotos(jdbc.sql("select " + CASE_COLUMNS + " from city_case" + where.sql
                        + " order by reported_at desc, id desc offset " + offset + " rows fetch next " + limit
                        + " rows only")
                .params(where.params)
                .query(CaseRepository::mapRow)
                .list());
    }

    public long count(CaseFilter filter) {
        Where where = where(filter);
        return jdbc.sql("select count(*) from city_case" + where.sql).params(where.params)
                .query(Long.class).single();
    }

    /**
     * Opens a stage record, with everything it starts with in one row.
     *
     * @param currentStage whether it becomes the case's current stage; false for a task beside the case's
     *                     flow, such as a supervision task (督办)
     */
    public void stageStarted(OpenedStage opened, boolean currentStage) {
        jdbc.sql("""
                        insert into case_stage (case_id, stage, stage_name, task_id, candidate_group, assignee,
                            started_at, due_at, department_code, light, warned_at, overdue_at)
                        select id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from city_case where case_number = ?""")
                .params(opened.stage(), opened.stageName(), opened.taskId(), opened.candidateGroup(),
                        opened.assignee(), utc(opened.startedAt()), utc(opened.dueAt()), opened.departmentCode(),
                        opened.light() == null ? null : opened.light().name(), utc(opened.warnedAt()),
                        utc(opened.overdueAt()), opened.caseNumber())
                .update();
        if (currentStage) {
            jdbc.sql("update city_case set stage = ? where case_number = ?")
                    .params(opened.stage(), opened.caseNumber()).update();
        }
    }

    /** Records who claimed the task of an open stage record; {@code null} when it was handed back. */
    public void stageAssigned(String taskId, String assignee) {
        jdbc.sql("update case_stage set assignee = ? where task_id = ? and ended_at is null")
                .params(assignee, taskId).update();
    }

    /**
     * Closes the open stage record of a completed task and judges it: in time when it ended at or before its due
     * time. No due time, no verdict.
     */
    public void stageCompleted(String taskId, String actor, Instant endedAt) {
        jdbc.sql("""
                        update case_stage set actor = ?, ended_at = ?, result = 'COMPLETED',
                            in_time = case when due_at is null then null when ? <= due_at then true else false end
                        where task_id = ? and ended_at is null""")
                .params(actor, utc(endedAt), utc(endedAt), taskId).update();
    }

    /** Closes the open stage record of a task the process removed (a cancellation, an interrupting event). */
    public void stageCancelled(String taskId, Instant endedAt) {
        jdbc.sql("update case_stage set ended_at = ?, result = 'CANCELLED' where task_id = ? and ended_at is null")
                .params(utc(endedAt), taskId).update();
    }

    public void recordDispatch(String caseNumber, String departmentCode) {
        jdbc.sql("update city_case set department_code = ? where case_number = ?")
                .params(departmentCode, caseNumber).update();
    }

    public void countReturn(String caseNumber) {
        jdbc.sql("update city_case set return_count = return_count + 1 where case_number = ?")
                .param(caseNumber).update();
    }

    public void countRework(String caseNumber) {
        jdbc.sql("update city_case set rework_count = rework_count + 1 where case_number = ?")
                .param(caseNumber).update();
    }

    /** Ends an open case; a case that has already ended keeps its first ending. */
    public void end(String caseNumber, CaseStatus status, String reason, Instant endedAt) {
        jdbc.sql("""
                        update city_case set status = ?, end_reason = ?, ended_at = ?, stage = null
                        where case_number = ? and status = 'OPEN'""")
                .params(status.name(), reason, utc(endedAt), caseNumber).update();
    }

    /** Adds their photo links to the cases of a page with one query, not one per case. */
    private List<CaseFile> withPhotos(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> photos = new HashMap<>();
        jdbc.sql("select case_id, url from case_photo where case_id in ("
                        + String.join(", ", Collections.nCopies(rows.size(), "?")) + ") order by case_id, photo_index")
                .params(rows.stream().map(Row::id).toList())
                .query(rs -> {
                    photos.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        return rows.stream().map(r -> r.file().withPhotoUrls(photos.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Row mapRow(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getLong("id"), new CaseFile(rs.getString("case_number"), rs.getString("source"),
                rs.getString("category_code"),
                rs.getString("description"), rs.getString("address"), rs.getDouble("longitude"),
                rs.getDouble("latitude"), rs.getString("district_code"), rs.getString("street_code"),
                rs.getString("community_code"), rs.getString("grid_code"), rs.getBoolean("urgent"),
                CaseStatus.valueOf(rs.getString("status")), rs.getString("stage"), rs.getString("department_code"),
                rs.getInt("return_count"), rs.getInt("rework_count"), rs.getString("end_reason"),
                time(rs, "reported_at"), time(rs, "ended_at"), rs.getString("process_instance_id"),
                List.of()));
    }

    private record Row(long id, CaseFile file) {
    }

    private static Where where(CaseFilter f) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        add(sql, params, "status = ?", f.status() == null ? null : f.status().name());
        add(sql, params, "category_code = ?", f.categoryCode());
        add(sql, params, "department_code = ?", f.departmentCode());
        add(sql, params, "reported_at >= ?", utc(f.from()));
        add(sql, params, "reported_at < ?", utc(f.to()));
        if (f.departments() != null) {
            if (f.departments().isEmpty()) {
                sql.append(sql.isEmpty() ? " where " : " and ").append("1 = 0");
            } else {
                sql.append(sql.isEmpty() ? " where " : " and ").append("department_code in (")
                        .append(String.join(", ", Collections.nCopies(f.departments().size(), "?")))
                        .append(')');
                params.addAll(f.departments().stream().sorted().toList());
            }
        }
        return new Where(sql.toString(), params);
    }

    private static void add(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(sql.isEmpty() ? " where " : " and ").append(condition);
            params.add(value);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    private static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    private record Where(String sql, List<Object> params) {
    }
}
