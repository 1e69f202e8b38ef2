package org.citycase.assessment;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes cases and their stage runs straight into the case-file tables, as the engine's listeners would have
 * written them, so that a test lays out a month of outcomes in a few readable lines. Times are local times of
 * 示范市 in 2025 written {@code "05-06 08:00"}. A completed run with a deadline is in time when it ended at or
 * before the deadline, the rule of {@code StageFacts}.
 */
final class AssessmentFixture {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    /** A unit grid of 公园街道, 东城区; its supervisor is {@code supervisor-east}. */
    static final String PARK = "99010100100101";
    /** A unit grid of 人民街道, 东城区; its supervisor is {@code supervisor}. */
    static final String PEOPLE = "99010100400101";
    /** A unit grid of 文昌街道, 西城区; its supervisor is {@code supervisor-west}. */
    static final String WENCHANG = "99010200100101";

    private static final Map<String, String> STAGE_NAMES = Map.ofEntries(Map.entry("accept", "受理"),
            Map.entry("verify", "核实"), Map.entry("register", "立案"), Map.entry("dispatch", "派遣"),
            Map.entry("acknowledge", "签收"), Map.entry("handle", "处置反馈"), Map.entry("check", "核查"),
            Map.entry("close", "结案"), Map.entry("approveExtension", "延期审批"),
            Map.entry("approveSuspension", "挂账审批"), Map.entry("resumeSuspended", "挂账恢复"));

    private final JdbcClient jdbc;

    AssessmentFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a case with this number is already in the case file (the fixture is written once per database). */
    boolean has(String caseNumber) {
        return jdbc.sql("select count(*) from city_case where case_number = ?").param(caseNumber)
                .query(Long.class).single() > 0;
    }

    /** A new open case reported at {@code localTime} in a unit grid. */
    Case report(String caseNumber, String source, String grid, String localTime) {
        jdbc.sql("""
                        insert into city_case (case_number, source, category_code, description, address, longitude,
                            latitude, district_code, street_code, community_code, grid_code, urgent, status,
                            reported_at)
                        values (?, ?, 'E0102', '考核测试：暴露垃圾', '示范市测试路1号', 120.6, 31.3, ?, ?, ?, ?, false,
                            'OPEN', ?)""")
                .params(caseNumber, source, grid.substring(0, 6), grid.substring(0, 9), grid.substring(0, 12), grid,
                        at(localTime))
                .update();
        long id = jdbc.sql("select id from city_case where case_number = ?").param(caseNumber).query(Long.class)
                .single();
        return new Case(id, caseNumber);
    }

    static OffsetDateTime at(String localTime) {
        return LocalDateTime.parse("2025-" + localTime.replace(' ', 'T')).atZone(CITY).toOffsetDateTime();
    }

    /** One case being written: its stage runs in the order they started, and how it ended. */
    final class Case {

        private final long id;
        private final String number;
        private String department;
        private int tasks;

        private Case(long id, String number) {
            this.id = id;
            this.number = number;
        }

        /**
         * The usual start of the loop, every run on time with a 30-minute limit, ten minutes apart: acceptance,
         * (for public reports) verification by the grid's supervisor, registration, dispatch to the department
         * and its acknowledgement. The department's first handle task would start when the last one ended.
         */
        Case intake(String start, String operator, String verifier, String leader, String dispatcher, String dept) {
            LocalDateTime t = LocalDateTime.parse("2025-" + start.replace(' ', 'T'));
            run("accept", operator, t, t.plusMinutes(30), t.plusMinutes(10));
            t = t.plusMinutes(10);
            if (verifier != null) {
                run("verify", verifier, t, t.plusMinutes(30), t.plusMinutes(10));
                t = t.plusMinutes(10);
            }
            run("register", leader, t, t.plusMinutes(30), t.plusMinutes(10));
            t = t.plusMinutes(10);
            run("dispatch", dispatcher, t, t.plusMinutes(30), t.plusMinutes(10));
            department = dept;
            jdbc.sql("update city_case set department_code = ? where id = ?").params(dept, id).update();
            t = t.plusMinutes(10);
            run("acknowledge", dept, t, t.plusMinutes(30), t.plusMinutes(10));
            return this;
        }

        /** A run completed at {@code end}; {@code due} null for a stage without a limit. */
        Case run(String stage, String actor, String start, String due, String end) {
            insert(stage, actor, at(start), due == null ? null : at(due), at(end), "COMPLETED");
            return this;
        }

        /** A run still open. */
        Case open(String stage, String start, String due) {
            insert(stage, null, at(start), due == null ? null : at(due), null, null);
            return this;
        }

        /** A run ended by the case's cancellation. */
        Case cancelledRun(String stage, String start, String due, String end) {
            insert(stage, null, at(start), due == null ? null : at(due), at(end), "CANCELLED");
            return this;
        }

        /** From now on the case is with this department: the dispatch run just written sent it there. */
        Case dispatchedTo(String dept) {
            department = dept;
            jdbc.sql("update city_case set department_code = ? where id = ?").params(dept, id).update();
            return this;
        }

        /** Counts a rework, an approved extension or a suspension on the case, as the process does. */
        Case count(String counter) {
            jdbc.sql("update city_case set " + counter + " = " + counter + " + 1 where id = ?").param(id).update();
            return this;
        }

        /** Ends the case with a status (CLOSED, CANCELLED, INVALID, NOT_REGISTERED, DUPLICATE). */
        Case ended(String status, String localTime) {
            jdbc.sql("update city_case set status = ?, ended_at = ?, stage = null where id = ?")
                    .params(status, at(localTime), id).update();
            return this;
        }

        /** Marks the case suspended (挂账) since a time. */
        Case suspendedSince(String localTime) {
            jdbc.sql("update city_case set suspended_at = ? where id = ?").params(at(localTime), id).update();
            return this;
        }

        /** Links this case, ended as a duplicate, to the open case it repeats. */
        Case duplicateOf(String originalNumber, String localTime) {
            jdbc.sql("""
                            insert into report_link (case_id, linked_case_id, link_kind, source, category_code,
                                description, address, longitude, latitude, grid_code, reported_at)
                            select o.id, ?, 'OPERATOR', 'CITIZEN', 'E0102', '考核测试：重复上报', '示范市测试路1号',
                                120.6, 31.3, o.grid_code, ? from city_case o where o.case_number = ?""")
                    .params(id, at(localTime), originalNumber).update();
            return this;
        }

        private void run(String stage, String actor, LocalDateTime start, LocalDateTime due, LocalDateTime end) {
            insert(stage, actor, start.atZone(CITY).toOffsetDateTime(), due.atZone(CITY).toOffsetDateTime(),
                    end.atZone(CITY).toOffsetDateTime(), "COMPLETED");
        }

        private void insert(String stage, String actor, OffsetDateTime start, OffsetDateTime due, OffsetDateTime end,
                            String result) {
            boolean dispatched = !stage.equals("accept") && !stage.equals("verify") && !stage.equals("register");
            String dept = dispatched ? department : null;
            Boolean inTime = "COMPLETED".equals(result) && due != null ? !end.isAfter(due) : null;
            String light = due == null ? null : Boolean.FALSE.equals(inTime) || end == null ? "RED" : "GREEN";
            jdbc.sql("""
                            insert into case_stage (case_id, stage, stage_name, task_id, actor, started_at, due_at,
                                ended_at, result, department_code, light, overdue_at, in_time)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, stage, STAGE_NAMES.get(stage), "asm-" + number + "-" + (++tasks), actor, start, due,
                            end, result, dept, light, "RED".equals(light) ? due : null, inTime)
                    .update();
        }
    }
}
