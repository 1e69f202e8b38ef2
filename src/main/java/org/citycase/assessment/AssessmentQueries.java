package org.citycase.assessment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.citycase.casefile.CaseStatus;
import org.citycase.engine.CaseLifecycle.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The aggregate queries of the assessment, over the case file's stage records ({@code case_stage}) and cases
 * ({@code city_case}). Each answers a handful of rows per unit, never a row per case; the SQL runs unchanged on
 * H2 and PostgreSQL. Every query judges the period at {@code until} (its end, or now): rows that started later
 * are left out and rows that ended later count as still open.
 *
 * <p>A handling run is the department's work on a case from acknowledgement (or a rework, or a resumption) to
 * its outcome. It may span several handle tasks, since a request for more time or for suspension completes the
 * handle task and a new one follows the decision; the run's outcome and its final deadline are those of its last
 * handle task, recognised by the stage that follows it: check (handled), dispatch (returned), a decision followed
 * by a resumption task (suspended), a decision followed by another handle task (not the last), nothing (open, or
 * cancelled with the case).
 */
@Repository
public class AssessmentQueries {

    /**
     * Outcomes of the handling runs whose deadline falls in the period, by department. For each handle task due
     * in the period, lookups on the index {@code (case_id, id)} find the two stage runs that followed it and the
     * run that began its handling run, so that only the rows around the period's handle tasks are read. Each
     * {@code offset 0 rows} keeps PostgreSQL from copying these lookups into every expression that uses them.
     * Nested subqueries rather than a chain of {@code with} queries: H2 2.3 answers a chain whose later query
     * looks into an earlier one with the results of the previous parameters.
     */
    static final String HANDLING_RUNS = """
            select department_code,
                sum(case when outcome in ('HANDLED', 'PENDING') then 1 else 0 end) as due,
                sum(case when outcome = 'HANDLED' then 1 else 0 end) as handled,
                sum(case when outcome = 'HANDLED' and in_time = true then 1 else 0 end) as handled_in_time,
                sum(case when outcome = 'RETURNED' then 1 else 0 end) as returned,
                sum(case when outcome = 'HANDLED' and next2 = :handle then 1 else 0 end) as reworked,
                sum(case when outcome = 'HANDLED' and next2 = :close then 1 else 0 end) as closed,
                sum(case when outcome in ('HANDLED', 'PENDING') and due_at > first_due then 1 else 0 end)
                    as extended,
                sum(case when outcome = 'SUSPENDED' then 1 else 0 end) as suspended
            from (
                select department_code, due_at, first_due, in_time, next2,
                    case when next1 = :check then 'HANDLED'
                         when next1 = :dispatch then 'RETURNED'
                         when next1 = :approveSuspension and next2 = :resume then 'SUSPENDED'
                         when next1 in (:approveExtension, :approveExtensionByLeader, :approveSuspension)
                              and next2 = :handle then 'REQUEST'
                         when next1 is null and result_then = 'CANCELLED' then 'CANCELLED'
                         else 'PENDING' end as outcome
                from (
                    select d.department_code, d.due_at, d.in_time, d.result_then,
                        (select n.stage from case_stage n where n.id = d.next1_id) as next1,
                        (select m.stage from case_stage m
                         where m.case_id = d.case_id and m.id > d.next1_id and m.started_at < :until
                           and m.stage in (:handle, :check, :close, :dispatch, :resume,
                                           :approveExtension, :approveExtensionByLeader, :approveSuspension)
                         order by m.id fetch first 1 row only) as next2,
                        (select min(f.due_at) from case_stage f
                         where f.case_id = d.case_id and f.stage = :handle and f.id > coalesce(d.run_start, 0)
                           and f.id <= d.id) as first_due
                    from (
                        select h.id, h.case_id, h.department_code, h.due_at, h.in_time,
                            case when h.ended_at < :until then h.result end as result_then,
                            (select n.id from case_stage n
                             where n.case_id = h.case_id and n.id > h.id and n.started_at < :until
                               and n.stage in (:handle, :check, :close, :dispatch, :resume,
                                               :approveExtension, :approveExtensionByLeader, :approveSuspension)
                             order by n.id fetch first 1 row only) as next1_id,
                            (select b.id from case_stage b
                             where b.case_id = h.case_id and b.id < h.id
                               and b.stage in (:acknowledge, :check, :resume)
                             order by b.id desc fetch first 1 row only) as run_start
                        from case_stage h
                        where h.stage = :handle and h.due_at >= :from and h.due_at < :until
                          and h.department_code is not null
                        offset 0 rows
                    ) d
                    offset 0 rows
                ) followed
            ) outcomes
            group by department_code""";

