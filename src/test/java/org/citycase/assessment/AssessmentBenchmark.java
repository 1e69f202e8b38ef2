package org.citycase.assessment;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.citycase.catalogue.Catalogue;
import org.citycase.catalogue.CatalogueProperties;
import org.citycase.citizen.Geography;
import org.citycase.citizen.GeographyProperties;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long the monthly assessment takes over one million cases on PostgreSQL. Not a test: it starts an embedded
 * PostgreSQL, creates the schema with the Flyway migrations, fills a year (2025) of cases and their stage runs with
 * COPY, and times {@link AssessmentService#assess} of May 2025 (a month in the middle of the data) and December 2025
 * (the last) for every level, the SQL as in production and the weights from {@code decisions/assessment-weights.dmn};
 * then each query of May and the plan of the slowest (of each with {@code --explain-all}). Run from the project
 * folder after {@code mvn -o -q test-compile}:
 *
 * <pre>
 * mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.citycase.assessment.AssessmentBenchmark \
 *     [cases] [--explain-all]
 * </pre>
 *
 * <p>The cases are spread evenly over the year, 2 740 a day, in the 400 unit grids of the demo city. Of every 100:
 * 2 invalid, 2 not registered, 1 duplicate, 1 cancelled while handled, 2 never handled, 1 suspended, 5 extended,
 * 4 reworked, 3 returned, the rest closed; one handling in ten is late, one dispatch in seventeen.
 */
public final class AssessmentBenchmark {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final Instant YEAR_START = OffsetDateTime.parse("2025-01-01T00:00:00+08:00").toInstant();
    private static final long SECONDS_OF_YEAR = 365L * 24 * 3600;
    private static final String[] DEPARTMENTS = {"WATER", "DRAINAGE", "POWER", "STREETLIGHT", "TELECOM", "ROADS",
        "GREENING", "ENFORCEMENT-EAST", "ENFORCEMENT-WEST", "ENFORCEMENT-SOUTH", "SANITATION-EAST",
        "SANITATION-WEST", "SANITATION-SOUTH"};
    private static final int OPERATORS = 20;
    private static final int LEADERS = 8;
    private static final int DISPATCHERS = 10;

    private AssessmentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 1_000_000;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "4GB")
                .start()) {
            DataSource data = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(data).table("citycase_schema_history").load().migrate();
            Geography geography = geography();
            fill(data, cases, geography);
            assess(data, geography, Arrays.asList(args).contains("--explain-all"));
        }
    }

    // ------------------------------------------------------------------ filling

    private static void fill(DataSource data, int cases, Geography geography) throws Exception {
        List<String> grids = gridCodes();
        try (Connection connection = data.getConnection(); Statement sql = connection.createStatement()) {
            long start = System.nanoTime();
            List<String> indexes = new ArrayList<>();
            try (var rs = sql.executeQuery("""
                    select indexname, indexdef from pg_indexes
                    where tablename in ('city_case', 'case_stage')
                      and indexname not in (select conname from pg_constraint)""")) {
                while (rs.next()) {
                    indexes.add(rs.getString(2));
                    sql.addBatch("drop index " + rs.getString(1));
                }
            }
            sql.executeBatch();
            PGConnection pg = connection.unwrap(PGConnection.class);
            CopyIn caseCopy = pg.getCopyAPI().copyIn("""
                    copy city_case (id, case_number, source, category_code, description, address, longitude, latitude,
                        district_code, street_code, community_code, grid_code, urgent, status, department_code,
                        return_count, rework_count, extension_count, suspension_count, suspended_at, reported_at,
                        ended_at) from stdin (format csv)""");
            StringBuilder rows = new StringBuilder();
            for (int i = 1; i <= cases; i++) {
                caseRow(rows, i, cases, grids);
                if (rows.length() > 1 << 20) {
                    write(caseCopy, rows);
                }
            }
            write(caseCopy, rows);
            caseCopy.endCopy();
            System.out.printf("%,d cases copied in %.1f s%n", cases, seconds(start));

            long stagesStart = System.nanoTime();
            CopyIn stageCopy = pg.getCopyAPI().copyIn("""
                    copy case_stage (id, case_id, stage, stage_name, task_id, candidate_group, actor, started_at,
                        due_at, ended_at, result, department_code, light, in_time) from stdin (format csv)""");
            long stageRows = 0;
            for (int i = 1; i <= cases; i++) {
                stageRows += stageRows(rows, i, cases, grids, geography);
                if (rows.length() > 1 << 20) {
                    write(stageCopy, rows);
                }
            }
            write(stageCopy, rows);
            stageCopy.endCopy();
            System.out.printf("%,d stage runs copied in %.1f s%n", stageRows, seconds(stagesStart));

            long indexStart = System.nanoTime();
            for (String index : indexes) {
                sql.execute(index);
            }
            sql.execute("alter table city_case alter column id restart with " + (cases + 1));
            sql.execute("alter table case_stage alter column id restart with " + (16L * cases + 16));
            System.out.printf("%d indexes rebuilt in %.1f s%n", indexes.size(), seconds(indexStart));
            long vacuumStart = System.nanoTime();
            sql.execute("vacuum analyze");
            System.out.printf("vacuum analyze in %.1f s; database %s%n", seconds(vacuumStart),
                    single(sql, "select pg_size_pretty(pg_database_size(current_database()))"));
            System.out.printf("filled in %.1f s%n", seconds(start));
        }
    }

    /** The outcome of case i, one of the kinds in the class comment. */
    private enum Kind { INVALID, NOT_REGISTERED, DUPLICATE, CANCELLED, PENDING, SUSPENDED, EXTENDED, REWORKED,
        RETURNED, CLOSED }

    private static Kind kind(int i) {
        int o = (int) ((i * 37L) % 100);
        Kind[] bands = {Kind.INVALID, Kind.INVALID, Kind.NOT_REGISTERED, Kind.NOT_REGISTERED, Kind.DUPLICATE,
            Kind.CANCELLED, Kind.PENDING, Kind.PENDING, Kind.SUSPENDED, Kind.EXTENDED, Kind.EXTENDED, Kind.EXTENDED,
            Kind.EXTENDED, Kind.EXTENDED, Kind.REWORKED, Kind.REWORKED, Kind.REWORKED, Kind.REWORKED,
            Kind.RETURNED, Kind.RETURNED, Kind.RETURNED};
        return o < bands.length ? bands[o] : Kind.CLOSED;
    }

    private static String source(int i) {
        int s = i % 20;
        return s < 16 ? "SUPERVISOR" : s < 19 ? "CITIZEN" : "HOTLINE";
    }

    private static Instant reported(int i, int cases) {
        return YEAR_START.plusSeconds((i - 1L) * SECONDS_OF_YEAR / cases);
    }

    private static void caseRow(StringBuilder rows, int i, int cases, List<String> grids) {
        Kind kind = kind(i);
        String grid = grids.get(i % grids.size());
        Instant at = reported(i, cases);
        String status = switch (kind) {
            case INVALID -> "INVALID";
            case NOT_REGISTERED -> "NOT_REGISTERED";
            case DUPLICATE -> "DUPLICATE";
            case CANCELLED -> "CANCELLED";
            case PENDING, SUSPENDED -> "OPEN";
            default -> "CLOSED";
        };
        boolean dispatched = kind.ordinal() >= Kind.CANCELLED.ordinal();
        String department = !dispatched ? "" : kind == Kind.RETURNED ? other(i) : DEPARTMENTS[i % DEPARTMENTS.length];
        String ended = switch (kind) {
            case PENDING, SUSPENDED -> "";
            case INVALID, NOT_REGISTERED, DUPLICATE -> time(at.plusSeconds(1800));
            default -> time(at.plusSeconds(9 * 3600));
        };
        rows.append(i).append(",B").append(String.format("%012d", i)).append(',').append(source(i))
                .append(",E0102,基准测试,示范市基准路,120.6,31.3,").append(grid, 0, 6).append(',')
                .append(grid, 0, 9).append(',').append(grid, 0, 12).append(',').append(grid).append(",false,")
                .append(status).append(',').append(department).append(',')
                .append(kind == Kind.RETURNED ? 1 : 0).append(',').append(kind == Kind.REWORKED ? 1 : 0).append(',')
                .append(kind == Kind.EXTENDED ? 1 : 0).append(',').append(kind == Kind.SUSPENDED ? 1 : 0).append(',')
                .append(kind == Kind.SUSPENDED ? time(at.plusSeconds(6000)) : "").append(',')
                .append(time(at)).append(',').append(ended).append('\n');
    }

    /** Writes case i's stage runs in the order they ran; ids are 16 per case, so the order is the id order. */
    private static int stageRows(StringBuilder rows, int i, int cases, List<String> grids, Geography geography) {
        Kind kind = kind(i);
        boolean publicReport = !source(i).equals("SUPERVISOR");
        String supervisor = geography.supervisorOfGrid(grids.get(i % grids.size())).orElse("supervisor-south");
        String dept = DEPARTMENTS[i % DEPARTMENTS.length];
        boolean late = i % 10 == 0;
        Runs runs = new Runs(rows, i, reported(i, cases));
        runs.add("accept", "operator-" + (i % OPERATORS), null, 0, 30, 10, "COMPLETED");
        int t = 10;
        if (publicReport && kind != Kind.DUPLICATE) {
            runs.add("verify", supervisor, null, t, t + 30, t + 10, "COMPLETED");
            t += 10;
        }
        if (kind == Kind.INVALID || kind == Kind.DUPLICATE) {
            return runs.count;
        }
        runs.add("register", "leader-" + (i % LEADERS), null, t, t + 30, t + 10, "COMPLETED");
        t += 10;
        if (kind == Kind.NOT_REGISTERED) {
            return runs.count;
        }
        int dispatchEnd = i % 17 == 0 ? t + 40 : t + 10;
        runs.add("dispatch", "dispatcher-" + (i % DISPATCHERS), null, t, t + 30, dispatchEnd, "COMPLETED");
        t = dispatchEnd;
        runs.add("acknowledge", dept, dept, t, t + 30, t + 10, "COMPLETED");
        t += 10;
        int due = t + 240;
        switch (kind) {
            case CANCELLED -> runs.add("handle", null, dept, t, due, t + 60, "CANCELLED");
            case PENDING -> runs.add("handle", null, dept, t, due, null, null);
            case SUSPENDED -> {
                runs.add("handle", dept, dept, t, due, t + 60, "COMPLETED");
                runs.add("approveSuspension", "leader-" + (i % LEADERS), dept, t + 60, due, t + 80, "COMPLETED");
                runs.add("resumeSuspended", null, dept, t + 80, null, null, null);
            }
            case EXTENDED -> {
                runs.add("handle", dept, dept, t, due, t + 60, "COMPLETED");
                runs.add("approveExtension", "dispatcher-" + (i % DISPATCHERS), dept, t + 60, due, t + 80,
                        "COMPLETED");
                runs.add("handle", dept, dept, t + 80, due + 120, late ? due + 180 : due + 60, "COMPLETED");
                closeOut(runs, supervisor, i, dept, late ? due + 180 : due + 60);
            }
            case REWORKED -> {
                runs.add("handle", dept, dept, t, due, t + 120, "COMPLETED");
                runs.add("check", supervisor, dept, t + 120, t + 150, t + 130, "COMPLETED");
                runs.add("handle", dept, dept, t + 130, t + 370, late ? t + 400 : t + 300, "COMPLETED");
                closeOut(runs, supervisor, i, dept, late ? t + 400 : t + 300);
            }
            case RETURNED -> {
                String next = other(i);
                runs.add("handle", dept, dept, t, due, t + 30, "COMPLETED");
                runs.add("dispatch", "dispatcher-" + ((i + 1) % DISPATCHERS), dept, t + 30, t + 60, t + 40,
                        "COMPLETED");
                runs.add("acknowledge", next, next, t + 40, t + 70, t + 50, "COMPLETED");
                runs.add("handle", next, next, t + 50, t + 290, late ? t + 320 : t + 200, "COMPLETED");
                closeOut(runs, supervisor, i, next, late ? t + 320 : t + 200);
            }
            default -> {
                runs.add("handle", dept, dept, t, due, late ? due + 60 : t + 120, "COMPLETED");
                closeOut(runs, supervisor, i, dept, late ? due + 60 : t + 120);
            }
        }
        return runs.count;
    }

    private static void closeOut(Runs runs, String supervisor, int i, String dept, int t) {
        runs.add("check", supervisor, dept, t, t + 30, t + 10, "COMPLETED");
        runs.add("close", "leader-" + (i % LEADERS), dept, t + 10, t + 40, t + 20, "COMPLETED");
    }

    private static String other(int i) {
        return DEPARTMENTS[(i + 5) % DEPARTMENTS.length];
    }

    /** The stage runs of one case, minutes after its report. */
    private static final class Runs {
        private final StringBuilder rows;
        private final int caseId;
        private final Instant reported;
        private int count;

        Runs(StringBuilder rows, int caseId, Instant reported) {
            this.rows = rows;
            this.caseId = caseId;
            this.reported = reported;
        }

        void add(String stage, String actor, String dept, int start, Integer due, Integer end, String result) {
            long id = 16L * caseId + count;
            count++;
            Boolean inTime = "COMPLETED".equals(result) && due != null ? end <= due : null;
            String light = due == null ? "" : Boolean.FALSE.equals(inTime) || end == null ? "RED" : "GREEN";
            rows.append(id).append(',').append(caseId).append(',').append(stage).append(",环节,b")
                    .append(id).append(",,").append(actor == null ? "" : actor).append(',')
                    .append(time(at(start))).append(',').append(due == null ? "" : time(at(due))).append(',')
                    .append(end == null ? "" : time(at(end))).append(',').append(result == null ? "" : result)
                    .append(',').append(dept == null ? "" : dept).append(',').append(light).append(',')
                    .append(inTime == null ? "" : inTime).append('\n');
        }

        private Instant at(int minutes) {
            return reported.plusSeconds(60L * minutes);
        }
    }

    private static String time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toString();
    }

    private static void write(CopyIn copy, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }

    // ------------------------------------------------------------------ assessing

    private static void assess(DataSource data, Geography geography, boolean explain) throws Exception {
        JdbcClient jdbc = JdbcClient.create(data);
        AssessmentQueries queries = new AssessmentQueries(jdbc);
        AssessmentService service = new AssessmentService(queries, new TableRules(), new ManualScores(jdbc),
                new DepositProperties(new BigDecimal("85"), new BigDecimal("0.05"), new BigDecimal("0.06"),
                        Map.of()), catalogue(), geography, user -> user, Clock.systemUTC(), CITY);
        Period may = Period.month(YearMonth.of(2025, 5), CITY);
        for (Period month : List.of(may, Period.month(YearMonth.of(2025, 12), CITY))) {
            System.out.println();
            System.out.println("Assessment of " + month.label()
                    + ", each level 5 times (ms; first run, then median of the rest):");
            for (AssessmentLevel level : AssessmentLevel.values()) {
                long[] times = new long[5];
                Assessment last = null;
                for (int run = 0; run < times.length; run++) {
                    long start = System.nanoTime();
                    last = service.assess(level, month);
                    times[run] = (System.nanoTime() - start) / 1_000_000;
                }
                long[] rest = Arrays.copyOfRange(times, 1, times.length);
                Arrays.sort(rest);
                System.out.printf("  %-13s first %5d  median %5d   units %3d, best %s %s%n", level.id(), times[0],
                        rest[rest.length / 2], last.units().size(), last.units().get(0).name(),
                        last.units().get(0).score());
            }
        }

        System.out.println();
        System.out.println("Each query of 2025-05 (ms; median of 5):");
        Instant until = may.until(Instant.now());
        Map<String, String> sql = new LinkedHashMap<>();
        sql.put("handling runs (departments)", AssessmentQueries.HANDLING_RUNS);
        sql.put("carried overdue (departments)", AssessmentQueries.CARRIED_OVERDUE);
        sql.put("reported cases (areas, supervisors)", AssessmentQueries.REPORTED_CASES);
        sql.put("people's runs", AssessmentQueries.PEOPLES_RUNS);
        sql.put("registrations (shift leaders)", AssessmentQueries.REGISTRATIONS);
        sql.put("dispatches (dispatchers)", AssessmentQueries.DISPATCHES);
        Map<String, Long> medians = new LinkedHashMap<>();
        for (Map.Entry<String, String> query : sql.entrySet()) {
            long[] times = new long[5];
            for (int run = 0; run < times.length; run++) {
                long start = System.nanoTime();
                queries.statement(query.getValue(), may.from(), until).query().listOfRows();
                times[run] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(times);
            medians.put(query.getKey(), times[2]);
            System.out.printf("  %-38s %6d%n", query.getKey(), times[2]);
        }
        String slowest = medians.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        for (String name : explain ? sql.keySet() : List.of(slowest)) {
            System.out.println();
            System.out.println("Plan of " + name + ":");
            queries.statement("explain (analyze, buffers, costs off) " + sql.get(name), may.from(), until)
                    .query(String.class).list().forEach(line -> System.out.println("  " + line));
        }
    }

    /** The weights and grades tables, evaluated by the DMN engine alone. */
    private static final class TableRules implements ScoringRules {

        private final DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        private final DmnDecision weights = parse("decisions/assessment-weights.dmn", "assessment-weights");
        private final DmnDecision grades = parse("decisions/assessment-grades.dmn", "assessment-grades");

        @Override
        public List<Weight> weights(String level) {
            return engine.evaluateDecision(weights, Variables.createVariables().putValue("level", level))
                    .getResultList().stream()
                    .map(row -> new Weight((String) row.get("indicator"),
                            new BigDecimal(row.get("weight").toString()),
                            Weight.Better.valueOf((String) row.get("better"))))
                    .toList();
        }

        @Override
        public String grade(BigDecimal score) {
            return engine.evaluateDecision(grades, Variables.createVariables().putValue("score", score.doubleValue()))
                    .getSingleResult().getEntry("grade");
        }

        private DmnDecision parse(String file, String key) {
            try (var model = Files.newInputStream(Path.of(file))) {
                return engine.parseDecision(key, model);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + file, e);
            }
        }
    }

    // ------------------------------------------------------------------ the demo city

    private static Catalogue catalogue() {
        try {
            var sources = new YamlPropertySourceLoader().load("catalogue",
                    new FileSystemResource("config/seed/catalogue.yaml"));
            return new Catalogue(new Binder(ConfigurationPropertySources.from(sources))
                    .bind("citycase.catalogue", CatalogueProperties.class).get());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read config/seed/catalogue.yaml", e);
        }
    }

    private static Geography geography() {
        return new Geography(new GeographyProperties(Path.of("config/geography/districts.geojson"),
                Path.of("config/geography/streets.geojson"), Path.of("config/geography/communities.geojson"),
                Path.of("config/geography/grids.geojson"), Path.of("config/geography/grid-supervisors.yaml"),
                Path.of("config/geography/pilot-area.geojson"), false), catalogue(), new ObjectMapper());
    }

    private static List<String> gridCodes() throws IOException {
        List<String> codes = new ArrayList<>();
        for (JsonNode grid : new ObjectMapper().readTree(Path.of("config/geography/grids.geojson").toFile())
                .path("features")) {
            codes.add(grid.path("properties").path("code").asText());
        }
        return codes;
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (var rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
