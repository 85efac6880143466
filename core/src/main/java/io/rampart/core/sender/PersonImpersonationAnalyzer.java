package io.rampart.core.sender;

import java.util.Optional;

import io.rampart.core.analysis.Analyzer;
import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.Address;
import io.rampart.core.message.ParsedMessage;

/**
 * {@code sender.impersonates-person}: mail from an outside address whose display name is the name of
 * one of the organisation's people ({@link People}): the classic CEO-fraud and payroll-diversion
 * opening, "Bob Smith" &lt;bob.smith.office@gmail.com&gt;. Scored higher from free mail, where such
 * mail nearly always comes from. A namesake at another company gets the lower score alone, which does
 * not reach a flow's threshold without other evidence; list real outside senders in
 * {@code detection.people.allowedSenders}.
 */
public final class PersonImpersonationAnalyzer implements Analyzer {
    public static final String RULE = "sender.impersonates-person";
    public static final double SCORE = 3.0;
    public static final double FREE_MAIL_SCORE = 4.5;

    private final People people;

    public PersonImpersonationAnalyzer(People people) {
        this.people = people;
    }

    @Override
    public String name() {
        return "people";
    }

    @Override
    public void analyze(ParsedMessage message, ScanContext context, ScanReport report) {
        Optional<Address> from = message.from();
        if (from.isEmpty() || from.get().displayName().isEmpty() || from.get().domain().isEmpty()
            || context.isLocalDomain(from.get().domain()) || people.allowedSender(from.get().address())) {
            return;
        }
        String name = from.get().displayName().get();
        people.lookup(name).ifPresent(known -> {
            String domain = from.get().domain();
            boolean freeMail = SenderAnalyzer.isFreeMail(domain);
            String whose = known.address().map(address -> "the name " + address + " sends under")
                .orElse("a protected person's name (detection.people)");
            report.add(RULE, freeMail ? FREE_MAIL_SCORE : SCORE, Category.PHISH,
                "display name '" + name + "' is " + whose + ", but the mail is from the outside address "
                    + from.get().address() + (freeMail ? " (free mail)" : ""));
        });
    }
}