    /**
     * Handling runs open at the end of the period whose deadline passed before the period began, by department.
     * {@code coalesce} on the never-null {@code started_at} keeps PostgreSQL on the deadline index: a range of the
     * start index would read every run that started before the period's end.
     */
    static final String CARRIED_OVERDUE = """
            select department_code, count(*) as carried
            from case_stage
            where stage in (:handle, :approveExtension, :approveExtensionByLeader, :approveSuspension)
              and due_at < :from and coalesce(started_at, due_at) < :until
              and (ended_at is null or ended_at >= :until)
              and department_code is not null
            group by department_code""";

    /** The cases reported in the period and what became of them, by district, street and unit grid. */
    static final String REPORTED_CASES = """
            select district_code, street_code, grid_code,
                count(*) as reports,
                sum(registered) as registered,
                sum(case when registered = 1 and cancelled = 1 then 1 else 0 end) as cancelled,
                sum(case when registered = 1 and suspended = 1 then 1 else 0 end) as suspended,
                sum(closed) as closed,
                sum(case when closed = 1 and late = 0 then 1 else 0 end) as closed_in_time,
                sum(case when registered = 1 and source in (:citizen, :hotline) then 1 else 0 end) as public_first,
                sum(case when source = :supervisor then 1 else 0 end) as supervisor_reports,
                sum(case when source = :supervisor and registered = 1 then 1 else 0 end) as valid_supervisor_reports
            from (
                select c.district_code, c.street_code, c.grid_code, c.source,
                    case when f.decided = 1 and c.status <> :notRegistered then 1 else 0 end as registered,
                    case when c.status = :cancelled and c.ended_at < :until then 1 else 0 end as cancelled,
                    coalesce(f.suspended, 0) as suspended,
                    case when c.status = :closed and c.ended_at < :until then 1 else 0 end as closed,
                    coalesce(f.late, 0) as late
                from city_case c left join (
                    select s.case_id,
                        max(case when s.stage = :register and s.result = 'COMPLETED' and s.ended_at < :until
                                 then 1 else 0 end) as decided,
                        max(case when s.stage = :resume and (s.ended_at is null or s.ended_at >= :until)
                                 then 1 else 0 end) as suspended,
                        max(case when s.in_time = false then 1 else 0 end) as late
                    from case_stage s join city_case r on r.id = s.case_id
                    where r.reported_at >= :from and r.reported_at < :until
                      and s.started_at >= :from and s.started_at < :until
                    group by s.case_id
                ) f on f.case_id = c.id
                where c.reported_at >= :from and c.reported_at < :until
            ) cases
            group by district_code, street_code, grid_code""";

    /**
     * Runs of people's stages whose deadline falls in the period, by stage and the person who completed them by the
     * period's end; runs nobody completed by then (and runs completed without a recorded person) by the case's unit
     * grid instead. Runs that ended with a cancelled case are left out. ({@code coalesce}: as above.)
     */
    static final String PEOPLES_RUNS = """
            select s.stage, s.actor as done_by, cast(null as varchar(14)) as grid_code, count(*) as runs,
                sum(case when s.in_time = true then 1 else 0 end) as in_time
            from case_stage s
            where s.stage in (:accept, :verify, :check, :close)
              and s.due_at >= :from and s.due_at < :until
              and s.result = 'COMPLETED' and s.ended_at < :until and s.actor is not null
            group by s.stage, s.actor
            union all
            select s.stage, cast(null as varchar(64)) as done_by, c.grid_code, count(*) as runs,
                sum(case when s.in_time = true then 1 else 0 end) as in_time
            from case_stage s join city_case c on c.id = s.case_id
            where s.stage in (:accept, :verify, :check, :close)
              and s.due_at >= :from and s.due_at < :until and coalesce(s.started_at, s.due_at) < :until
              and (s.ended_at is null or s.ended_at >= :until or (s.result = 'COMPLETED' and s.actor is null))
            group by s.stage, c.grid_code""";

