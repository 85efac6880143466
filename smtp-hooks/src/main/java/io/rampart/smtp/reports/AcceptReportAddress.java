package io.rampart.smtp.reports;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.RcptHook;

import io.rampart.core.Rampart;
import io.rampart.mailets.LocalDomains;

/**
 * Accepts RCPT TO the report address ({@code reports.address}) from local users (authenticated or
 * relay-allowed clients), although no account has that name: the mailet container records the
 * report instead of delivering it. Anyone else gets James's usual "unknown user". Place it before
 * {@code ValidRcptHandler}:
 *
 * <pre>{@code <handler class="io.rampart.smtp.reports.AcceptReportAddress"/>}</pre>
 */
public class AcceptReportAddress implements RcptHook {
    private final Rampart rampart;
    private final LocalDomains localDomains;

    @Inject
    public AcceptReportAddress(Rampart rampart, LocalDomains localDomains) {
        this.rampart = rampart;
        this.localDomains = localDomains;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress rcpt) {
        boolean local = session.getUsername() != null || session.isRelayingAllowed();
        if (local && rcpt.asString().equalsIgnoreCase(rampart.configuration().reports().address(localDomains.defaultDomain()))) {
            return HookResult.OK;
        }
        return HookResult.DECLINED;
    }
}
