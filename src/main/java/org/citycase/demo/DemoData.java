package org.citycase.demo;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.citycase.casefile.CaseFilter;
import org.citycase.casefile.CaseRepository;
import org.citycase.catalogue.Catalogue;
import org.citycase.catalogue.Department;
import org.citycase.engine.CaseLifecycle;
import org.citycase.engine.CaseLifecycle.Var;
import org.citycase.intake.IntakeService;
import org.citycase.intake.ReportRequest;
import org.citycase.intake.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills an empty installation with what a newcomer needs to try citycase: users for every role and
 * department (their groups come from {@code AccessSeeder}) and a few cases waiting at different
 * stages. Runs only in the {@code demo} profile and creates nothing that already exists.
 */
@Component
@Profile("demo")
@Order(Ordered.LOWEST_PRECEDENCE)
public class DemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final DemoProperties properties;
    private final IdentityService identity;
    private final TaskService tasks;
    private final Catalogue catalogue;
    private final IntakeService intake;
    private final CaseRepository cases;

    public DemoData(DemoProperties properties, IdentityService identity, TaskService tasks,
                    Catalogue catalogue, IntakeService intake, CaseRepository cases) {
        this.properties = properties;
        this.identity = identity;
        this.tasks = tasks;
        this.catalogue = catalogue;
        this.intake = intake;
        this.cases = cases;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Department department : catalogue.departments()) {
            String userId = department.group().replaceFirst("^dept-", "");
            user(userId, department.name(), "经办人", List.of(department.group()));
        }
        properties.users().forEach(u -> user(u.id(), u.firstName(), u.lastName(), u.groups()));
        if (properties.cases() && cases.count(CaseFilter.all()) == 0) {
            sampleCases();
        }
    }

    private void user(String id, String firstName, String lastName, List<String> groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(firstName == null ? id : firstName);
            user.setLastName(lastName == null ? "" : lastName);
            user.setPassword(id);
            identity.saveUser(user);
            LOG.info("Demo user {} created", id);
        }
        for (String group : groups) {
            if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identity.createMembership(id, group);
            }
        }
    }

    /** Six cases: one waiting at each of the first stages, so every role has work on first login. */
    private void sampleCases() {
        report(Source.CITIZEN, "E0102", "人民路与解放路交叉口东北角垃圾堆放，约两立方米，有异味", "东城区人民路88号",
                120.652, 31.352);
        String verify = report(Source.HOTLINE, "C0101", "小区门口上水井盖缺失，已有行人险些踩空", "西城区文昌路17号",
                120.548, 31.331);
        complete(verify, CaseLifecycle.Task.ACCEPT, Map.of());
        String register = report(Source.SUPERVISOR, "E0101", "沿街商铺在人行道上搭建彩钢棚，约十平方米",
                "南湖区湖滨路203号", 120.611, 31.254);
        complete(register, CaseLifecycle.Task.ACCEPT, Map.of());
        String dispatch = report(Source.SUPERVISOR, "E0104", "主干道路面散落渣土，长约三十米", "东城区建设大道56号",
                120.671, 31.372);
        complete(dispatch, CaseLifecycle.Task.ACCEPT, Map.of());
        complete(dispatch, CaseLifecycle.Task.REGISTER, Map.of(Var.REGISTERED, true));
        String acknowledge = report(Source.SUPERVISOR, "E0102", "公交站台旁暴露垃圾，多个垃圾袋破损", "东城区公园路12号",
                120.633, 31.318);
        complete(acknowledge, CaseLifecycle.Task.ACCEPT, Map.of());
        complete(acknowledge, CaseLifecycle.Task.REGISTER, Map.of(Var.REGISTERED, true));
        complete(acknowledge, CaseLifecycle.Task.DISPATCH, Map.of());
        String check = report(Source.SUPERVISOR, "C0110", "路灯不亮，连续三盏", "西城区学府路1号", 120.521, 31.388);
        complete(check, CaseLifecycle.Task.ACCEPT, Map.of());
        complete(check, CaseLifecycle.Task.REGISTER, Map.of(Var.REGISTERED, true));
        complete(check, CaseLifecycle.Task.DISPATCH, Map.of());
        complete(check, CaseLifecycle.Task.ACKNOWLEDGE, Map.of());
        complete(check, CaseLifecycle.Task.HANDLE, Map.of(Var.OUTCOME, CaseLifecycle.Outcome.HANDLED, Var.FEEDBACK,
                "已更换灯具三套，恢复照明"));
        LOG.info("Demo cases created");
    }

    private String report(Source source, String category, String description, String address, double longitude,
                          double latitude) {
        return intake.report(new ReportRequest(source, category, description, address, longitude, latitude, false,
                null, List.of()));
    }

    private void complete(String caseNumber, String taskKey, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey)
                .singleResult();
        tasks.complete(task.getId(), variables);
    }
}
