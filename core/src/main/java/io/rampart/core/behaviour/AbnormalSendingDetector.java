package io.rampart.core.behaviour;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.alert.Alert;
import io.rampart.core.alert.AlertStore;
import io.rampart.core.block.Block;
import io.rampart.core.block.BlockService;
import io.rampart.core.config.BehaviourSettings;
import io.rampart.core.config.BehaviourSettings.Role;
import io.rampart.core.config.BehaviourSettings.RuleSettings;
import io.rampart.core.limits.LimitAction;
import io.rampart.core.limits.SendAttempt;
import io.rampart.core.message.Address;
import io.rampart.core.sender.People;
import io.rampart.core.sender.PersonNames;
import io.rampart.core.state.StateStore;
import io.rampart.core.text.KeywordAutomaton;
import io.rampart.core.util.Durations;
import io.rampart.core.verdict.VerdictClass;

/**
 * Detects compromised accounts from how they send (outbound and internal mail of local users):
 * fan-out far above the user's own baseline, bursts to first-contact colleagues, the same content
 * to many colleagues, off-hours bursts, internal phishing, and display names impersonating a
 * department, an executive or a colleague by name. Each fired rule is an alert naming the user, the
 * rule, the evidence and the colleagues reached; the strongest action decides (hold the mail, block the sender).
 * Call it after the content scan so {@code internalPhishing} sees the verdict.
 */
public final class AbnormalSendingDetector {
    static final String BASELINE_KEY = "behaviour.baseline";

    private final BehaviourSettings settings;
    private final Optional<Duration> blockDuration;
    private final StateStore state;
    private final BlockService blocks;
    private final AlertStore alerts;
    private final Clock clock;
    private final KeywordAutomaton roleNames;
    private final int[] roleOfName;
    private final People people;

    /**
     * {@code blockDuration}: how long a {@code block} lasts (empty: until lifted), as {@code limits.blockDuration};
     * {@code people}: the colleagues' names the impersonation rule protects.
     */
    public AbnormalSendingDetector(BehaviourSettings settings, Optional<Duration> blockDuration, StateStore state,
                                   BlockService blocks, AlertStore alerts, Clock clock, People people) {
        this.settings = settings;
        this.people = people;
        this.blockDuration = blockDuration;
        this.state = state;
        this.blocks = blocks;
        this.alerts = alerts;
        this.clock = clock;
        KeywordAutomaton.Builder builder = KeywordAutomaton.builder();
        int count = settings.roles().stream().mapToInt(role -> role.names().size()).sum();
        this.roleOfName = new int[count];
        for (int r = 0; r < settings.roles().size(); r++) {
            for (String name : settings.roles().get(r).names()) {
                roleOfName[builder.add(name)] = r;
            }
        }
        this.roleNames = builder.build();
    }

    public BehaviourDecision analyze(BehaviourInput input) {
        if (!settings.enabled()) {
            return BehaviourDecision.none();
        }
        SendAttempt attempt = input.attempt();
        ImmutableList.Builder<Detection> detections = ImmutableList.builder();
        fanOut(attempt).ifPresent(detections::add);
        firstContactBurst(attempt).ifPresent(detections::add);
        sameMessage(attempt).ifPresent(detections::add);
        offHours(attempt).ifPresent(detections::add);
        internalPhishing(attempt, input.contentVerdict()).ifPresent(detections::add);
        impersonation(attempt, input.from()).ifPresent(detections::add);
        ImmutableList<Detection> found = detections.build();
        if (found.isEmpty()) {
            return BehaviourDecision.none();
        }

        ImmutableList.Builder<Alert> recorded = ImmutableList.builder();
        ImmutableList.Builder<Alert> toMail = ImmutableList.builder();
        Optional<Block> block = Optional.empty();
        for (Detection detection : found) {
            Alert alert = Alert.of(attempt.sender(), detection.rule().alertRule(), detection.evidence(),
                detection.colleaguesReached(), attempt.at(), detection.action(), Optional.of(attempt.flow()));
            recorded.add(alert);
            if (alerts.record(alert)) {
                toMail.add(alert);
            }
            if (detection.action() == LimitAction.BLOCK && block.isEmpty()) {
                Optional<Instant> until = blockDuration.map(duration -> clock.instant().plus(duration));
                block = Optional.of(blocks.block(attempt.sender(), detection.rule().alertRule(), detection.evidence(), until));
            }
        }
        return BehaviourDecision.of(found, block, recorded.build(), toMail.build());
    }

