package org.citycase.security;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.citycase.engine.CaseLifecycle.Var;
import org.springframework.stereotype.Component;

/**
 * The task filters every Tasklist user starts with: the tasks of my groups, those of them past their due
 * time and those due by the end of today, and the tasks I claimed. Each filter resolves the current user
 * when it runs, so one filter serves every role and department. Created when missing; an administrator may
 * change them in Tasklist afterwards.
 *
 * <p>"Today" ends at midnight in the server's default time zone, which the engine's date functions use:
 * run the server in the city's zone (e.g. {@code TZ=Asia/Shanghai}), or the day ends at the wrong hour.
 */
@Component
public class TasklistFilters {

    static final String MY_GROUPS = "我的组待办";
    static final String MINE = "我的任务";
    static final String OVERDUE = "已超时";
    static final String DUE_TODAY = "今日到期";

    private final FilterService filters;
    private final TaskService tasks;

    public TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    /** Creates the filters that do not exist yet. */
    public void ensure() {
        create(MY_GROUPS, -10, "我所在组的全部待办任务", tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .orderByTaskCreateTime().asc());
        create(OVERDUE, -9, "我所在组已超过时限的任务，最早到期的在前", tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .dueBeforeExpression("${now()}").orderByDueDate().asc());
        create(DUE_TODAY, -8, "我所在组今天到期、尚未超时的任务", tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .dueAfterExpression("${now()}")
                .dueBeforeExpression("${dateTime().plusDays(1).withTimeAtStartOfDay()}").orderByDueDate().asc());
        create(MINE, -5, "已认领到我名下的任务", tasks.createTaskQuery()
                .taskAssigneeExpression("${currentUser()}").orderByTaskCreateTime().asc());
    }

    private void create(String name, int priority, String description, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() == 0) {
            Filter filter = filters.newTaskFilter(name).setQuery(query)
                    .setProperties(properties(priority, description));
            filters.saveFilter(filter);
        }
    }

    /** Filter properties that also show the case number, category and address in the task list. */
    private static Map<String, Object> properties(int priority, String description) {
        List<Map<String, String>> variables = List.of(
                Map.of("name", Var.CASE_NUMBER, "label", "案件编号"),
                Map.of("name", Var.CATEGORY_NAME, "label", "类别"),
                Map.of("name", Var.ADDRESS, "label", "地址"));
        return Map.of("priority", priority, "description", description, "refresh", true, "variables", variables);
    }
}
