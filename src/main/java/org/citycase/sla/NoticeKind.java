package org.citycase.sla;

/** What a notice about a case's time limit says. */
public enum NoticeKind {
    /** The stage turned yellow (黄灯预警). */
    WARNING,
    /** The stage is overdue and reached an escalation level (超时督办). */
    ESCALATION,
    /** An extension (延期) was approved; the stage's due time moved. */
    EXTENSION_APPROVED,
    /** An extension was refused; the due time stays. */
    EXTENSION_REFUSED,
    /** The case was suspended (挂账) and its clock stopped. */
    SUSPENDED,
    /** A suspension was refused; handling goes on. */
    SUSPENSION_REFUSED,
    /** A suspended case was resumed (挂账恢复); its clock runs again with the time left. */
    RESUMED
}