    /** The user's fan-out baseline (for WebAdmin and tests). */
    public Baseline baseline(String user) {
        return state.hashes().get(BASELINE_KEY, user.toLowerCase(Locale.ROOT)).map(Baseline::parse).orElse(Baseline.empty());
    }

    private Optional<Detection> fanOut(SendAttempt attempt) {
        RuleSettings rule = settings.rule(BehaviourRule.FAN_OUT);
        int recipients = attempt.recipientCount();
        Baseline baseline = baseline(attempt.sender());
        Optional<Detection> detection = Optional.empty();
        if (rule.enabled() && baseline.messages() >= settings.fanOutMinSamples()
            && recipients >= settings.fanOutMinRecipients()
            && recipients >= rule.threshold() * Math.max(1.0, baseline.meanRecipients())) {
            detection = Optional.of(Detection.of(BehaviourRule.FAN_OUT, String.format(Locale.ROOT,
                "%d recipients in one mail; own baseline %s (threshold %.0fx)", recipients, baseline, rule.threshold()),
                attempt.internalRecipients().size(), rule.action()));
        }
        if (detection.isEmpty()) {
            // an anomalous mail must not teach the baseline
            state.hashes().put(BASELINE_KEY, attempt.sender(), baseline.add(recipients).serialize());
        }
        return detection;
    }

    private Optional<Detection> firstContactBurst(SendAttempt attempt) {
        RuleSettings rule = settings.rule(BehaviourRule.FIRST_CONTACT_BURST);
        if (!rule.enabled() || attempt.internalRecipients().isEmpty()) {
            return Optional.empty();
        }
        ImmutableSet<String> firstContacts = state.sets().addAll("behaviour.contacts:" + attempt.sender(), attempt.internalRecipients());
        if (firstContacts.isEmpty()) {
            return Optional.empty();
        }
        long inWindow = state.windows().addAndSum("behaviour.firstContact:" + attempt.sender(), attempt.mailId(), attempt.at(),
            firstContacts.size(), rule.window());
        if (inWindow < rule.threshold()) {
            return Optional.empty();
        }
        return Optional.of(Detection.of(BehaviourRule.FIRST_CONTACT_BURST, String.format(Locale.ROOT,
            "%d colleagues never written to before reached within %s (threshold %.0f); this mail: %s",
            inWindow, Durations.describe(rule.window()), rule.threshold(), sample(firstContacts.asList())),
            (int) inWindow, rule.action()));
    }

    private Optional<Detection> sameMessage(SendAttempt attempt) {
        RuleSettings rule = settings.rule(BehaviourRule.SAME_MESSAGE);
        if (!rule.enabled() || attempt.fingerprint().isEmpty() || attempt.internalRecipients().isEmpty()) {
            return Optional.empty();
        }
        long inWindow = state.windows().addAndSum("behaviour.same:" + attempt.sender() + ":" + attempt.fingerprint().get(),
            attempt.mailId(), attempt.at(), attempt.internalRecipients().size(), rule.window());
        if (inWindow < rule.threshold()) {
            return Optional.empty();
        }
        return Optional.of(Detection.of(BehaviourRule.SAME_MESSAGE, String.format(Locale.ROOT,
            "the same message (fingerprint %s) reached %d colleagues within %s (threshold %.0f)",
            attempt.fingerprint().get().substring(0, Math.min(12, attempt.fingerprint().get().length())), inWindow,
            Durations.describe(rule.window()), rule.threshold()), (int) inWindow, rule.action()));
    }

    private Optional<Detection> offHours(SendAttempt attempt) {
        RuleSettings rule = settings.rule(BehaviourRule.OFF_HOURS);
        ZonedDateTime local = attempt.at().atZone(settings.zone());
        boolean workTime = settings.workDays().contains(local.getDayOfWeek())
            && !local.toLocalTime().isBefore(settings.workStart()) && local.toLocalTime().isBefore(settings.workEnd());
        if (!rule.enabled() || workTime) {
            return Optional.empty();
        }
        long inWindow = state.windows().addAndSum("behaviour.offHours:" + attempt.sender(), attempt.mailId(), attempt.at(),
            attempt.recipientCount(), rule.window());
        if (inWindow < rule.threshold()) {
            return Optional.empty();
        }
        return Optional.of(Detection.of(BehaviourRule.OFF_HOURS, String.format(Locale.ROOT,
            "%d recipients within %s outside working hours (%s %s, threshold %.0f)", inWindow, Durations.describe(rule.window()),
            local.getDayOfWeek().toString().substring(0, 3).toLowerCase(Locale.ROOT), local.toLocalTime().withNano(0),
            rule.threshold()), attempt.internalRecipients().size(), rule.action()));
    }

