package org.citycase.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.citycase.CitycaseApplication;
import org.citycase.casefile.Inbox;
import org.citycase.engine.CaseHistoryLevel;
import org.citycase.engine.EngineIndexes;
import org.citycase.intake.IntakeService;
import org.citycase.intake.ReportRequest;
import org.citycase.intake.Source;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures citycase against the engine it runs on and against the database, on PostgreSQL: a program,
 * not a test. Prints the figures and writes them to {@code target/benchmark-results.txt}.
 *
 * <pre>
 * mvn -q test-compile
 * java -cp "$(cat target/bench.classpath):target/classes:target/test-classes" org.citycase.bench.LoopBenchmark \
 *      [--cases=300] [--open=200000] [--burst=10000] [--sparse=60] [--baselines=0] [--app.setting=value]
 *      [--pg.setting=value]
 * </pre>
 * (README gives the command that writes {@code target/bench.classpath}.)
 *
 * <ul>
 *   <li>the database's own limit: single-row inserts, each committed, from one client;</li>
 *   <li>two bare-engine baselines with the same eight user tasks, each with a candidate group and a time limit
 *       timer, and no delegates, listeners or DMN: the stock engine with its default schema and settings, and
 *       the engine with citycase's indexes and settings;</li>
 *   <li>complete closed-loop cases per second (report to closure through every stage, history as shipped) at
 *       1, 2 and 4 clients, with latency per stage, the commits, rows and CPU each case costs, and the
 *       statements that took the database's time;</li>
 *   <li>{@code --open} open cases waiting at departments, built fast ({@link OpenCaseBacklog}), then the loop
 *       again beside them, a department's inbox ({@code GET /api/inbox}) and Tasklist page and count,
 *       sparse timers and a burst of due timers among them;</li>
 *   <li>the node's heap after the run.</li>
 * </ul>
 */
public final class LoopBenchmark {

    private static final String[] STAGES = {"accept", "register", "dispatch", "acknowledge", "handle", "check",
        "close"};
    private static final List<String> OUT = Collections.synchronizedList(new ArrayList<>());

