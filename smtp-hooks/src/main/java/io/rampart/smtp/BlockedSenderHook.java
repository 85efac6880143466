package io.rampart.smtp;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.MailHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.collect.ImmutableList;

import io.rampart.core.Rampart;
import io.rampart.core.block.Block;

/**
 * Refuses {@code MAIL FROM} of a sender Rampart blocked (a {@code block} send limit or
 * abnormal-sending rule), with {@code 550 5.7.1 <address> is blocked by Rampart: <rule> ...;
 * contact your administrator}. It checks the authenticated user and, for authenticated or
 * relay-allowed clients, the MAIL FROM address. Mail from outside is not judged here. Mail already
 * queued when the block was placed is held by {@code io.rampart.mailets.RampartControl}.
 *
 * <pre>{@code <handler class="io.rampart.smtp.BlockedSenderHook"/>}</pre>
 */
public class BlockedSenderHook implements MailHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(BlockedSenderHook.class);
    private static final int MAX_REPLY_LENGTH = 400;

    private final Rampart rampart;

    @Inject
    public BlockedSenderHook(Rampart rampart) {
        this.rampart = rampart;
    }

    @Override
    public void init(Configuration config) throws ConfigurationException {
        if (config == null) {
            return;
        }
        java.util.List<String> settings = ImmutableList.copyOf(config.getKeys()).stream()
            .filter(key -> !key.startsWith("[@"))
            .collect(Collectors.toList());
        if (!settings.isEmpty()) {
            throw new ConfigurationException("io.rampart.smtp.BlockedSenderHook takes no settings (found: " + settings
                + "); blocks are placed by limits.* and behaviour.* in rampart.properties and lifted over WebAdmin");
        }
    }

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        Set<String> candidates = new LinkedHashSet<>();
        Optional.ofNullable(session.getUsername()).ifPresent(user -> candidates.add(user.asString()));
        if (session.getUsername() != null || session.isRelayingAllowed()) {
            sender.asOptional().map(MailAddress::asString).ifPresent(candidates::add);
        }
        for (String candidate : candidates) {
            Optional<Block> block = rampart.blocks().activeBlock(candidate);
            if (block.isPresent()) {
                LOGGER.info("Rampart refused MAIL FROM {} (user {}): {}", sender.asString(), session.getUsername(), block.get());
                return HookResult.builder()
                    .hookReturnCode(HookReturnCode.deny())
                    .smtpReturnCode("550")
                    .smtpDescription(replyText(block.get()))
                    .build();
            }
        }
        return HookResult.DECLINED;
    }

    static String replyText(Block block) {
        String text = "5.7.1 <" + block.address() + "> is blocked by Rampart: " + block.rule()
            + block.until().map(end -> " until " + end).orElse(" until an administrator lifts it")
            + "; contact your administrator";
        String oneLine = text.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() > MAX_REPLY_LENGTH ? oneLine.substring(0, MAX_REPLY_LENGTH) : oneLine;
    }
}
