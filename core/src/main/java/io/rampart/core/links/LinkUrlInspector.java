package io.rampart.core.links;

import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.attachments.UrlInspector;

/**
 * Sends URLs found inside files and decoded from QR codes through the same link analysis as the
 * message's own links. Like the message's links, each rule scores once per message: a PDF with a
 * hundred links to one bad host is one piece of evidence, not a hundred.
 */
public final class LinkUrlInspector implements UrlInspector {
    private final LinkAnalysis links;

    public LinkUrlInspector(LinkAnalysis links) {
        this.links = links;
    }

    @Override
    public void inspect(String url, String where, ScanContext context, ScanReport report) {
        for (Finding finding : links.analyze(url, LinkContext.of(context.localDomains(), where))) {
            if (!report.hasRule(finding.rule())) {
                report.add(finding);
            }
        }
    }
}