    /** Registration decisions completed in the period's runs, by shift leader, with what became of the case. */
    static final String REGISTRATIONS = """
            select s.actor,
                count(*) as decisions,
                sum(case when s.in_time = true then 1 else 0 end) as in_time,
                sum(case when c.status <> :notRegistered then 1 else 0 end) as registered,
                sum(case when c.status = :cancelled and c.ended_at < :until then 1 else 0 end) as cancelled
            from case_stage s join city_case c on c.id = s.case_id
            where s.stage = :register and s.due_at >= :from and s.due_at < :until
              and s.result = 'COMPLETED' and s.ended_at < :until and s.actor is not null
            group by s.actor""";

    /**
     * Dispatches completed in the period's runs, by dispatcher. A dispatch went wrong when the case came back to
     * dispatch (a return) or when an on-site check later sent it back to handling (a rework: a handle task after a
     * check), before the end of the period.
     */
    static final String DISPATCHES = """
            select s.actor,
                count(*) as dispatches,
                sum(case when s.in_time = true then 1 else 0 end) as in_time,
                sum(case when exists (
                            select 1 from case_stage d where d.case_id = s.case_id and d.stage = :dispatch
                              and d.id > s.id and d.started_at < :until)
                          or exists (
                            select 1 from case_stage k join case_stage h
                                on h.case_id = k.case_id and h.stage = :handle and h.id > k.id
                            where k.case_id = s.case_id and k.stage = :check and k.id > s.id
                              and h.started_at < :until)
                         then 1 else 0 end) as misdirected
            from case_stage s
            where s.stage = :dispatch and s.due_at >= :from and s.due_at < :until
              and s.result = 'COMPLETED' and s.ended_at < :until and s.actor is not null
            group by s.actor""";

    private final JdbcClient jdbc;

