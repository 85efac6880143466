package io.rampart.core.recall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * The record of one recall: who asked and why, what it selected, what it took from which mailbox
 * (each copy restorable), failures per mailbox, and its undo. Thread-safe; the store keeps it.
 */
public final class RecallRecord {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String id;
    private final Instant createdAt;
    private final RecallTrigger trigger;
    private final RecallCriteria criteria;
    private RecallStatus status;
    private Optional<String> taskId = Optional.empty();
    private Optional<String> undoTaskId = Optional.empty();
    private Optional<String> approvedBy = Optional.empty();
    private Optional<Instant> finishedAt = Optional.empty();
    private Optional<Instant> undoneAt = Optional.empty();
    private Optional<String> undoneBy = Optional.empty();
    private int planned;
    private final Map<String, RecalledItem> items = new LinkedHashMap<>();
    private final Map<String, Integer> internalReach = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    public RecallRecord(String id, Instant createdAt, RecallTrigger trigger, RecallCriteria criteria, RecallStatus status) {
        this.id = id;
        this.createdAt = createdAt;
        this.trigger = trigger;
        this.criteria = criteria;
        this.status = status;
    }

    public String id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public RecallTrigger trigger() {
        return trigger;
    }

    public RecallCriteria criteria() {
        return criteria;
    }

    public synchronized RecallStatus status() {
        return status;
    }

    public synchronized void status(RecallStatus status) {
        this.status = status;
        if (status == RecallStatus.COMPLETED || status == RecallStatus.PARTIAL || status == RecallStatus.FAILED) {
            finishedAt = Optional.of(Instant.now());
        }
    }

    public synchronized Optional<String> taskId() {
        return taskId;
    }

    public synchronized void taskId(String taskId) {
        this.taskId = Optional.of(taskId);
    }

    /** The task of the latest undo, if one was started. */
    public synchronized Optional<String> undoTaskId() {
        return undoTaskId;
    }

    public synchronized void undoTaskId(String undoTaskId) {
        this.undoTaskId = Optional.of(undoTaskId);
    }

    public synchronized Optional<String> approvedBy() {
        return approvedBy;
    }

    public synchronized void approvedBy(String admin) {
        this.approvedBy = Optional.of(admin);
    }

    public synchronized void undone(String by) {
        this.undoneAt = Optional.of(Instant.now());
        this.undoneBy = Optional.of(by);
    }

    public synchronized Optional<Instant> undoneAt() {
        return undoneAt;
    }

    /** When the recall finished (completed, partial or failed); empty while it has not. */
    public synchronized Optional<Instant> finishedAt() {
        return finishedAt;
    }

    /** The copies whose saved copy is still in the recall repository (removed and not put back). */
    public synchronized ImmutableList<RecalledItem> savedCopies() {
        return items.values().stream()
            .filter(item -> item.state() == RecalledItem.State.RECALLED || item.state() == RecalledItem.State.RESTORE_FAILED)
            .collect(ImmutableList.toImmutableList());
    }

    public synchronized int planned() {
        return planned;
    }

    public synchronized void planned(int planned) {
        this.planned = planned;
    }

    public synchronized void put(RecalledItem item) {
        items.put(item.key(), item);
    }

    public synchronized ImmutableList<RecalledItem> items() {
        return ImmutableList.copyOf(items.values());
    }

    public synchronized long count(RecalledItem.State state) {
        return items.values().stream().filter(item -> item.state() == state).count();
    }

    public synchronized void internalReach(String sender, int recipients) {
        internalReach.put(sender, recipients);
    }

    public synchronized ImmutableMap<String, Integer> internalReach() {
        return ImmutableMap.copyOf(internalReach);
    }

    public synchronized void note(String note) {
        notes.add(note);
    }

    public synchronized ImmutableList<String> notes() {
        return ImmutableList.copyOf(notes);
    }