    private LoopBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = options(args);
        int cases = options.getOrDefault("cases", 300);
        int open = options.getOrDefault("open", 200_000);
        int burst = options.getOrDefault("burst", 10_000);
        int sparse = options.getOrDefault("sparse", 60);
        EmbeddedPostgres.Builder server = EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", "on").setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements");
        List<String> serverSettings = java.util.Arrays.stream(args).filter(a -> a.startsWith("--pg.")).toList();
        for (String setting : serverSettings) {
            String[] kv = setting.substring("--pg.".length()).split("=", 2);
            server.setServerConfig(kv[0], kv[1]);
        }
        try (EmbeddedPostgres postgres = server.start()) {
            for (String db : List.of("stock", "tuned", "citycase")) {
                execute(postgres.getPostgresDatabase(), "create database " + db);
            }
            print("PostgreSQL %s, %d cores, synchronous_commit on, shared_buffers 512MB",
                    version(postgres), Runtime.getRuntime().availableProcessors());
            if (!serverSettings.isEmpty()) {
                print("PostgreSQL started with %s", serverSettings);
            }
            databaseLimit(postgres.getDatabase("postgres", "postgres"));
            boolean baselines = options.getOrDefault("baselines", 1) == 1;
            double stock = baselines ? bareEngine("stock", postgres.getJdbcUrl("postgres", "stock"), false, cases)
                    : Double.NaN;
            double tuned = baselines ? bareEngine("tuned", postgres.getJdbcUrl("postgres", "tuned"), true, cases)
                    : Double.NaN;
            List<String> settings = java.util.Arrays.stream(args).filter(a -> a.startsWith("--app."))
                    .map(a -> "--" + a.substring("--app.".length())).toList();
            if (!settings.isEmpty()) {
                print("citycase started with %s", settings);
            }
            try (ConfigurableApplicationContext app = citycase(postgres.getJdbcUrl("postgres", "citycase"), settings)) {
                DataSource citycaseDb = postgres.getDatabase("postgres", "citycase");
                double best = 0;
                int bestClients = 1;
                execute(citycaseDb, "create extension if not exists pg_stat_statements");
                loop(app, citycaseDb, 2, Math.max(50, cases / 3), " (warming up)");
                analyze(citycaseDb);
                for (int clients : new int[] {1, 2, 4}) {
                    execute(citycaseDb, "select pg_stat_statements_reset()");
                    double rate = loop(app, citycaseDb, clients, cases, "");
                    deadRows(citycaseDb);
                    if (rate > best) {
                        best = rate;
                        bestClients = clients;
                    }
                }
                statements(citycaseDb, cases, "case in the last loop");
                print("citycase / stock engine: %.2f; citycase / tuned engine: %.2f", best / stock, best / tuned);
                backlog(app, citycaseDb, open);
                if (options.containsKey("hold")) {
                    print("holding for %d s: %s", options.get("hold"), postgres.getJdbcUrl("postgres", "citycase"));
                    TimeUnit.SECONDS.sleep(options.get("hold"));
                }
                double withBacklog = loop(app, citycaseDb, bestClients, cases, " with the backlog");
                print("throughput with %d open cases: %.1f cases/s against %.1f without (%+.0f %%)", open,
                        withBacklog, best, (withBacklog / best - 1) * 100);
                for (String group : List.of("dept-power", "dept-telecom", "dept-sanitation-south")) {
                    inbox(app, group, 200);
                }
                taskPage(app, "dept-power", 100, true);
                taskPage(app, "dept-telecom", 30, true);
                timers(app, citycaseDb, sparse, burst);
                // last, as its query may not end: the page of the department with a quarter of the backlog
                ExecutorService last = Executors.newSingleThreadExecutor();
                Future<?> biggest = last.submit(() -> {
                    taskPage(app, "dept-sanitation-south", 3, false);
                    return null;
                });
                try {
                    biggest.get(180, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    print("department's Tasklist page with %d open tasks its own: no answer within 180 s",
                            app.getBean(TaskService.class).createTaskQuery().taskCandidateGroup("dept-sanitation-south")
                                    .count());
                }
                last.shutdownNow();
                System.gc();
                Runtime rt = Runtime.getRuntime();
                print("heap used after the run: %d MiB (max %d MiB)", (rt.totalMemory() - rt.freeMemory()) >> 20,
                        rt.maxMemory() >> 20);
            }
        }
        Path results = Path.of("target", "benchmark-results.txt");
        Files.createDirectories(results.getParent());
        Files.write(results, OUT);
        System.out.println("written to " + results.toAbsolutePath());
    }

    private static void databaseLimit(DataSource db) throws Exception {
        execute(db, "create table bench_commit (id bigserial primary key, payload varchar(40))");
        try (Connection c = db.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into bench_commit (payload) values (?)")) {
            c.setAutoCommit(false);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            int n = 0;
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                insert.setString(1, "row " + n);
                insert.executeUpdate();
                c.commit();
                n++;
            }
            print("database limit: %.0f committed single-row transactions/s from one client",
                    n / seconds(start));
        }
    }

    /**
     * The same eight user tasks on a bare engine, each with a candidate group and a non-interrupting time limit
     * timer, three variables set at each completion. Stock: the engine's default schema, settings and id
     * generator. Tuned: with citycase's indexes, id generator and job acquisition setting.
     */
    private static double bareEngine(String name, String url, boolean tuned, int cases) throws Exception {
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(10);
        config.setDataSource(pool);
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        config.setProcessEngineName("bare-" + name);
        config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        config.setJobExecutorActivate(false);
        if (tuned) {
            config.setCustomHistoryLevels(List.of(new CaseHistoryLevel()));
            config.setHistory(CaseHistoryLevel.NAME);
            config.setIdGenerator(new StrongUuidGenerator());
            config.setJobExecutorAcquireByDueDate(true);
            config.setEnsureJobDueDateNotNull(true);
        }
        ProcessEngine engine = config.buildProcessEngine();
        try {
            if (tuned) {
                new EngineIndexes().postProcessEngineBuild(engine);
            }
            AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("bare").camundaHistoryTimeToLive(180)
                    .startEvent();
            for (int i = 0; i < 8; i++) {
                Object task = flow.userTask("t" + i).camundaCandidateGroups("g" + i)
                        .boundaryEvent("limit" + i).cancelActivity(false).timerWithDuration("P1D").endEvent()
                        .moveToActivity("t" + i);
                flow = (AbstractFlowNodeBuilder<?, ?>) task;
            }
            BpmnModelInstance model = flow.endEvent().done();
            engine.getRepositoryService().createDeployment().addModelInstance("bare.bpmn", model).deploy();
            execute(pool, "create extension if not exists pg_stat_statements");
            run(2, Math.max(50, cases / 3), i -> bareCase(engine, i));
            analyze(pool);
            double rate = 0;
            for (int clients : new int[] {1, 2, 4}) {
                execute(pool, "select pg_stat_statements_reset()");
                Map<String, Long> rowsBefore = rowWrites(pool);
                long databaseCpu = databaseCpuNanos();
                rate = Math.max(rate, run(clients, cases, i -> bareCase(engine, i)));
                double cpu = (databaseCpuNanos() - databaseCpu) / 1e6 / cases;
                TimeUnit.MILLISECONDS.sleep(1500);
                Map<String, Long> rows = rowWrites(pool);
                long written = rows.entrySet().stream().mapToLong(e -> e.getValue() - rowsBefore.getOrDefault(
                        e.getKey(), 0L)).sum();
                print("bare engine (%s): %.1f cases/s at %d clients; per case %.0f statements, %.0f row writes, "
                        + "database CPU %.0f ms", tuned ? "citycase's indexes and settings"
                        : "stock schema and settings", lastRate, clients, statementCalls(pool) / (double) cases,
                        written / (double) cases, cpu);
            }
            return rate;
        } finally {
            engine.close();
            pool.close();
        }
    }

    private static void bareCase(ProcessEngine engine, int i) {
        String id = engine.getRuntimeService().startProcessInstanceByKey("bare", "b" + i).getId();
        for (int t = 0; t < 8; t++) {
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
            engine.getTaskService().complete(task.getId(), Map.of("a", t, "b", "v" + t, "c", true));
        }
    }

    private static ConfigurableApplicationContext citycase(String url, List<String> settings) {
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=", "--server.port=0",
                "--citycase.security.admin.password=benchmark-admin-1", "--logging.level.org.citycase=WARN"));
        arguments.addAll(settings);
        return new SpringApplicationBuilder(CitycaseApplication.class).profiles("postgres")
                .run(arguments.toArray(String[]::new));
    }

    private static double loop(ConfigurableApplicationContext app, DataSource db, int clients, int cases,
            String label) throws Exception {
        IntakeService intake = app.getBean(IntakeService.class);
        TaskService tasks = app.getBean(TaskService.class);
        Map<String, List<Long>> latency = new ConcurrentHashMap<>();
        long commitsBefore = commits(db);
        Map<String, Long> rowsBefore = rowWrites(db);
        long javaCpu = javaCpuNanos();
        long databaseCpu = databaseCpuNanos();
        double rate = run(clients, cases, i -> {
            long t0 = System.nanoTime();
            String caseNumber = intake.report(new ReportRequest(Source.SUPERVISOR, "E0102", "基准测试",
                    "东城区人民路" + i + "号", 120.6005 + (i % 95) * 0.001, 31.3005 + (i / 95 % 95) * 0.001, false,
                    null, List.of()));
            record(latency, "report", t0);
            for (String stage : STAGES) {
                long s0 = System.nanoTime();
                Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(stage)
                        .singleResult();
                tasks.complete(task.getId(), variables(stage));
                record(latency, stage, s0);
            }
        });
        long commits = commits(db) - commitsBefore;
        print("citycase closed loop%s: %.1f cases/s at %d clients; %.1f commits per case; CPU per case: node %.0f ms,"
                + " database %.0f ms", label, rate, clients, commits / (double) cases,
                (javaCpuNanos() - javaCpu) / 1e6 / cases, (databaseCpuNanos() - databaseCpu) / 1e6 / cases);
        TimeUnit.MILLISECONDS.sleep(1500);
        Map<String, Long> rows = rowWrites(db);
        rows.replaceAll((table, n) -> n - rowsBefore.getOrDefault(table, 0L));
        print("  row writes per case: %.0f; most: %s", rows.values().stream().mapToLong(Long::longValue).sum()
                / (double) cases, rows.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue() / (double) cases))
                .collect(java.util.stream.Collectors.joining(", ")));
        for (String stage : latency.keySet().stream().sorted().toList()) {
            List<Long> ms = latency.get(stage);
            print("  %-12s p50 %5.1f ms  p95 %5.1f ms  p99 %5.1f ms", stage, pct(ms, 50), pct(ms, 95), pct(ms, 99));
        }
        return rate;
    }

    /**
     * Builds {@code open} open cases waiting for a department's acknowledgement: 200 through the engine, the rest
     * copied from those by SQL ({@link OpenCaseBacklog}). A quarter waits at 南湖区环卫所, one two-hundredth at
     * the power company, three two-hundredths at the telecom centre, the rest spread over ten departments. Then
     * takes some copies on to closure through the engine, to show the copies are sound.
     */
    private static void backlog(ConfigurableApplicationContext app, DataSource db, int open) throws Exception {
        IntakeService intake = app.getBean(IntakeService.class);
        TaskService tasks = app.getBean(TaskService.class);
        int templates = Math.min(200, open);
        List<String> others = List.of("WATER", "DRAINAGE", "STREETLIGHT", "ROADS", "GREENING",
                "ENFORCEMENT-EAST", "ENFORCEMENT-WEST", "SANITATION-EAST", "SANITATION-WEST", "ENFORCEMENT-SOUTH");
        List<String> instances = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        run(2, templates, i -> {
            String caseNumber = intake.report(new ReportRequest(Source.SUPERVISOR, "E0102", "积压案件", "南湖区",
                    120.5005 + (i % 199) * 0.001, 31.2005 + (i / 199 % 99) * 0.001, false, null, List.of()));
            for (String stage : List.of("accept", "register")) {
                tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                        .taskDefinitionKey(stage).singleResult().getId(), variables(stage));
            }
            Task dispatch = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(
                    "dispatch").singleResult();
            String department = i % 4 == 0 ? "SANITATION-SOUTH" : i == 1 ? "POWER"
                    : i == 2 || i == 3 || i == 5 ? "TELECOM" : others.get(i % others.size());
            tasks.complete(dispatch.getId(), Map.of("department", department));
            instances.add(dispatch.getProcessInstanceId());
        });
        int copies = (open - templates + templates - 1) / templates;
        new OpenCaseBacklog(db).copy(instances, copies, 250);
        long openTasks = tasks.createTaskQuery().count();
        print("built %d open cases (%d through the engine, %d copies each by SQL) in %.0f s; %d open tasks, %d "
                + "pending timers", templates * (copies + 1), templates, copies, seconds(start), openTasks,
                app.getBean(ProcessEngine.class).getManagementService().createJobQuery().timers().count());
        int closed = 0;
        for (Task copy : tasks.createTaskQuery().taskDefinitionKey("acknowledge").processInstanceBusinessKeyLike(
                "Q%").listPage(0, 10)) {
            String caseNumber = app.getBean(ProcessEngine.class).getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(copy.getProcessInstanceId()).singleResult().getBusinessKey();
            tasks.complete(copy.getId());
            for (String stage : List.of("handle", "check", "close")) {
                tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                        .taskDefinitionKey(stage).singleResult().getId(), variables(stage));
            }
            closed += count(db, "select count(*) from city_case where case_number = '" + caseNumber
                    + "' and status = 'CLOSED' and ended_at is not null");
        }
        print("copies taken on to closure through the engine: %d of 10 closed in their case file", closed);
    }

    /**
     * A department's inbox as its own system reads it: {@code GET /api/inbox} over HTTP with a login of the
     * department (page and total in one answer), and the inbox's page and count queries alone.
     */
    private static void inbox(ConfigurableApplicationContext app, String group, int times) throws Exception {
        IdentityService identity = app.getBean(ProcessEngine.class).getIdentityService();
        String user = "bench-" + group;
        if (identity.createUserQuery().userId(user).count() == 0) {
            User clerk = identity.newUser(user);
            clerk.setPassword("bench-password-1");
            identity.saveUser(clerk);
            identity.createMembership(user, group);
        }
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:"
                        + app.getEnvironment().getProperty("local.server.port") + "/api/inbox?size=50"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":bench-password-1").getBytes(StandardCharsets.UTF_8)))
                .build();
        Inbox inbox = app.getBean(Inbox.class);
        List<Long> http = new ArrayList<>();
        List<Long> page = new ArrayList<>();
        List<Long> count = new ArrayList<>();
        String body = "";
        for (int i = 0; i < times; i++) {
            long h0 = System.nanoTime();
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            http.add(System.nanoTime() - h0);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("inbox answered " + answer.statusCode() + ": " + answer.body());
            }
            body = answer.body();
            long p0 = System.nanoTime();
            inbox.page(List.of(group), null, 0, 50);
            page.add(System.nanoTime() - p0);
            long c0 = System.nanoTime();
            inbox.count(List.of(group), null);
            count.add(System.nanoTime() - c0);
        }
        java.util.regex.Matcher total = java.util.regex.Pattern.compile("\"total\":(\\d+)").matcher(body);
        print("department's inbox (GET /api/inbox, 50 rows) with %s of %d open tasks its own: over HTTP p50 %.1f ms "
                + "p95 %.1f ms; its page query p50 %.1f ms p95 %.1f ms, its count p50 %.1f ms p95 %.1f ms",
                total.find() ? total.group(1) : "?", app.getBean(TaskService.class).createTaskQuery().count(),
                pct(http, 50), pct(http, 95), pct(page, 50), pct(page, 95), pct(count, 50), pct(count, 95));
    }

    /** A department's Tasklist page and count ("我的组待办" as its user sees it), and the engine's plain query. */
    private static void taskPage(ConfigurableApplicationContext app, String group, int times, boolean withCount) {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        TaskService tasks = engine.getTaskService();
        FilterService filters = engine.getFilterService();
        String filterId = filters.createFilterQuery().filterName("我的组待办").singleResult().getId();
        long mine = tasks.createTaskQuery().taskCandidateGroup(group).count();
        List<Long> page = new ArrayList<>();
        List<Long> count = new ArrayList<>();
        List<Long> plain = new ArrayList<>();
        int size = 0;
        engine.getIdentityService().setAuthentication("bench-clerk", List.of(group));
        try {
            for (int i = 0; i < times; i++) {
                long p0 = System.nanoTime();
                size = filters.listPage(filterId, 0, 50).size();
                page.add(System.nanoTime() - p0);
                if (withCount) {
                    long c0 = System.nanoTime();
                    filters.count(filterId);
                    count.add(System.nanoTime() - c0);
                }
            }
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        for (int i = 0; i < times; i++) {
            long p0 = System.nanoTime();
            tasks.createTaskQuery().taskCandidateGroup(group).orderByTaskCreateTime().desc().listPage(0, 50);
            plain.add(System.nanoTime() - p0);
        }
        print("department's Tasklist page (%d rows) with %d of %d open tasks its own: p50 %.1f ms p95 %.1f ms; "
                + "count p50 %.1f ms p95 %.1f ms; without authorization checks page p50 %.1f ms p95 %.1f ms", size,
                mine, tasks.createTaskQuery().count(), pct(page, 50), pct(page, 95), pct(count, 50), pct(count, 95),
                pct(plain, 50), pct(plain, 95));
    }

    /**
     * Real time limit timers of the backlog, brought due: first {@code sparse} of them one second apart, then
     * {@code burst} of them at the same moment. Each runs the stage's yellow-light step (case file, notice). How
     * late each ran is read from the engine's job log.
     */
    private static void timers(ConfigurableApplicationContext app, DataSource db, int sparse, int burst)
            throws Exception {
        Instant first = Instant.now().plusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        execute(db, "update act_ru_job set duedate_ = cast(? as timestamp) + (interval '1 second' * ord) from (select "
                + "id_ as job, row_number() over (order by id_) - 1 as ord from act_ru_job where handler_cfg_ like "
                + "'%acknowledgeWarning%' and substr(id_, length(id_) - 5, 1) = 'x' limit " + sparse + ") j "
                + "where id_ = j.job", java.sql.Timestamp.from(first));
        List<Long> sparseLag = lags(db, first, first.plusSeconds(sparse), sparse);
        print("%d sparse timers, one a second, on an otherwise idle node: lag p50 %.0f ms p99 %.0f ms max %.0f ms",
                sparseLag.size(), pct(sparseLag, 50), pct(sparseLag, 99), pct(sparseLag, 100));
        Instant due = Instant.now().plusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        execute(db, "update act_ru_job set duedate_ = ? where id_ in (select id_ from act_ru_job where handler_cfg_ "
                + "like '%acknowledgeWarning%' and substr(id_, length(id_) - 5, 1) = 'x' and duedate_ > now() + "
                + "interval '1 day' limit " + burst + ")", java.sql.Timestamp.from(due));
        execute(db, "select pg_stat_statements_reset()");
        List<Long> burstLag = lags(db, due, due, burst);
        double drained = pct(burstLag, 100) / 1000;
        print("burst of %d timers due at once: drained in %.1f s (%.0f timers/s); lag p50 %.0f ms p99 %.0f ms",
                burstLag.size(), drained, burstLag.size() / Math.max(drained, 0.001), pct(burstLag, 50),
                pct(burstLag, 99));
        if (!burstLag.isEmpty()) {
            statements(db, burstLag.size(), "timer of the burst (the wait for it included)");
        }
    }

    /** Waits until {@code expected} copied timers due between {@code from} and {@code to} have run; their lags. */
    private static List<Long> lags(DataSource db, Instant from, Instant to, int expected) throws Exception {
        String sql = "select extract(epoch from (timestamp_ - job_duedate_)) * 1000 from act_hi_job_log where "
                + "job_state_ = 2 and job_duedate_ between ? and ? and job_id_ like '%x_____'";
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        List<Long> lags = new ArrayList<>();
        while (System.nanoTime() < deadline && lags.size() < expected) {
            TimeUnit.SECONDS.sleep(1);
            lags.clear();
            try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                s.setTimestamp(1, java.sql.Timestamp.from(from));
                s.setTimestamp(2, java.sql.Timestamp.from(to));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        lags.add(Math.round(rs.getDouble(1) * 1_000_000));
                    }
                }
            }
        }
        return lags;
    }

    private static Map<String, Object> variables(String stage) {
        Map<String, Object> v = new HashMap<>();
        switch (stage) {
            case "register" -> v.put("registered", true);
            case "dispatch" -> v.put("department", "SANITATION-EAST");
            case "handle" -> {
                v.put("outcome", "HANDLED");
                v.put("feedback", "已处理");
            }
            case "check" -> v.put("fixed", true);
            default -> {
            }
        }
        return v;
    }

    @FunctionalInterface
    private interface Work {
        void run(int i) throws Exception;
    }

    private static double lastRate;

    /** Runs {@code count} units of work on {@code clients} threads; returns units per second. */
    private static double run(int clients, int count, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    work.run(i);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        lastRate = count / seconds(start);
        return lastRate;
    }

    private static void record(Map<String, List<Long>> latency, String stage, long startNanos) {
        latency.computeIfAbsent(stage, k -> Collections.synchronizedList(new ArrayList<>()))
                .add(System.nanoTime() - startNanos);
    }

    private static double pct(List<Long> nanos, int percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }

    private static long commits(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery("select xact_commit from pg_stat_database where datname = "
                    + "current_database()")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long statementCalls(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select coalesce(sum(calls), 0) from pg_stat_statements where dbid = (select oid from pg_database "
                        + "where datname = current_database()) and query not like '%pg_stat%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The deleted rows the busiest runtime tables carry after a loop, and when autovacuum last cleared them: the
     * engine deletes every variable, execution and job of a closed case, so these tables churn far more rows than
     * they hold (the counts are the statistics collector's, up to a second behind).
     */
    private static void deadRows(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select relname, n_live_tup, n_dead_tup, coalesce(extract(epoch from now() - last_autovacuum)::int "
                        + "|| ' s', 'never') from pg_stat_user_tables where relname in ('act_ru_variable', "
                        + "'act_ru_execution', 'act_ru_job', 'act_ru_task') order by relname")) {
            StringBuilder line = new StringBuilder("  rows live / deleted after the loop:");
            while (rs.next()) {
                line.append(String.format(" %s %d / %d (vacuumed %s ago);", rs.getString(1), rs.getLong(2),
                        rs.getLong(3), rs.getString(4)));
            }
            print("%s", line);
        }
    }

    /**
     * Gives the planner the statistics a running database has. A new database has none until autovacuum first
     * analyses it, a minute or more into the run; until then PostgreSQL takes {@code TASK_ID_ is null} to match
     * one variable in two hundred and reads an execution's variables through the task index (measured: 9 504
     * scans read 92 million index entries; 0.78 ms instead of 0.08 ms a read, a third of the database's time per
     * case). Done after
     * the warm-up of each engine alike. The warm-up's cases are closed by then, so the runtime tables are
     * analysed nearly empty and fill with deleted rows during the loops: the loop beside the vacuumed backlog
     * is the steadier figure.
     */
    private static void analyze(DataSource db) throws Exception {
        execute(db, "analyze");
    }

    /** The statements since the last reset of the counts, per {@code perWhat}, and those that took longest. */
    private static void statements(DataSource db, int cases, String perWhat) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select calls, total_exec_time, query from pg_stat_statements where dbid = (select oid from "
                        + "pg_database where datname = current_database()) order by total_exec_time desc")) {
            double total = 0;
            long calls = 0;
            List<String> top = new ArrayList<>();
            while (rs.next()) {
                total += rs.getDouble(2);
                calls += rs.getLong(1);
                if (top.size() < 12) {
                    top.add(String.format(Locale.ROOT, "  %6.1f calls %6.2f ms  %s", rs.getLong(1) / (double) cases,
                            rs.getDouble(2) / cases, rs.getString(3).replaceAll("\\s+", " ")
                                    .substring(0, Math.min(110, rs.getString(3).replaceAll("\\s+", " ").length()))));
                }
            }
            print("statements per %s: %.0f, executing %.1f ms; those that took longest:", perWhat,
                    calls / (double) cases, total / cases);
            top.forEach(line -> print("%s", line));
        }
    }

    /** Rows inserted, updated and deleted so far, by table. */
    private static Map<String, Long> rowWrites(DataSource db) throws Exception {
        Map<String, Long> rows = new HashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery("select relname, n_tup_ins + n_tup_upd + n_tup_del from "
                    + "pg_stat_user_tables")) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return rows;
    }

    private static long javaCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of every PostgreSQL process so far (Linux /proc), in nanoseconds; 0 elsewhere. */
    private static long databaseCpuNanos() {
        long ticks = 0;
        try (java.util.stream.Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    if (stat.contains("(postgres)")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended while being read
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return ticks * 10_000_000L;
    }

    private static String version(EmbeddedPostgres postgres) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(DataSource db, String sql, Object... parameters) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.execute();
        }
    }

    private static int count(DataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void print(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        OUT.add(line);
    }

    private static Map<String, Integer> options(String[] args) {
        Map<String, Integer> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--app.") || arg.startsWith("--pg.")) {
                continue;
            }
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], Integer.parseInt(kv[1]));
        }
        return options;
    }
}
