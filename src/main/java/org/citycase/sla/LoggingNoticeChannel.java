package org.citycase.sla;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs every notice: the channel that is always there. The line names the case, stage, kind and group only; the
 * notice text stays in the case file.
 */
@Component
public class LoggingNoticeChannel implements NoticeChannel {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingNoticeChannel.class);

    @Override
    public void deliver(Notice notice) {
        if (notice.kind() == NoticeKind.ESCALATION) {
            LOG.info("Case {} stage {} escalated to level {}: {} told", notice.caseNumber(), notice.stage(),
                    notice.escalationLevel(), notice.recipientGroup());
        } else {
            LOG.info("Case {} stage {}: {} notice to {}", notice.caseNumber(), notice.stage(), notice.kind(),
                    notice.recipientGroup());
        }
    }
}
