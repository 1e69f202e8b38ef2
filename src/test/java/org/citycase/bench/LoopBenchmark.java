package org.citycase.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
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
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.citycase.CitycaseApplication;
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
 *      [--cases=200] [--open=5000] [--timers=2000]
 * </pre>
 * (README gives the command that writes {@code target/bench.classpath}.)
 *
 * <ul>
 *   <li>the database's own limit: single-row inserts, each committed, from one client;</li>
 *   <li>complete closed-loop cases per second (report to closure through every stage, history FULL) at
 *       1, 2 and 4 clients, with latency per stage, and the commits each case costs;</li>
 *   <li>two bare-engine baselines with the same eight user tasks and no delegates, listeners or DMN: the
 *       stock engine with its default schema and settings, and the engine with citycase's indexes;</li>
 *   <li>with {@code --open} open cases waiting at a department: its task page and count;</li>
 *   <li>a burst of {@code --timers} due timers: how late they fire and how fast they drain;</li>
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
        int cases = options.getOrDefault("cases", 200);
        int open = options.getOrDefault("open", 5000);
        int timers = options.getOrDefault("timers", 2000);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", "on").setServerConfig("max_connections", "200").start()) {
            for (String db : List.of("stock", "tuned", "citycase")) {
                execute(postgres.getPostgresDatabase(), "create database " + db);
            }
            print("PostgreSQL %s, %d cores, history FULL, synchronous_commit on", version(postgres),
                    Runtime.getRuntime().availableProcessors());
            databaseLimit(postgres.getDatabase("postgres", "postgres"));
            double stock = bareEngine("stock", postgres.getDatabase("postgres", "stock"), false, cases);
            double tuned = bareEngine("tuned", postgres.getDatabase("postgres", "tuned"), true, cases);
            try (ConfigurableApplicationContext app = citycase(postgres.getJdbcUrl("postgres", "citycase"))) {
                DataSource citycaseDb = postgres.getDatabase("postgres", "citycase");
                double best = 0;
                for (int clients : new int[] {1, 2, 4}) {
                    best = Math.max(best, loop(app, citycaseDb, clients, cases));
                }
                print("citycase / stock engine: %.2f; citycase / tuned engine: %.2f", best / stock, best / tuned);
                taskPage(app, citycaseDb, open);
                timerBurst(app, citycaseDb, timers);
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

    /** The same eight user tasks with a candidate group each, on a bare engine. */
    private static double bareEngine(String name, DataSource db, boolean citycaseIndexes, int cases)
            throws Exception {
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        config.setDataSource(db);
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        config.setProcessEngineName("bare-" + name);
        config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        config.setJobExecutorActivate(false);
        config.setMetricsEnabled(true);
        ProcessEngine engine = config.buildProcessEngine();
        try {
            if (citycaseIndexes) {
                new EngineIndexes().postProcessEngineBuild(engine);
            }
            AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("bare").camundaHistoryTimeToLive(180)
                    .startEvent();
            for (int i = 0; i < 8; i++) {
                flow = flow.userTask("t" + i).camundaCandidateGroups("g" + i);
            }
            BpmnModelInstance model = flow.endEvent().done();
            engine.getRepositoryService().createDeployment().addModelInstance("bare.bpmn", model).deploy();
            double rate = 0;
            for (int clients : new int[] {1, 2, 4}) {
                rate = Math.max(rate, run(clients, cases, i -> {
                    String id = engine.getRuntimeService().startProcessInstanceByKey("bare", "b" + i).getId();
                    for (int t = 0; t < 8; t++) {
                        Task task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
                        engine.getTaskService().complete(task.getId(), Map.of("a", t, "b", "v" + t, "c", true));
                    }
                }));
                print("bare engine (%s): %.1f cases/s at %d clients", citycaseIndexes
                        ? "citycase's indexes" : "stock schema and settings", lastRate, clients);
            }
            return rate;
        } finally {
            engine.close();
        }
    }

    private static ConfigurableApplicationContext citycase(String url) {
        return new SpringApplicationBuilder(CitycaseApplication.class).profiles("postgres")
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--server.port=0",
                        "--citycase.security.admin.password=benchmark-admin-1", "--logging.level.org.citycase=WARN");
    }

    private static double loop(ConfigurableApplicationContext app, DataSource db, int clients, int cases)
            throws Exception {
        IntakeService intake = app.getBean(IntakeService.class);
        TaskService tasks = app.getBean(TaskService.class);
        Map<String, List<Long>> latency = new ConcurrentHashMap<>();
        long commitsBefore = commits(db);
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
        print("citycase closed loop: %.1f cases/s at %d clients; %.1f commits per case", rate, clients,
                commits / (double) cases);
        for (String stage : latency.keySet().stream().sorted().toList()) {
            List<Long> ms = latency.get(stage);
            print("  %-12s p50 %5.1f ms  p95 %5.1f ms  p99 %5.1f ms", stage, pct(ms, 50), pct(ms, 95), pct(ms, 99));
        }
        return rate;
    }

    private static void taskPage(ConfigurableApplicationContext app, DataSource db, int open) throws Exception {
        IntakeService intake = app.getBean(IntakeService.class);
        TaskService tasks = app.getBean(TaskService.class);
        long start = System.nanoTime();
        run(4, open, i -> {
            String caseNumber = intake.report(new ReportRequest(Source.SUPERVISOR, "E0102", "开放案件", "南湖区",
                    120.5005 + (i % 199) * 0.001, 31.2005 + (i / 199 % 99) * 0.001, false, null, List.of()));
            for (String stage : List.of("accept", "register")) {
                tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                        .taskDefinitionKey(stage).singleResult().getId(), variables(stage));
            }
            String department = i % 2 == 0 ? "SANITATION-SOUTH" : "ROADS";
            tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(
                    "dispatch").singleResult().getId(), Map.of("department", department));
        });
        print("built %d open cases waiting at departments in %.0f s", open, seconds(start));
        List<Long> page = new ArrayList<>();
        List<Long> count = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long p0 = System.nanoTime();
            tasks.createTaskQuery().taskCandidateGroup("dept-sanitation-south").orderByTaskCreateTime().desc()
                    .listPage(0, 50);
            page.add(System.nanoTime() - p0);
            long c0 = System.nanoTime();
            tasks.createTaskQuery().taskCandidateGroup("dept-sanitation-south").count();
            count.add(System.nanoTime() - c0);
        }
        print("department task page of 50 at %d open tasks: p50 %.1f ms p95 %.1f ms; count p50 %.1f ms p95 %.1f ms",
                tasks.createTaskQuery().count(), pct(page, 50), pct(page, 95), pct(count, 50), pct(count, 95));
    }

    private static void timerBurst(ConfigurableApplicationContext app, DataSource db, int timers) throws Exception {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        BpmnModelInstance model = Bpmn.createExecutableProcess("bench-timer").camundaHistoryTimeToLive(1)
                .startEvent().intermediateCatchEvent("due").timerWithDate("${due}").endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance("bench-timer.bpmn", model).deploy();
        Instant due = Instant.now().plusSeconds(20);
        AtomicInteger n = new AtomicInteger();
        run(4, timers, i -> engine.getRuntimeService().startProcessInstanceByKey("bench-timer", "timer" + n
                .incrementAndGet(), Map.of("due", java.util.Date.from(due))));
        long waitMillis = Math.max(0, due.toEpochMilli() - System.currentTimeMillis());
        TimeUnit.MILLISECONDS.sleep(waitMillis);
        long start = System.nanoTime();
        while (engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("bench-timer").count()
                > 0 && seconds(start) < 600) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        double drained = seconds(start);
        List<Long> lag = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select end_time_ from act_hi_actinst where act_id_ = 'due' and end_time_ is not null")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lag.add((rs.getTimestamp(1).toInstant().toEpochMilli() - due.toEpochMilli()) * 1_000_000);
                }
            }
        }
        print("burst of %d due timers: drained in %.1f s (%.0f timers/s); lag p50 %.0f ms p99 %.0f ms", timers,
                drained, timers / Math.max(drained, 0.001), pct(lag, 50), pct(lag, 99));
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

    private static String version(EmbeddedPostgres postgres) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(DataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
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
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], Integer.parseInt(kv[1]));
        }
        return options;
    }
}
