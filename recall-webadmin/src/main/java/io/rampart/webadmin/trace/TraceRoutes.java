package io.rampart.webadmin.trace;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rampart.core.Rampart;
import io.rampart.webadmin.http.Json;
import io.rampart.core.ledger.LedgerEntry;
import io.rampart.core.recall.RecallCriteria;
import io.rampart.core.recall.RecallRecord;
import io.rampart.core.recall.RecalledItem;
import io.rampart.webadmin.recall.MailboxRecaller;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * {@code GET /rampart/trace?messageId=|sender=|subject=|since=|until=[&locate=true]}: what became
 * of matching mail for each recipient (delivered, junk, quarantined, held, dropped, blocked,
 * recalled, restored), from the delivery ledger. {@code locate=true} adds where each copy is now
 * (folder and James message id); mail the ledger does not know (delivered before Rampart or
 * outside it) is looked for in every mailbox when {@code messageId}, {@code sender} or
 * {@code subject} is given.
 */
public class TraceRoutes implements Routes {
    public static final String BASE_PATH = "/rampart/trace";
    public static final int MAX_ENTRIES = 500;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Rampart rampart;
    private final MailboxRecaller recaller;

    @Inject
    public TraceRoutes(Rampart rampart, MailboxRecaller recaller) {
        this.rampart = rampart;
        this.recaller = recaller;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH, this::trace);
    }

    private Object trace(Request request, Response response) {
        Optional<String> messageId = param(request, "messageId").map(LedgerEntry::normalizeMessageId);
        Optional<String> sender = param(request, "sender").map(s -> s.toLowerCase(Locale.ROOT));
        Optional<String> subject = param(request, "subject");
        Optional<Instant> since = instant(request, "since");
        Optional<Instant> until = instant(request, "until");
        boolean locate = param(request, "locate").map(TraceRoutes::bool).orElse(false);
        if (messageId.isEmpty() && sender.isEmpty() && subject.isEmpty() && since.isEmpty()) {
            throw new IllegalArgumentException("Give at least one of messageId, sender, subject or since");
        }
        Instant now = rampart.recalls().now();
        List<LedgerEntry> entries = new ArrayList<>();
        for (LedgerEntry entry : rampart.ledger().between(since.orElse(now.minus(rampart.configuration().recall()
            .ledgerRetention())), until.orElse(now.plusSeconds(60)))) {
            if (messageId.map(id -> id.equals(entry.messageId())).orElse(true)
                && sender.map(s -> s.equals(entry.sender())).orElse(true)
                && subject.map(s -> entry.subject().toLowerCase(Locale.ROOT).contains(s.toLowerCase(Locale.ROOT))).orElse(true)) {
                entries.add(entry);
            }
        }
        List<RecallRecord> recalls = rampart.recalls().list();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("count", entries.size());
        ArrayNode list = node.putArray("entries");
        entries.stream().skip(Math.max(0, entries.size() - MAX_ENTRIES)).forEach(entry -> list.add(json(entry, recalls, locate)));
        node.put("truncated", entries.size() > MAX_ENTRIES);
        if ((entries.isEmpty() || locate) && (messageId.isPresent() || sender.isPresent() || subject.isPresent())) {
            RecallCriteria.Builder criteria = RecallCriteria.builder().scope(RecallCriteria.Scope.ALL);
            messageId.ifPresent(criteria::messageId);
            sender.ifPresent(criteria::sender);
            subject.ifPresent(criteria::subjectContains);
            since.ifPresent(criteria::since);
            until.ifPresent(criteria::until);
            ArrayNode copies = node.putArray("mailboxCopies");
            recaller.locate(recaller.plan(criteria.build())).stream().limit(MAX_ENTRIES).forEach(copy -> {
                ObjectNode item = copies.addObject();
                item.put("user", copy.user().asString());
                item.put("folder", copy.folder());
                item.put("jamesMessageId", copy.jamesMessageId());
                item.put("messageId", copy.messageId());
                item.put("subject", copy.subject());
                item.put("sender", copy.sender());
                item.put("seen", copy.seen());
            });
        }
        return Json.write(response, node);
    }

    private ObjectNode json(LedgerEntry entry, List<RecallRecord> recalls, boolean locate) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", entry.id());
        node.put("time", entry.time().toString());
        node.put("messageId", entry.messageId());
        node.put("sender", entry.sender());
        node.put("subject", entry.subject());
        node.put("flow", entry.flow());
        node.put("verdict", entry.verdict());
        ArrayNode urls = node.putArray("urls");
        entry.urls().forEach(urls::add);
        ArrayNode hashes = node.putArray("sha256");
        entry.hashes().forEach(hashes::add);
        ArrayNode recipients = node.putArray("recipients");
        entry.outcomes().forEach((recipient, outcome) -> {
            ObjectNode item = recipients.addObject();
            item.put("address", recipient);
            item.put("outcome", outcome.asString());
            ArrayNode recallIds = item.putArray("recalls");
            for (RecallRecord record : recalls) {
                for (RecalledItem recalled : record.items()) {
                    if (recalled.user().equalsIgnoreCase(recipient) && recalled.messageId().equals(entry.messageId())) {
                        recallIds.add(record.id());
                        break;
                    }
                }
            }
            if (locate && outcome.reachedMailbox()) {
                ArrayNode locations = item.putArray("locations");
                recaller.locate(recipient, entry.messageId()).forEach(copy -> {
                    ObjectNode location = locations.addObject();
                    location.put("folder", copy.folder());
                    location.put("jamesMessageId", copy.jamesMessageId());
                    location.put("seen", copy.seen());
                });
            }
        });
        return node;
    }

    private static Optional<String> param(Request request, String name) {
        return Optional.ofNullable(request.queryParams(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static Optional<Instant> instant(Request request, String name) {
        return param(request, name).map(value -> {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + name + "' must be an ISO-8601 instant such as"
                    + " 2026-01-31T09:00:00Z, got '" + value + "'");
            }
        });
    }

    private static boolean bool(String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("'locate' must be true or false, got '" + value + "'");
    }
}
