package io.rampart.core.reports;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.google.common.collect.ImmutableSet;

/**
 * A campaign enough distinct users reported ({@code reports.recallCandidateThreshold}): what a recall
 * would look for in mailboxes (Message-IDs, senders, subjects, URLs, hashes) and who reported it.
 * Its JSON form is how the state store keeps it.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"id", "flaggedAt", "reporters", "reportIds", "messageIds", "senders", "subjects", "urls", "sha256"})
public final class RecallCandidate {
    public static RecallCandidate from(Campaign campaign, Instant flaggedAt) {
        return new RecallCandidate(campaign.id(), flaggedAt, campaign.reporters(),
            campaign.reports().stream().map(Report::id).collect(ImmutableSet.toImmutableSet()),
            campaign.messageIds(), campaign.senders(), campaign.subjects(), campaign.urls(), campaign.sha256());
    }

    /** Lists, not sets: Jackson would read a set into a HashSet and lose the order. */
    @JsonCreator
    static RecallCandidate fromJson(@JsonProperty("id") String id, @JsonProperty("flaggedAt") String flaggedAt,
                                    @JsonProperty("reporters") List<String> reporters,
                                    @JsonProperty("reportIds") List<String> reportIds,
                                    @JsonProperty("messageIds") List<String> messageIds,
                                    @JsonProperty("senders") List<String> senders,
                                    @JsonProperty("subjects") List<String> subjects,
                                    @JsonProperty("urls") List<String> urls, @JsonProperty("sha256") List<String> sha256) {
        return new RecallCandidate(id, Instant.parse(flaggedAt), orEmpty(reporters), orEmpty(reportIds), orEmpty(messageIds),
            orEmpty(senders), orEmpty(subjects), orEmpty(urls), orEmpty(sha256));
    }

    private static Set<String> orEmpty(List<String> values) {
        return values == null ? ImmutableSet.of() : ImmutableSet.copyOf(values);
    }

    private final String id;
    private final Instant flaggedAt;
    private final ImmutableSet<String> reporters;
    private final ImmutableSet<String> reportIds;
    private final ImmutableSet<String> messageIds;
    private final ImmutableSet<String> senders;
    private final ImmutableSet<String> subjects;
    private final ImmutableSet<String> urls;
    private final ImmutableSet<String> sha256;

    public RecallCandidate(String id, Instant flaggedAt, Set<String> reporters, Set<String> reportIds,
                           Set<String> messageIds, Set<String> senders, Set<String> subjects, Set<String> urls,
                           Set<String> sha256) {
        this.id = Objects.requireNonNull(id);
        this.flaggedAt = Objects.requireNonNull(flaggedAt);
        this.reporters = ImmutableSet.copyOf(reporters);
        this.reportIds = ImmutableSet.copyOf(reportIds);
        this.messageIds = ImmutableSet.copyOf(messageIds);
        this.senders = ImmutableSet.copyOf(senders);
        this.subjects = ImmutableSet.copyOf(subjects);
        this.urls = ImmutableSet.copyOf(urls);
        this.sha256 = ImmutableSet.copyOf(sha256);
    }

    /** The same candidate, updated from the grown campaign (keeps the id and the time it was first flagged). */
    public RecallCandidate updatedFrom(Campaign campaign) {
        RecallCandidate fresh = from(campaign, flaggedAt);
        return new RecallCandidate(id, flaggedAt, fresh.reporters, fresh.reportIds, fresh.messageIds, fresh.senders,
            fresh.subjects, fresh.urls, fresh.sha256);
    }

    @JsonProperty("id")
    public String id() {
        return id;
    }

    public Instant flaggedAt() {
        return flaggedAt;
    }

    @JsonProperty("flaggedAt")
    String jsonFlaggedAt() {
        return flaggedAt.toString();
    }

    @JsonProperty("reporters")
    public ImmutableSet<String> reporters() {
        return reporters;
    }

    @JsonProperty("reportIds")
    public ImmutableSet<String> reportIds() {
        return reportIds;
    }

    @JsonProperty("messageIds")
    public ImmutableSet<String> messageIds() {
        return messageIds;
    }

    @JsonProperty("senders")
    public ImmutableSet<String> senders() {
        return senders;
    }

    @JsonProperty("subjects")
    public ImmutableSet<String> subjects() {
        return subjects;
    }

    @JsonProperty("urls")
    public ImmutableSet<String> urls() {
        return urls;
    }

    @JsonProperty("sha256")
    public ImmutableSet<String> sha256() {
        return sha256;
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof RecallCandidate) {
            RecallCandidate that = (RecallCandidate) o;
            return id.equals(that.id) && flaggedAt.equals(that.flaggedAt) && reporters.equals(that.reporters)
                && reportIds.equals(that.reportIds) && messageIds.equals(that.messageIds) && senders.equals(that.senders)
                && subjects.equals(that.subjects) && urls.equals(that.urls) && sha256.equals(that.sha256);
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(id, flaggedAt, reporters, reportIds, messageIds, senders, subjects, urls, sha256);
    }
}