    public AssessmentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Outcomes of the handling runs whose deadline falls in [from, until), by department. */
    public List<HandlingCounts> handlingRuns(Instant from, Instant until) {
        return statement(HANDLING_RUNS, from, until)
                .query((rs, n) -> new HandlingCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)))
                .list();
    }

    /** Handling runs still open at {@code until} whose deadline passed before {@code from}, by department code. */
    public Map<String, Long> carriedOverdue(Instant from, Instant until) {
        Map<String, Long> carried = new HashMap<>();
        statement(CARRIED_OVERDUE, from, until).query(rs -> {
            carried.put(rs.getString(1), rs.getLong(2));
        });
        return carried;
    }

    /** What became of the cases reported in [from, until), by district, street and grid (each may be null). */
    public List<AreaCounts> reportedCases(Instant from, Instant until) {
        return statement(REPORTED_CASES, from, until)
                .query((rs, n) -> new AreaCounts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                        rs.getLong(11), rs.getLong(12)))
                .list();
    }

    /** Runs of acceptance, verification, check and closure due in [from, until), by stage, person and grid. */
    public List<RunCounts> peoplesRuns(Instant from, Instant until) {
        return statement(PEOPLES_RUNS, from, until)
                .query((rs, n) -> new RunCounts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    /** Registration decisions of the runs due in [from, until), by shift leader. */
    public List<RegistrationCounts> registrations(Instant from, Instant until) {
        return statement(REGISTRATIONS, from, until)
                .query((rs, n) -> new RegistrationCounts(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5)))
                .list();
    }

    /** Dispatches of the runs due in [from, until), by dispatcher. */
    public List<DispatchCounts> dispatches(Instant from, Instant until) {
        return statement(DISPATCHES, from, until)
                .query((rs, n) -> new DispatchCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** A statement of one of the queries above with its parameters bound; the benchmark explains them too. */
    JdbcClient.StatementSpec statement(String sql, Instant from, Instant until) {
        Map<String, Object> names = new HashMap<>();
        names.put("from", utc(from));
        names.put("until", utc(until));
        names.put("accept", Task.ACCEPT);
        names.put("verify", Task.VERIFY);
        names.put("register", Task.REGISTER);
        names.put("dispatch", Task.DISPATCH);
        names.put("acknowledge", Task.ACKNOWLEDGE);
        names.put("handle", Task.HANDLE);
        names.put("check", Task.CHECK);
        names.put("close", Task.CLOSE);
        names.put("resume", Task.RESUME);
        names.put("approveExtension", Task.APPROVE_EXTENSION);
        names.put("approveExtensionByLeader", Task.APPROVE_EXTENSION_BY_LEADER);
        names.put("approveSuspension", Task.APPROVE_SUSPENSION);
        names.put("notRegistered", CaseStatus.NOT_REGISTERED.name());
        names.put("cancelled", CaseStatus.CANCELLED.name());
        names.put("closed", CaseStatus.CLOSED.name());
        names.put("supervisor", "SUPERVISOR");
        names.put("citizen", "CITIZEN");
        names.put("hotline", "HOTLINE");
        return jdbc.sql(sql).params(names);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * Handling runs of a department whose deadline falls in the period, by outcome at the period's end.
     *
     * @param due        runs handled or still open (returned, suspended and cancelled runs are not due)
     * @param handled    runs the department reported handled, which went to the on-site check
     * @param inTime     handled runs completed by their deadline
     * @param returned   runs that ended with a return (回退)
     * @param reworked   handled runs that the check sent back (返工)
     * @param closed     handled runs that the check found fixed, after which the case closes
     * @param extended   due runs whose deadline an approved extension moved (延期)
     * @param suspended  runs that ended with an approved suspension (挂账)
     */
    public record HandlingCounts(String departmentCode, long due, long handled, long inTime, long returned,
                                 long reworked, long closed, long extended, long suspended) {
    }

    /**
     * Cases reported in the period in one unit grid (or street or district, for cases outside every grid).
     *
     * @param registered             reports registered by the period's end (立案)
     * @param cancelled              registered cases cancelled by then (作废)
     * @param suspended              registered cases suspended at the period's end (挂账)
     * @param closedInTime           closed cases none of whose time-limited stage runs was late
     * @param publicFirst            registered cases that citizens or the hotline reported (no supervisor first)
     * @param supervisorReports      cases that supervisors reported
     * @param validSupervisorReports of those, registered
     */
    public record AreaCounts(String districtCode, String streetCode, String gridCode, long reports, long registered,
                             long cancelled, long suspended, long closed, long closedInTime, long publicFirst,
                             long supervisorReports, long validSupervisorReports) {
    }

    /**
     * Runs of a stage due in the period.
     *
     * @param doneBy the user who completed them by the period's end, {@code null} for runs still open then
     * @param runs   the runs
     * @param inTime of those, completed by their deadline
     */
    public record RunCounts(String stage, String doneBy, String gridCode, long runs, long inTime) {
    }

    /**
     * Registration decisions (立案审核) of a shift leader.
     *
     * @param registered decisions to register (the rest were refusals)
     * @param cancelled  registered cases cancelled (作废) by the period's end
     */
    public record RegistrationCounts(String actor, long decisions, long inTime, long registered, long cancelled) {
    }

    /**
     * Dispatches of a dispatcher.
     *
     * @param misdirected dispatches after which the case was returned or reworked by the period's end
     */
    public record DispatchCounts(String actor, long dispatches, long inTime, long misdirected) {
    }
}
