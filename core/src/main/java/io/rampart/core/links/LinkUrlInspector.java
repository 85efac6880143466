package io.rampart.core.links;

import com.google.common.collect.ImmutableMap;

import io.rampart.core.analysis.Finding;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.attachments.BasicUrlInspector;
import io.rampart.core.attachments.UrlInspector;

/**
 * URLs found inside files and decoded from QR codes: the attachment checks of
 * {@link BasicUrlInspector} (IP host, userinfo, credential path, plain http; rules {@code file.url.*}),
 * then the same link analysis as the message's own links (lookalikes, shorteners, free hosting,
 * risky TLDs, indicators...). A link rule that repeats a {@code file.url.*} rule already reported is
 * left out, and each rule scores once per message: a PDF with a hundred links to one bad host is one
 * piece of evidence, not a hundred.
 */
public final class LinkUrlInspector implements UrlInspector {
    private static final ImmutableMap<String, String> SAME_AS = ImmutableMap.of(
        "link.ip-host", "file.url.ip-host",
        "link.userinfo", "file.url.userinfo");

    private final BasicUrlInspector basic = new BasicUrlInspector();
    private final LinkAnalysis links;

    public LinkUrlInspector(LinkAnalysis links) {
        this.links = links;
    }

    @Override
    public void inspect(String url, String where, ScanContext context, ScanReport report) {
        basic.inspect(url, where, context, report);
        for (Finding finding : links.analyze(url, LinkContext.of(context.localDomains(), where))) {
            String twin = SAME_AS.get(finding.rule());
            if (!report.hasRule(finding.rule()) && (twin == null || !report.hasRule(twin))) {
                report.add(finding);
            }
        }
    }
}
