package org.citycase.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import javax.sql.DataSource;

/**
 * Builds a large backlog of open cases on PostgreSQL fast: a few hundred template cases are taken through the
 * engine to a stage, then every engine row (runtime and history) and case-file row of those cases is copied
 * with SQL, each copy with its own ids and case number. The copies are real engine state: the engine runs them
 * on like any other case (the benchmark completes some to prove it), their timers are real jobs.
 *
 * <p>Ids keep their length: a copy replaces the last six characters of an id with {@code x} and five hex
 * digits of the copy's number. The {@code x} is not a hex digit, so a copy never equals an engine id.
 */
final class OpenCaseBacklog {

    /** Engine tables whose rows belong to a process instance, and the column that says which. */
    private static final List<String[]> ENGINE_TABLES = List.of(
            new String[] {"act_ru_execution", "proc_inst_id_"},
            new String[] {"act_ru_task", "proc_inst_id_"},
            new String[] {"act_ru_variable", "proc_inst_id_"},
            new String[] {"act_ru_job", "process_instance_id_"},
            new String[] {"act_ru_event_subscr", "proc_inst_id_"},
            new String[] {"act_hi_procinst", "proc_inst_id_"},
            new String[] {"act_hi_actinst", "proc_inst_id_"},
            new String[] {"act_hi_taskinst", "proc_inst_id_"},
            new String[] {"act_hi_varinst", "proc_inst_id_"},
            new String[] {"act_hi_detail", "proc_inst_id_"},
            new String[] {"act_hi_identitylink", "root_proc_inst_id_"},
            new String[] {"act_hi_job_log", "process_instance_id_"},
            new String[] {"act_hi_decinst", "proc_inst_id_"},
            new String[] {"act_hi_dec_in", "root_proc_inst_id_"},
            new String[] {"act_hi_dec_out", "root_proc_inst_id_"});

    /** Columns that hold ids of a case's own rows; every other column is copied as it is. */
    private static final Set<String> ID_COLUMNS = Set.of("id_", "proc_inst_id_", "process_instance_id_",
            "root_proc_inst_id_", "execution_id_", "parent_id_", "super_exec_", "act_inst_id_",
            "parent_act_inst_id_", "task_id_", "bytearray_id_", "exception_stack_id_", "call_proc_inst_id_",
            "super_process_instance_id_", "var_inst_id_", "job_id_", "last_failure_log_id_",
            "job_exception_stack_id_", "dec_inst_id_", "root_dec_inst_id_", "resource_id_", "var_scope_");

    private final DataSource db;

    OpenCaseBacklog(DataSource db) {
        this.db = db;
    }