    /**
     * Takes what {@code stored} (the same record as another writer saved it meanwhile) has and this copy
     * lacks: its items, notes and internal reach, and its task id, approver, finish and undo when this
     * copy has none. This copy's status, planned count and its own items stay. How a store saves a
     * copy without losing the work of the recall task, a mailet stopping a copy, or an admin elsewhere.
     */
    public void keepFrom(RecallRecord stored) {
        if (!stored.id.equals(id)) {
            throw new IllegalArgumentException("cannot merge recall " + stored.id + " into recall " + id);
        }
        Map<String, RecalledItem> storedItems;
        List<String> storedNotes;
        Map<String, Integer> storedReach;
        Optional<String> storedTaskId;
        Optional<String> storedUndoTaskId;
        Optional<String> storedApprovedBy;
        Optional<Instant> storedFinishedAt;
        Optional<Instant> storedUndoneAt;
        Optional<String> storedUndoneBy;
        synchronized (stored) {
            storedItems = new LinkedHashMap<>(stored.items);
            storedNotes = new ArrayList<>(stored.notes);
            storedReach = new LinkedHashMap<>(stored.internalReach);
            storedTaskId = stored.taskId;
            storedUndoTaskId = stored.undoTaskId;
            storedApprovedBy = stored.approvedBy;
            storedFinishedAt = stored.finishedAt;
            storedUndoneAt = stored.undoneAt;
            storedUndoneBy = stored.undoneBy;
        }
        synchronized (this) {
            storedItems.putAll(items);
            items.clear();
            items.putAll(storedItems);
            List<String> ownNotes = new ArrayList<>(notes);
            storedNotes.forEach(ownNotes::remove);
            notes.clear();
            notes.addAll(storedNotes);
            notes.addAll(ownNotes);
            storedReach.putAll(internalReach);
            internalReach.clear();
            internalReach.putAll(storedReach);
            taskId = taskId.or(() -> storedTaskId);
            undoTaskId = undoTaskId.or(() -> storedUndoTaskId);
            approvedBy = approvedBy.or(() -> storedApprovedBy);
            finishedAt = finishedAt.or(() -> storedFinishedAt);
            if (undoneAt.isEmpty()) {
                undoneAt = storedUndoneAt;
                undoneBy = storedUndoneBy;
            }
        }
    }

    /** Summary for lists: everything but the items. */
    public synchronized ObjectNode summaryJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", id);
        node.put("createdAt", createdAt.toString());
        node.put("status", status.asString());
        node.put("requestedBy", trigger.actor());
        node.put("reason", trigger.reason());
        node.set("trigger", trigger.toJson());
        node.set("criteria", criteria.toJson());
        taskId.ifPresent(t -> node.put("taskId", t));
        undoTaskId.ifPresent(t -> node.put("undoTaskId", t));
        approvedBy.ifPresent(a -> node.put("approvedBy", a));
        finishedAt.ifPresent(t -> node.put("finishedAt", t.toString()));
        undoneAt.ifPresent(t -> node.put("undoneAt", t.toString()));
        undoneBy.ifPresent(b -> node.put("undoneBy", b));
        node.put("planned", planned);
        ObjectNode counts = node.putObject("counts");
        for (RecalledItem.State state : RecalledItem.State.values()) {
            counts.put(state.asString(), count(state));
        }
        counts.put("mailboxes", items.values().stream().map(RecalledItem::user).distinct().count());
        ObjectNode reach = node.putObject("internalReach");
        internalReach.forEach(reach::put);
        ArrayNode noteArray = node.putArray("notes");
        notes.forEach(noteArray::add);
        return node;
    }

    /** Everything, with the outcome per mailbox. */
    public synchronized ObjectNode toJson() {
        ObjectNode node = summaryJson();
        ArrayNode itemArray = node.putArray("items");
        items.values().forEach(item -> itemArray.add(item.toJson()));
        Map<String, List<RecalledItem>> byUser = items.values().stream()
            .collect(Collectors.groupingBy(RecalledItem::user, LinkedHashMap::new, Collectors.toList()));
        ArrayNode mailboxes = node.putArray("mailboxes");
        byUser.forEach((user, userItems) -> {
            ObjectNode mailbox = mailboxes.addObject();
            mailbox.put("user", user);
            ObjectNode states = mailbox.putObject("outcome");
            userItems.forEach(item -> states.put(item.state().asString(),
                states.path(item.state().asString()).asInt(0) + 1));
            ArrayNode errors = mailbox.putArray("errors");
            userItems.forEach(item -> item.error().ifPresent(errors::add));
        });
        return node;
    }

    public static RecallRecord fromJson(JsonNode node) {
        RecallRecord record = new RecallRecord(node.path("id").asText(), Instant.parse(node.path("createdAt").asText()),
            RecallTrigger.fromJson(node.path("trigger")), RecallCriteria.fromJson(node.path("criteria")),
            RecallStatus.parse(node.path("status").asText()));
        Optional.ofNullable(node.get("taskId")).ifPresent(t -> record.taskId = Optional.of(t.asText()));
        Optional.ofNullable(node.get("undoTaskId")).ifPresent(t -> record.undoTaskId = Optional.of(t.asText()));
        Optional.ofNullable(node.get("approvedBy")).ifPresent(t -> record.approvedBy = Optional.of(t.asText()));
        Optional.ofNullable(node.get("finishedAt")).ifPresent(t -> record.finishedAt = Optional.of(Instant.parse(t.asText())));
        Optional.ofNullable(node.get("undoneAt")).ifPresent(t -> record.undoneAt = Optional.of(Instant.parse(t.asText())));
        Optional.ofNullable(node.get("undoneBy")).ifPresent(t -> record.undoneBy = Optional.of(t.asText()));
        record.planned = node.path("planned").asInt();
        node.path("items").forEach(item -> record.put(RecalledItem.fromJson(item)));
        node.path("internalReach").fields().forEachRemaining(e -> record.internalReach.put(e.getKey(), e.getValue().asInt()));
        node.path("notes").forEach(n -> record.notes.add(n.asText()));
        return record;
    }
}
