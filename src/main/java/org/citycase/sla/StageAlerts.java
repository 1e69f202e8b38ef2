package org.citycase.sla;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.citycase.casefile.StageFacts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Records in the case file what happens to a stage's time limit and tells the groups concerned: the yellow
 * warning, each escalation level (督办), extensions (延期) and suspensions (挂账). Times in messages are local
 * times of the city.
 */
@Service
public class StageAlerts {

    private final StageFacts facts;
    private final Notifier notifier;
    private final DateTimeFormatter localTime;

    public StageAlerts(StageFacts facts, Notifier notifier,
                       @Value("${citycase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.facts = facts;
        this.notifier = notifier;
        this.localTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    /**
     * The stage turned yellow: its open runs turn yellow and the groups working on them are told.
     *
     * @param stageName the stage's Chinese name, e.g. 签收
     * @param dueAt     when the stage is due
     */
    public void warn(String caseNumber, String stage, String stageName, Instant dueAt, Instant now) {
        for (String group : facts.turnYellow(caseNumber, now)) {
            notifier.send(new Notice(caseNumber, stage, NoticeKind.WARNING, null, group,
                    "案件" + caseNumber + "“" + stageName + "”环节即将到期，请在" + localTime.format(dueAt)
                            + "前办结"), now);
        }
    }

    /**
     * The stage reached an escalation level: its open runs turn red, the level is recorded and the rule's
     * groups are told.
     *
     * @param level          one or more
     * @param departmentCode the department holding the case, null before dispatch
     */
    public void escalate(String caseNumber, String stage, String stageName, int level, EscalationRule rule,
                         String departmentCode, Instant now) {
        facts.turnRed(caseNumber, now);
        facts.escalated(caseNumber, stage, level, departmentCode, rule.supervisionGroup(), now);
        String message = "案件" + caseNumber + "“" + stageName + "”环节已超时，启动第" + level + "级督办"
                + (rule.supervisionGroup() == null ? "" : "，督办任务交" + rule.supervisionGroup());
        for (String group : rule.notifyGroups()) {
            notifier.send(new Notice(caseNumber, stage, NoticeKind.ESCALATION, level, group, message), now);
        }
    }

    /**
     * An extension request was decided; the department is told and an approval is counted on the case.
     *
     * @param hours hours granted, of the stage's own clock; ignored when refused
     * @param dueAt the stage's due time after the decision
     */
    public void extensionDecided(String caseNumber, String stage, String stageName, String departmentGroup,
                                 boolean approved, long hours, Instant dueAt, Instant now) {
        if (approved) {
            facts.extended(caseNumber);
        }
        String message = approved
                ? "案件" + caseNumber + "“" + stageName + "”环节延期" + hours + "小时已批准，时限延至"
                        + localTime.format(dueAt)
                : "案件" + caseNumber + "“" + stageName + "”环节延期申请未获批准，时限仍为" + localTime.format(dueAt);
        notifier.send(new Notice(caseNumber, stage, approved ? NoticeKind.EXTENSION_APPROVED
                : NoticeKind.EXTENSION_REFUSED, null, departmentGroup, message), now);
    }

    /**
     * A suspension request was decided. An approved one marks the case suspended, its clock stopped with
     * {@code remainingMinutes} left; the department is told either way.
     *
     * @param remainingMinutes minutes of the stage's clock left, negative when it was already overdue; ignored
     *                         when refused
     */
    public void suspensionDecided(String caseNumber, String stage, String departmentGroup, boolean approved,
                                  long remainingMinutes, Instant now) {
        if (approved) {
            facts.suspended(caseNumber, now);
        }
        String message = approved
                ? "案件" + caseNumber + "已挂账，停止计时，恢复后按剩余时限" + Math.max(0, remainingMinutes) + "分钟继续处置"
                : "案件" + caseNumber + "挂账申请未获批准，请继续处置";
        notifier.send(new Notice(caseNumber, stage, approved ? NoticeKind.SUSPENDED : NoticeKind.SUSPENSION_REFUSED,
                null, departmentGroup, message), now);
    }

    /** A suspended case resumes; the department is told that its clock runs again. */
    public void resumed(String caseNumber, String stage, String departmentGroup, Instant now) {
        facts.resumed(caseNumber);
        notifier.send(new Notice(caseNumber, stage, NoticeKind.RESUMED, null, departmentGroup,
                "案件" + caseNumber + "挂账恢复，按剩余时限重新计时，请继续处置"), now);
    }
}