    /**
     * Copies the given template cases {@code copies} times each, {@code chunk} copies per transaction. The
     * copies' timers are moved 30 days on so they stay pending while the node is measured.
     */
    void copy(List<String> templateInstanceIds, int copies, int chunk) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_template");
            s.execute("create table bench_template (pi varchar(64) primary key)");
            for (String id : templateInstanceIds) {
                s.execute("insert into bench_template values ('" + id + "')");
            }
            List<String> statements = new ArrayList<>();
            StringJoiner byteArrays = new StringJoiner(" or ");
            for (String owner : List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail", "act_hi_dec_in",
                    "act_hi_dec_out")) {
                String instance = owner.startsWith("act_hi_dec") ? "root_proc_inst_id_" : "proc_inst_id_";
                byteArrays.add("t.id_ in (select bytearray_id_ from " + owner + " where " + instance
                        + " in (select pi from bench_template))");
            }
            statements.add(copyStatement(s, c, "act_ge_bytearray", byteArrays.toString()));
            for (String[] table : ENGINE_TABLES) {
                statements.add(copyStatement(s, c, table[0], "t." + table[1]
                        + " in (select pi from bench_template)"));
            }
            statements.add(copyStatement(s, c, "act_ru_identitylink", "t.task_id_ in (select id_ from act_ru_task "
                    + "where proc_inst_id_ in (select pi from bench_template))"));
            statements.add(copyStatement(s, c, "act_ru_authorization", "t.resource_id_ in (select id_ from "
                    + "act_ru_task where proc_inst_id_ in (select pi from bench_template)) or t.resource_id_ in "
                    + "(select pi from bench_template)"));
            statements.add(caseCopy(s, c));
            statements.add(stageCopy(s, c));
            c.setAutoCommit(false);
            for (int from = 1; from <= copies; from += chunk) {
                int to = Math.min(copies, from + chunk - 1);
                for (String sql : statements) {
                    s.execute(sql.replace(":from", Integer.toString(from)).replace(":to", Integer.toString(to)));
                }
                c.commit();
            }
            s.execute("update act_ru_job set duedate_ = duedate_ + interval '30 days' where duedate_ is not null "
                    + "and process_instance_id_ in (select pi from bench_template)");
            s.execute("update act_ru_job set duedate_ = duedate_ + interval '30 days' where duedate_ is not null "
                    + "and substr(id_, length(id_) - 5, 1) = 'x'");
            c.commit();
            c.setAutoCommit(true);
            // as autovacuum would have done while such a backlog grew; left to autovacuum, it runs during the
            // measurements that follow
            s.execute("vacuum analyze");
            s.execute("checkpoint");
        }
    }

    /**
     * Keeps the template rows of a table in {@code bench_source_<table>} and returns the statement that copies
     * them, for copies {@code :from} to {@code :to}; reading the growing table again for every chunk would make
     * each chunk slower than the last.
     */
    private static String copyStatement(Statement s, Connection c, String table, String where) throws SQLException {
        s.execute("drop table if exists bench_source_" + table);
        s.execute("create table bench_source_" + table + " as select * from " + table + " t where " + where);
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        for (String column : columns(c, table)) {
            columns.add(column);
            if (column.equals("business_key_")) {
                values.add(caseNumber("t.business_key_"));
            } else if (ID_COLUMNS.contains(column)) {
                values.add(id("t." + column));
            } else if (column.equals("text_") && (table.equals("act_ru_variable") || table.equals("act_hi_varinst")
                    || table.equals("act_hi_detail"))) {
                values.add("case when t.name_ = 'caseNumber' then " + caseNumber("t.text_") + " else t.text_ end");
            } else {
                values.add("t." + column);
            }
        }
        return "insert into " + table + " (" + columns + ") select " + values + " from bench_source_" + table
                + " t cross join generate_series(:from, :to) g";
    }

    private static String caseCopy(Statement s, Connection c) throws SQLException {
        s.execute("drop table if exists bench_source_city_case");
        s.execute("create table bench_source_city_case as select * from city_case where process_instance_id in "
                + "(select pi from bench_template)");
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        for (String column : columns(c, "city_case")) {
            if (column.equals("id")) {
                continue;
            }
            columns.add(column);
            values.add(switch (column) {
                case "case_number" -> caseNumber("t.case_number");
                case "process_instance_id" -> id("t.process_instance_id");
                default -> "t." + column;
            });
        }
        return "insert into city_case (" + columns + ") select " + values + " from bench_source_city_case t cross "
                + "join generate_series(:from, :to) g";
    }

    private static String stageCopy(Statement s, Connection c) throws SQLException {
        s.execute("drop table if exists bench_source_case_stage");
        s.execute("create table bench_source_case_stage as select t.*, o.case_number as template_case_number from "
                + "case_stage t join bench_source_city_case o on o.id = t.case_id");
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        for (String column : columns(c, "case_stage")) {
            if (column.equals("id")) {
                continue;
            }
            columns.add(column);
            values.add(switch (column) {
                case "case_id" -> "n.id";
                case "task_id" -> id("t.task_id");
                default -> "t." + column;
            });
        }
        return "insert into case_stage (" + columns + ") select " + values + " from bench_source_case_stage t "
                + "cross join generate_series(:from, :to) g join city_case n on n.case_number = "
                + caseNumber("t.template_case_number");
    }

    /** A copy's id: the template's id with its last six characters replaced by x and the copy number in hex. */
    private static String id(String column) {
        return "overlay(" + column + " placing 'x' || lpad(to_hex(g), 5, '0') from length(" + column + ") - 5)";
    }

    /** A copy's case number: Q, the copy number in six digits, the template's daily running number. */
    private static String caseNumber(String column) {
        return "'Q' || lpad(g::text, 6, '0') || right(" + column + ", 5)";
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("No table " + table);
        }
        return columns;
    }
}
