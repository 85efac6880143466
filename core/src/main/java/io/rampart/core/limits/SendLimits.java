package io.rampart.core.limits;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.common.base.MoreObjects;
import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableMap;

/**
 * Send limits for the whole domain, a group or one user. Every field is optional: an absent field
 * inherits from the next level (user override, configured user, group, domain default). A value of
 * {@code 0} means "no limit". The JSON form is the WebAdmin body:
 * <pre>{"externalRecipientsPerHour":200,"internalRecipientsPerHour":500,"recipientsPerDay":2000,
 *  "messagesPerMinute":30,"recipientsPerMessage":100,"action":"hold"}</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class SendLimits {
    public static final int MAX_VALUE = 10_000_000;
    private static final SendLimits EMPTY = new SendLimits(ImmutableMap.of(), Optional.empty());

    public static SendLimits empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The WebAdmin / JSON factory: validates every field and throws IllegalArgumentException naming it. */
    @JsonCreator
    public static SendLimits fromJson(@JsonProperty("externalRecipientsPerHour") Integer externalRecipientsPerHour,
                                      @JsonProperty("internalRecipientsPerHour") Integer internalRecipientsPerHour,
                                      @JsonProperty("recipientsPerDay") Integer recipientsPerDay,
                                      @JsonProperty("messagesPerMinute") Integer messagesPerMinute,
                                      @JsonProperty("recipientsPerMessage") Integer recipientsPerMessage,
                                      @JsonProperty("action") String action) {
        Builder builder = builder();
        Optional.ofNullable(externalRecipientsPerHour).ifPresent(v -> builder.limit(Limit.EXTERNAL_RECIPIENTS_PER_HOUR, v));
        Optional.ofNullable(internalRecipientsPerHour).ifPresent(v -> builder.limit(Limit.INTERNAL_RECIPIENTS_PER_HOUR, v));
        Optional.ofNullable(recipientsPerDay).ifPresent(v -> builder.limit(Limit.RECIPIENTS_PER_DAY, v));
        Optional.ofNullable(messagesPerMinute).ifPresent(v -> builder.limit(Limit.MESSAGES_PER_MINUTE, v));
        Optional.ofNullable(recipientsPerMessage).ifPresent(v -> builder.limit(Limit.RECIPIENTS_PER_MESSAGE, v));
        Optional.ofNullable(action).ifPresent(v -> builder.action(LimitAction.parse(v)));
        return builder.build();
    }

    public static final class Builder {
        private final Map<Limit, Integer> values = new EnumMap<>(Limit.class);
        private Optional<LimitAction> action = Optional.empty();

        public Builder limit(Limit limit, int value) {
            Preconditions.checkArgument(value >= 0 && value <= MAX_VALUE,
                "'%s' must be between 0 (no limit) and %s, got %s", limit.key(), MAX_VALUE, value);
            values.put(limit, value);
            return this;
        }

        public Builder action(LimitAction action) {
            this.action = Optional.of(action);
            return this;
        }

        public SendLimits build() {
            return new SendLimits(ImmutableMap.copyOf(values), action);
        }
    }

    private final ImmutableMap<Limit, Integer> values;
    private final Optional<LimitAction> action;

    private SendLimits(ImmutableMap<Limit, Integer> values, Optional<LimitAction> action) {
        this.values = values;
        this.action = action;
    }

    /** The configured value ({@code 0} = no limit), empty when inherited. */
    public OptionalInt value(Limit limit) {
        Integer value = values.get(limit);
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    public Optional<LimitAction> action() {
        return action;
    }

    public ImmutableMap<Limit, Integer> values() {
        return values;
    }

    /** True when every limit and the action are set (required for the domain default). */
    public boolean isComplete() {
        return values.size() == Limit.values().length && action.isPresent();
    }

    /** Throws IllegalArgumentException naming the first missing field. */
    public SendLimits requireComplete() {
        for (Limit limit : Limit.values()) {
            Preconditions.checkArgument(values.containsKey(limit), "'%s' is required for the default limits", limit.key());
        }
        Preconditions.checkArgument(action.isPresent(), "'action' is required for the default limits (alert, hold or block)");
        return this;
    }

    /** This value's fields, with absent ones taken from {@code fallback}. */
    public SendLimits orElse(SendLimits fallback) {
        Map<Limit, Integer> merged = new EnumMap<>(Limit.class);
        merged.putAll(fallback.values);
        merged.putAll(values);
        return new SendLimits(ImmutableMap.copyOf(merged), action.isPresent() ? action : fallback.action);
    }

    public boolean isEmpty() {
        return values.isEmpty() && action.isEmpty();
    }

    @JsonProperty("externalRecipientsPerHour")
    Integer jsonExternalRecipientsPerHour() {
        return values.get(Limit.EXTERNAL_RECIPIENTS_PER_HOUR);
    }

    @JsonProperty("internalRecipientsPerHour")
    Integer jsonInternalRecipientsPerHour() {
        return values.get(Limit.INTERNAL_RECIPIENTS_PER_HOUR);
    }

    @JsonProperty("recipientsPerDay")
    Integer jsonRecipientsPerDay() {
        return values.get(Limit.RECIPIENTS_PER_DAY);
    }

    @JsonProperty("messagesPerMinute")
    Integer jsonMessagesPerMinute() {
        return values.get(Limit.MESSAGES_PER_MINUTE);
    }

    @JsonProperty("recipientsPerMessage")
    Integer jsonRecipientsPerMessage() {
        return values.get(Limit.RECIPIENTS_PER_MESSAGE);
    }

    @JsonProperty("action")
    String jsonAction() {
        return action.map(LimitAction::asString).orElse(null);
    }

    @Override
    public final boolean equals(Object o) {
        if (o instanceof SendLimits) {
            SendLimits that = (SendLimits) o;
            return values.equals(that.values) && action.equals(that.action);
        }
        return false;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(values, action);
    }

    @Override
    public String toString() {
        MoreObjects.ToStringHelper helper = MoreObjects.toStringHelper(this).omitNullValues();
        values.forEach((limit, value) -> helper.add(limit.key(), value));
        return helper.add("action", action.map(LimitAction::asString).orElse(null)).toString();
    }
}
