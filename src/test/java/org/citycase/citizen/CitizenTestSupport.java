package org.citycase.citizen;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.citycase.engine.CaseLifecycle;
import org.citycase.engine.CaseLifecycle.Var;
import org.citycase.intake.IntakeService;
import org.citycase.intake.ReportOutcome;
import org.citycase.intake.ReportRequest;
import org.citycase.intake.Source;

/** Steps that the citizen feature's Spring tests share: reporting, moving a case on, fresh contacts. */
public final class CitizenTestSupport {

    /** Degrees of latitude per metre on the mean earth sphere. */
    public static final double LATITUDE_PER_METRE = 1 / 111_195.08;

    private static final AtomicInteger CONTACTS = new AtomicInteger(10_000_000 + (int) (Math.random() * 80_000_000));

    private CitizenTestSupport() {
    }

    /** A mobile number no other test uses. */
    public static String freshContact() {
        return "139" + CONTACTS.getAndIncrement();
    }

    /** The point {@code metres} north of {@code point}. */
    public static double[] north(double[] point, double metres) {
        return new double[] {point[0], point[1] + metres * LATITUDE_PER_METRE};
    }

    public static ReportOutcome report(IntakeService intake, Source source, String category, double[] point,
                                       String contact) {
        return intake.submit(new ReportRequest(source, category, "测试上报：" + category, "测试地址", point[0], point[1],
                false, contact, List.of()));
    }

    /** Completes the case's open task of the given stage with the variables. */
    public static void complete(TaskService tasks, String caseNumber, String stage, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(stage)
                .singleResult();
        if (task == null) {
            throw new AssertionError("Case " + caseNumber + " does not wait at " + stage);
        }
        tasks.complete(task.getId(), variables);
    }

    /** Accepts, verifies on site and registers a public report's case. */
    public static void register(TaskService tasks, String caseNumber) {
        complete(tasks, caseNumber, CaseLifecycle.Task.ACCEPT, Map.of());
        complete(tasks, caseNumber, CaseLifecycle.Task.VERIFY, Map.of(Var.VERIFIED, true));
        complete(tasks, caseNumber, CaseLifecycle.Task.REGISTER, Map.of(Var.REGISTERED, true));
    }
}