    private Optional<Detection> internalPhishing(SendAttempt attempt, Optional<VerdictClass> verdict) {
        RuleSettings rule = settings.rule(BehaviourRule.INTERNAL_PHISHING);
        if (!rule.enabled() || attempt.internalRecipients().isEmpty() || !verdict.equals(Optional.of(VerdictClass.PHISH))) {
            return Optional.empty();
        }
        long inWindow = state.windows().addAndSum("behaviour.phish:" + attempt.sender(), attempt.mailId(), attempt.at(), 1,
            rule.window());
        if (inWindow < rule.threshold()) {
            return Optional.empty();
        }
        return Optional.of(Detection.of(BehaviourRule.INTERNAL_PHISHING, String.format(Locale.ROOT,
            "internal mail classified as phishing (%d within %s, threshold %.0f) sent to %d colleagues",
            inWindow, Durations.describe(rule.window()), rule.threshold(), attempt.internalRecipients().size()),
            attempt.internalRecipients().size(), rule.action()));
    }

    private Optional<Detection> impersonation(SendAttempt attempt, Optional<Address> from) {
        RuleSettings rule = settings.rule(BehaviourRule.IMPERSONATION);
        Optional<String> displayName = from.flatMap(Address::displayName);
        if (!rule.enabled() || displayName.isEmpty()) {
            return Optional.empty();
        }
        String sender = from.map(Address::address).orElse(attempt.sender());
        Optional<String> evidence = roleImpersonation(displayName.get(), sender, attempt.sender());
        if (evidence.isEmpty()) {
            evidence = personImpersonation(displayName.get(), sender, attempt.sender());
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        long inWindow = state.windows().addAndSum("behaviour.impersonation:" + attempt.sender(), attempt.mailId(),
            attempt.at(), 1, rule.window());
        if (inWindow < rule.threshold()) {
            return Optional.empty();
        }
        return Optional.of(Detection.of(BehaviourRule.IMPERSONATION, evidence.get(), attempt.internalRecipients().size(),
            rule.action()));
    }

    /** A department's or executive's name ({@code behaviour.impersonation.role.*}) from an address not listed for it. */
    private Optional<String> roleImpersonation(String displayName, String sender, String user) {
        if (roleNames.size() == 0) {
            return Optional.empty();
        }
        for (int nameId : roleNames.find(displayName)) {
            Role role = settings.roles().get(roleOfName[nameId]);
            if (role.senders().contains(sender) || role.senders().contains(user)) {
                continue;
            }
            String owners = role.senders().isEmpty() ? "no address is configured for it" : "its addresses are " + String.join(", ", role.senders());
            return Optional.of(String.format(Locale.ROOT, "display name '%s' impersonates %s ('%s') but the mail comes from %s; %s",
                displayName, role.name(), roleNames.keyword(nameId), sender, owners));
        }
        return Optional.empty();
    }

    /**
     * A colleague's name ({@code detection.people} or learnt, see {@link People}) written by another local
     * account: a compromised account mailing colleagues or partners as the CEO.
     */
    private Optional<String> personImpersonation(String displayName, String sender, String user) {
        if (!settings.people() || settings.peopleSenders().contains(sender) || settings.peopleSenders().contains(user)
            || PersonNames.hasNote(displayName)) {
            // "Alice Chen (Jira)": a notification service naming whom it writes for; a title in brackets
            // ("Dana Boss (CEO)") is a role name, which the role check above judges.
            return Optional.empty();
        }
        return people.lookup(displayName)
            .filter(known -> known.address().isPresent() && !known.address().get().equals(sender)
                && !known.address().get().equals(user))
            .map(known -> String.format(Locale.ROOT, "display name '%s' is %s's name ('%s', %s) but the mail comes from %s",
                displayName, known.address().get(), known.name(), known.configured() ? "detection.people" : "learnt", sender));
    }

    private static String sample(List<String> addresses) {
        return addresses.size() <= 5 ? String.join(", ", addresses)
            : String.join(", ", addresses.subList(0, 5)) + " and " + (addresses.size() - 5) + " more";
    }
}
