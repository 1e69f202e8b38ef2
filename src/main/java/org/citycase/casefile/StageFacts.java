package org.citycase.casefile;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes and reads what time limits do to a case: the traffic light and on-time verdict of its stage runs, its
 * escalations (督办), the notices sent, extensions (延期) and suspensions (挂账). Every write joins the caller's
 * transaction, so a fact written from a timer commits or rolls back with the engine's step.
 */
@Repository
public class StageFacts {

    private static final String OF_CASE = "(select id from city_case where case_number = ?)";

    private final JdbcClient jdbc;

    public StageFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Turns the open, time-limited stage runs of a case yellow; runs already yellow or red keep their light.
     *
     * @return the candidate groups of the runs that turned yellow, without duplicates
     */
    public List<String> turnYellow(String caseNumber, Instant at) {
        List<String> groups = openGroups(caseNumber, "light = 'GREEN'");
        jdbc.sql("update case_stage set light = 'YELLOW', warned_at = ? where case_id = " + OF_CASE
                        + " and ended_at is null and due_at is not null and light = 'GREEN'")
                .params(utc(at), caseNumber).update();
        return groups;
    }

    /** Turns the open, time-limited stage runs of a case red; runs already red keep their time. */
    public void turnRed(String caseNumber, Instant at) {
        jdbc.sql("update case_stage set light = 'RED', overdue_at = ? where case_id = " + OF_CASE
                        + " and ended_at is null and due_at is not null and light <> 'RED'")
                .params(utc(at), caseNumber).update();
    }

    /** Records that a stage of the case reached an escalation level. */
    public void escalated(String caseNumber, String stage, int level, String departmentCode,
                          String supervisionGroup, Instant at) {
        jdbc.sql("""
                        insert into case_escalation (case_id, stage, escalation_level, department_code,
                            supervision_group, escalated_at)
                        select id, ?, ?, ?, ?, ? from city_case where case_number = ?""")
                .params(stage, level, departmentCode, supervisionGroup, utc(at), caseNumber).update();
    }

    /**
     * Records a notice sent to a group.
     *
     * @param stage           null when the notice is about the case as a whole
     * @param escalationLevel null unless it is an escalation
     */
    public void notice(String caseNumber, String stage, String kind, Integer escalationLevel, String recipientGroup,
                       String message, Instant at) {
        jdbc.sql("""
                        insert into case_notice (case_id, stage, kind, escalation_level, recipient_group, message,
                            created_at)
                        select id, ?, ?, ?, ?, ?, ? from city_case where case_number = ?""")
                .params(stage, kind, escalationLevel, recipientGroup, message, utc(at), caseNumber).update();
    }

    /** Counts an approved extension (延期) on the case. */
    public void extended(String caseNumber) {
        jdbc.sql("update city_case set extension_count = extension_count + 1 where case_number = ?")
                .param(caseNumber).update();
    }

    /** Marks the case suspended (挂账) since {@code at} and counts the suspension. */
    public void suspended(String caseNumber, Instant at) {
        jdbc.sql("""
                        update city_case set suspended_at = ?, suspension_count = suspension_count + 1
                        where case_number = ?""")
                .params(utc(at), caseNumber).update();
    }

    /** Marks the case no longer suspended. */
    public void resumed(String caseNumber) {
        jdbc.sql("update city_case set suspended_at = null where case_number = ?").param(caseNumber).update();
    }

    /** The notices about a case, oldest first. */
    public List<CaseNotice> notices(String caseNumber) {
        return jdbc.sql("""
                        select stage, kind, escalation_level, recipient_group, message, created_at
                        from case_notice where case_id = """ + OF_CASE + " order by created_at, id")
                .param(caseNumber)
                .query((rs, n) -> new CaseNotice(rs.getString(1), rs.getString(2),
                        (Integer) rs.getObject(3, Integer.class), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    /** The escalations of a case, oldest first. */
    public List<CaseEscalation> escalations(String caseNumber) {
        return jdbc.sql("""
                        select stage, escalation_level, department_code, supervision_group, escalated_at
                        from case_escalation where case_id = """ + OF_CASE + " order by escalated_at, id")
                .param(caseNumber)
                .query((rs, n) -> new CaseEscalation(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    /** Whether the case is suspended (挂账) now. */
    public boolean isSuspended(String caseNumber) {
        return jdbc.sql("select count(*) from city_case where case_number = ? and suspended_at is not null")
                .param(caseNumber).query(Long.class).single() > 0;
    }

    private List<String> openGroups(String caseNumber, String condition) {
        return jdbc.sql("select distinct candidate_group from case_stage where case_id = " + OF_CASE
                        + " and ended_at is null and due_at is not null and candidate_group is not null and "
                        + condition + " order by candidate_group")
                .param(caseNumber).query(String.class).list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
