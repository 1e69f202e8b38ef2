package org.citycase.casefile;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citycase.security.CaseScope;
import org.citycase.web.InvalidInputException;
import org.citycase.web.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbox of a group: its open tasks, soonest due first, with the case facts a department needs to pick
 * one, and how many there are. It answers from the case file, so a department with thousands of open tasks
 * gets its page as fast as one with ten. The task itself is claimed and completed in Tasklist or through
 * {@code /engine-rest/task/{id}}, which check the department's rights on it.
 */
@RestController
@RequestMapping("/api/inbox")
public class InboxController {

    static final int MAX_PAGE_SIZE = 200;

    private final Inbox inbox;
    private final CaseScope scope;

    public InboxController(Inbox inbox, CaseScope scope) {
        this.inbox = inbox;
        this.scope = scope;
    }

    /**
     * A page of the open tasks of the caller's groups, or of one of them.
     *
     * @param group   one group; a department's user may name only a group of their own, the centre's staff any
     * @param overdue only the tasks past their due time
     */
    @GetMapping
    public InboxPage list(@RequestParam(required = false) String group,
                          @RequestParam(defaultValue = "false") boolean overdue,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size, MAX_PAGE_SIZE);
        Set<String> own = scope.groupsOfCaller();
        List<String> groups;
        if (group == null) {
            groups = own.stream().sorted().toList();
        } else if (own.contains(group) || scope.departmentsOfCaller().isEmpty()) {
            groups = List.of(group);
        } else {
            throw new InvalidInputException("group", "must be one of your groups " + own.stream().sorted().toList());
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant dueBefore = overdue ? now : null;
        return new InboxPage(inbox.page(groups, dueBefore, page * size, size), page, size,
                inbox.count(groups, dueBefore), groups, now.atOffset(ZoneOffset.UTC));
    }

    /**
     * One page of an inbox, the total of the groups' open tasks (past due with {@code overdue}) and the groups.
     *
     * @param asOf the server's time of the answer, against which "overdue" was judged; a client shows the time
     *             left against it, not against its own clock
     */
    public record InboxPage(List<InboxItem> items, int page, int size, long total, List<String> groups,
                            OffsetDateTime asOf) {
    }
}
