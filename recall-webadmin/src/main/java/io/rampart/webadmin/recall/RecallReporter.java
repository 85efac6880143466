package io.rampart.webadmin.recall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.collect.ImmutableList;

import io.rampart.core.Rampart;
import io.rampart.core.recall.RecallRecord;
import io.rampart.core.recall.RecalledItem;
import io.rampart.mailets.Notifier;

/**
 * Tells the security mailbox what a recall did: each recalled mail with its subject, sender,
 * recipients, folders and read state, how many internal recipients the sender reached, failures
 * per mailbox, and the trigger. Optionally a short notice to each affected user
 * ({@code recall.notifyUsers}).
 */
@Singleton
public class RecallReporter {
    private static final Logger LOGGER = LoggerFactory.getLogger(RecallReporter.class);

    private final Rampart rampart;
    private final Notifier notifier;

    @Inject
    public RecallReporter(Rampart rampart, Notifier notifier) {
        this.rampart = rampart;
        this.notifier = notifier;
    }

    public void reportQuietly(RecallRecord record) {
        try {
            report(record);
        } catch (Exception e) {
            LOGGER.error("Rampart could not send the report of recall {}", record.id(), e);
        }
    }

    public void report(RecallRecord record) throws MessagingException {
        long recalled = record.count(RecalledItem.State.RECALLED);
        long failed = record.count(RecalledItem.State.FAILED);
        notifier.toSecurity("[Rampart] Recall " + record.status().asString() + ": " + recalled + " copies removed"
            + (failed > 0 ? ", " + failed + " failed" : ""), body(record));
        if (rampart.configuration().recall().notifyUsers()) {
            notifyUsers(record);
        }
    }

    static String body(RecallRecord record) {
        StringBuilder text = new StringBuilder();
        text.append("Rampart recall ").append(record.id()).append('\n')
            .append("Status: ").append(record.status().asString()).append('\n')
            .append("Trigger: ").append(record.trigger().describe()).append('\n')
            .append("Requested by: ").append(record.trigger().actor()).append('\n')
            .append("Criteria: ").append(record.criteria().describe()).append('\n')
            .append("Copies removed: ").append(record.count(RecalledItem.State.RECALLED))
            .append(", failed: ").append(record.count(RecalledItem.State.FAILED))
            .append(", stopped on arrival: ").append(record.count(RecalledItem.State.STOPPED)).append('\n')
            .append("Undo: POST /rampart/recalls/").append(record.id()).append("?action=undo\n\n");
        Map<String, List<RecalledItem>> byMessage = record.items().stream()
            .collect(Collectors.groupingBy(item -> item.messageId() + "\u0000" + item.subject(), LinkedHashMap::new,
                Collectors.toList()));
        for (List<RecalledItem> copies : byMessage.values()) {
            RecalledItem first = copies.get(0);
            List<RecalledItem> removed = copies.stream().filter(i -> i.state() == RecalledItem.State.RECALLED)
                .collect(Collectors.toList());
            text.append("Subject: ").append(first.subject()).append('\n')
                .append("From: ").append(first.sender()).append('\n')
                .append("Message-ID: ").append(first.messageId()).append('\n')
                .append("Recipients (").append(copies.stream().map(RecalledItem::user).distinct().count()).append("): ")
                .append(copies.stream().map(RecalledItem::user).distinct().sorted().collect(Collectors.joining(", ")))
                .append('\n')
                .append("Folders: ").append(String.valueOf(removed.stream().collect(Collectors.groupingBy(
                    RecalledItem::folder, LinkedHashMap::new, Collectors.counting())))).append('\n')
                .append("Read: ").append(removed.stream().filter(RecalledItem::seen).count())
                .append(", unread: ").append(removed.stream().filter(i -> !i.seen()).count()).append('\n')
                .append("Internal recipients the sender reached: ")
                .append(record.internalReach().getOrDefault(first.sender(), 0)).append("\n");
            List<String> errors = copies.stream().filter(i -> i.error().isPresent())
                .map(i -> i.user() + ": " + i.error().get()).collect(Collectors.toList());
            if (!errors.isEmpty()) {
                text.append("Failures:\n");
                errors.forEach(e -> text.append("  ").append(e).append('\n'));
            }
            text.append('\n');
        }
        if (!record.notes().isEmpty()) {
            text.append("Notes:\n");
            record.notes().forEach(n -> text.append("  ").append(n).append('\n'));
        }
        return text.toString();
    }

    private void notifyUsers(RecallRecord record) {
        Map<String, List<RecalledItem>> byUser = record.items().stream()
            .filter(item -> item.state() == RecalledItem.State.RECALLED)
            .collect(Collectors.groupingBy(RecalledItem::user, LinkedHashMap::new, Collectors.toList()));
        byUser.forEach((user, items) -> {
            try {
                List<String> subjects = new ArrayList<>();
                items.forEach(item -> subjects.add("\"" + item.subject() + "\" from " + item.sender()));
                notifier.send(ImmutableList.of(new MailAddress(user)), "A message was removed from your mailbox",
                    "The mail security team removed the following message(s) from your mailbox because they are"
                        + " considered dangerous:\n\n  " + String.join("\n  ", subjects)
                        + "\n\nIf you clicked a link or opened an attachment in it, please contact the security team.\n");
            } catch (Exception e) {
                LOGGER.warn("Rampart could not notify {} of recall {}", user, record.id(), e);
            }
        });
    }

    public void reportUndo(RecallRecord record) throws MessagingException {
        long restored = record.count(RecalledItem.State.RESTORED);
        long failed = record.count(RecalledItem.State.RESTORE_FAILED);
        StringBuilder text = new StringBuilder("Rampart recall ").append(record.id()).append(" was undone by ")
            .append(record.notes().isEmpty() ? "" : "").append(record.summaryJson().path("undoneBy").asText())
            .append(".\nTrigger of the recall: ").append(record.trigger().describe())
            .append("\nCopies restored to their folders: ").append(restored)
            .append("\nCopies that could not be restored: ").append(failed).append('\n');
        record.items().stream().filter(i -> i.state() == RecalledItem.State.RESTORE_FAILED)
            .forEach(i -> text.append("  ").append(i.user()).append(": ").append(i.error().orElse("")).append('\n'));
        notifier.toSecurity("[Rampart] Recall undone: " + restored + " copies restored"
            + (failed > 0 ? ", " + failed + " failed" : ""), text.toString());
    }
}
