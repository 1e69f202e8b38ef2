package org.citycase.sla;

import java.time.Instant;
import java.util.List;

import org.citycase.casefile.StageFacts;
import org.springframework.stereotype.Service;

/** Sends notices: records each in the case file, then hands it to every {@link NoticeChannel}. */
@Service
public class Notifier {

    private final StageFacts facts;
    private final List<NoticeChannel> channels;

    public Notifier(StageFacts facts, List<NoticeChannel> channels) {
        this.facts = facts;
        this.channels = List.copyOf(channels);
    }

    /** Records and delivers a notice sent at {@code at}. */
    public void send(Notice notice, Instant at) {
        facts.notice(notice.caseNumber(), notice.stage(), notice.kind().name(), notice.escalationLevel(),
                notice.recipientGroup(), notice.message(), at);
        channels.forEach(channel -> channel.deliver(notice));
    }
}
