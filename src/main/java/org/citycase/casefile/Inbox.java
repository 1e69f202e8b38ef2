package org.citycase.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The open tasks of groups as the case file records them, soonest due first, tasks without a time limit
 * last. The engine's task query answers the same question through its identity links and per-task
 * authorizations, which PostgreSQL plans badly once a city has many open tasks; here it is one range of
 * {@code ix_case_stage_inbox}.
 */
@Repository
public class Inbox {

    private final JdbcClient jdbc;

    public Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of the open tasks of the groups.
     *
     * @param dueBefore when not {@code null}, only tasks due before this instant
     */
    public List<InboxItem> page(Collection<String> groups, Instant dueBefore, int offset, int limit) {
        if (groups.isEmpty()) {
            return List.of();
        }
        Where where = where(groups, dueBefore);
        // ended_at is null on every row, so ordering by it first changes nothing but lets PostgreSQL read the
        // index in order instead of sorting the group's whole range
        return jdbc.sql("""
                        select s.task_id, c.case_number, s.stage, s.stage_name, s.candidate_group, s.department_code,
                            s.assignee, c.category_code, c.address, c.district_code, c.urgent, s.started_at,
                            s.due_at, s.light
                        from case_stage s join city_case c on c.id = s.case_id"""
                        + where.sql + " order by s.ended_at, s.due_at nulls last, s.id offset " + offset
                        + " rows fetch next " + limit + " rows only")
                .params(where.params)
                .query(Inbox::item)
                .list();
    }

    /** How many open tasks the groups have. */
    public long count(Collection<String> groups, Instant dueBefore) {
        if (groups.isEmpty()) {
            return 0;
        }
        Where where = where(groups, dueBefore);
        return jdbc.sql("select count(*) from case_stage s" + where.sql).params(where.params)
                .query(Long.class).single();
    }

    private static Where where(Collection<String> groups, Instant dueBefore) {
        List<Object> params = new ArrayList<>(groups.stream().sorted().toList());
        StringBuilder sql = new StringBuilder(" where s.candidate_group in (")
                .append(String.join(", ", Collections.nCopies(groups.size(), "?")))
                .append(") and s.ended_at is null");
        if (dueBefore != null) {
            sql.append(" and s.due_at < ?");
            params.add(dueBefore.atOffset(ZoneOffset.UTC));
        }
        return new Where(sql.toString(), params);
    }

    private static InboxItem item(ResultSet rs, int row) throws SQLException {
        String light = rs.getString("light");
        return new InboxItem(rs.getString("task_id"), rs.getString("case_number"), rs.getString("stage"),
                rs.getString("stage_name"), rs.getString("candidate_group"), rs.getString("department_code"),
                rs.getString("assignee"), rs.getString("category_code"), rs.getString("address"),
                rs.getString("district_code"), rs.getBoolean("urgent"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("due_at", OffsetDateTime.class),
                light == null ? null : StageLight.valueOf(light));
    }

    private record Where(String sql, List<Object> params) {
    }
}
