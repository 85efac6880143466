package io.rampart.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.Finding;

class LinkAnalysisTest {
    private static final ImmutableSet<String> LOCAL = ImmutableSet.of("example.com");
    private final LinkAnalysis analysis = new LinkAnalysis(ImmutableSet.of("bad-domain.test"),
        ImmutableSet.of("https://files.example.org/dropper.zip"), ImmutableSet.of("mybank.com"), ImmutableSet.of("example-events.com"));

    private List<String> rules(String url) {
        return analysis.analyze(url, LinkContext.of(LOCAL, "test")).stream().map(Finding::rule)
            .collect(Collectors.toList());
    }

    @Test
    void shouldFlagIpHostWhenLinkPointsToIpLiteral() {
        List<Finding> findings = analysis.analyze("http://203.0.113.7/login", LinkContext.of(LOCAL, "qr code"));

        assertThat(findings).extracting(Finding::rule).containsExactly("link.ip-host");
        assertThat(findings.get(0).category()).isEqualTo(Category.PHISH);
        assertThat(findings.get(0).detail()).contains("203.0.113.7").contains("qr code");
    }

    @Test
    void shouldScoreNumericIpTrickHigherThanPlainIp() {
        double plain = analysis.analyze("http://192.168.1.1/", LinkContext.of(LOCAL, "")).get(0).score();
        double trick = analysis.analyze("http://3232235777/", LinkContext.of(LOCAL, "")).get(0).score();

        assertThat(trick).isGreaterThan(plain);
    }

    @Test
    void shouldFlagDigitSwapLookalikeOfBrand() {
        assertThat(rules("https://paypa1.com/signin")).contains("link.lookalike-brand");
    }

    @Test
    void aWordWithAnotherFirstLetterIsNotALookalike() {
        // finance is one letter from binance and cloud one from icloud, but they are words of their own.
        assertThat(rules("https://finance.yahoo.com/q?s=rhat")).doesNotContain("link.lookalike-brand");
        assertThat(rules("https://cloud.example.net/docs")).doesNotContain("link.lookalike-brand");
        assertThat(rules("https://finance-news.example/")).doesNotContain("link.lookalike-brand");
        // Misspellings that keep the first letter still are, as are homoglyphs of it.
        assertThat(rules("https://binanse.example/login")).contains("link.lookalike-brand");
        assertThat(rules("https://rnicrosoft.example.net/login")).contains("link.lookalike-brand");
        assertThat(rules("https://login.micosoft.example.net/")).contains("link.lookalike-brand");
    }

    @Test
    void shouldFlagCyrillicHomoglyphLookalikeOfBrand() {
        assertThat(rules("https://\u0430pple.com/id")).contains("link.lookalike-brand");
    }

    @Test
    void shouldFlagLookalikeOfLocalDomain() {
        assertThat(rules("https://examp1e.com/owa")).contains("link.lookalike-local");
        assertThat(rules("https://exarnple.com/owa")).contains("link.lookalike-local");
    }

    @Test
    void shouldFlagLocalDomainUsedInAnotherSitesHost() {
        assertThat(rules("https://example.com.mail-verify.top/owa")).contains("link.local-in-subdomain");
        assertThat(rules("https://mail.example.com/owa")).doesNotContain("link.local-in-subdomain");
    }

    @Test
    void shouldFlagSubdomainDressedAsBrandOnCloudBucket() {
        assertThat(rules("https://outook.s3.us-east-1.amazonaws.com/msn1/a.html"))
            .contains("link.lookalike-brand", "link.free-hosting");
    }

    @Test
    void aBrandOnFreeHostingScoresAsMuchAsTheModelCanTakeAway() {
        List<Finding> findings = analysis.analyze("https://sharepoint-docs-view.netlify.app/contract/v3",
            LinkContext.of(LOCAL, "test"));

        assertThat(findings).extracting(Finding::rule).containsExactly("link.brand-in-subdomain", "link.free-hosting");
        assertThat(findings.get(0).score()).isEqualTo(LinkAnalysis.BRAND_ON_FREE_HOSTING_SCORE);
        assertThat(findings.get(0).detail()).isEqualTo("'sharepoint' is part of the domain sharepoint-docs-view.netlify.app, "
            + "which is not one of sharepoint's, on free hosting where anyone picks the name (test)");
        assertThat(analysis.analyze("https://outook.s3.us-east-1.amazonaws.com/msn1/a.html", LinkContext.of(LOCAL, "test")))
            .filteredOn(finding -> finding.rule().equals("link.lookalike-brand")).extracting(Finding::score)
            .containsExactly(LinkAnalysis.BRAND_ON_FREE_HOSTING_SCORE);
        assertThat(analysis.analyze("https://paypal.com.account-check.net/verify", LinkContext.of(LOCAL, "test")))
            .filteredOn(finding -> finding.rule().equals("link.brand-in-subdomain")).extracting(Finding::score)
            .as("elsewhere the usual score").containsExactly(LinkAnalysis.BRAND_IN_SUBDOMAIN_SCORE);
        assertThat(rules("https://paypal-docs.sharepoint.com/sites/verify")).as("a tenant anyone could name so")
            .contains("link.brand-in-subdomain");
        assertThat(rules("https://login-portal.web.app/")).containsExactly("link.free-hosting");
        assertThat(List.of("https://acme-payroll.notion.site/Login-2f1c", "https://secure-docs.onrender.com/",
            "https://telegra.ph/Invoice-11-28", "https://m365-verify.replit.app/"))
            .allSatisfy(url -> assertThat(rules(url)).as(url).contains("link.free-hosting"));
        assertThat(rules("https://avatars.githubusercontent.com/u/9919?s=40")).doesNotContain("link.free-hosting");
    }

    @Test
    void theOrganisationsOwnOtherDomainsAreNotLookalikes() {
        assertThat(rules("https://www.example-events.com/2027")).isEmpty();
        assertThat(rules("https://www.example-careers.com/2027")).containsExactly("link.local-in-subdomain");
    }

    @Test
    void anOrganisationsOwnWorkspaceOnASaasIsNotADisguise() {
        LinkContext acme = LinkContext.of(ImmutableSet.of("acme-corp.com"), "test");
        assertThat(analysis.analyze("https://acme-corp.atlassian.net/browse/OPS-12", acme)).isEmpty();
        assertThat(analysis.analyze("https://acmecorp-my.sharepoint.com/personal/ann/doc.docx", acme))
            .as("nor free hosting: it is the organisation's own").isEmpty();
        assertThat(analysis.analyze("https://acme-corp.github.io/handbook", acme)).isEmpty();
        assertThat(analysis.analyze("https://someone-else.github.io/handbook", acme)).extracting(Finding::rule)
            .containsExactly("link.free-hosting");
        assertThat(analysis.analyze("https://acme-corp.my.salesforce.com/", acme)).isEmpty();
        assertThat(rules("https://paypal-my.sharepoint.com/personal/ann/Documents/q3.xlsx")).containsExactly("link.free-hosting");

        assertThat(analysis.analyze("https://acme-corp-payroll.zendesk.com/hc/login", acme)).extracting(Finding::rule)
            .containsExactly("link.local-in-subdomain");
        assertThat(analysis.analyze("https://acme-corp.login-portal.com/", acme)).extracting(Finding::rule)
            .containsExactly("link.local-in-subdomain");
        assertThat(analysis.analyze("https://www.acme-corp-benefits.com/", acme)).extracting(Finding::detail)
            .containsExactly("'acme-corp' is part of the domain acme-corp-benefits.com, which is not acme-corp.com (test)");
    }

    @Test
    void theOrganisationsFirstWordWithItsStaffServicesPosesAsIt() {
        LinkContext acme = LinkContext.of(ImmutableSet.of("acme-corp.com"), "test");
        assertThat(analysis.analyze("https://acme-gov-notice.cn/butie/", acme)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("link.local-in-subdomain");
            assertThat(finding.score()).isEqualTo(LinkAnalysis.FIRST_WORD_LOCAL_SCORE);
            assertThat(finding.detail()).contains("first word of 'acme-corp'");
        });
        assertThat(analysis.analyze("https://payroll-acme.com/login", acme)).extracting(Finding::rule)
            .containsExactly("link.local-in-subdomain");
        // A company of its own sharing the word, and the word inside another: not the organisation's services.
        assertThat(List.of("https://acme-services.com/", "https://acme-tools.de/catalogue", "https://acmeco-hr.com/",
            "https://www.acme.com/")).allSatisfy(url -> assertThat(analysis.analyze(url, acme)).as(url).isEmpty());
        LinkContext ibm = LinkContext.of(ImmutableSet.of("ibm-uk.com"), "test");
        assertThat(analysis.analyze("https://ibm-hr.com/", ibm)).as("a first word under four letters").isEmpty();
    }

    @Test
    void shouldFlagHyphenatedLookalike() {
        assertThat(rules("https://secure-paypa1.com/")).contains("link.lookalike-brand");
    }

    @Test
    void shouldFlagBrandUsedAsSubdomainOfAnotherSite() {
        assertThat(rules("https://paypal.com.account-check.net/verify")).contains("link.brand-in-subdomain");
    }

    @Test
    void aBrandThatIsAlsoAWordNeedsAnAccountCueBesideIt() {
        assertThat(rules("http://outlook.4team.biz/")).as("an add-on vendor's product page").isEmpty();
        assertThat(rules("https://outlook.com-verify.xyz/owa")).contains("link.brand-in-subdomain");
        assertThat(rules("https://apple.id-support.info/")).contains("link.brand-in-subdomain");
        assertThat(rules("https://amazon.superkoran.info/")).as("a brand that is no other word needs none")
            .contains("link.brand-in-subdomain");
    }

    @Test
    void aThreeLetterBrandIsFoundAsAWholeLabelOrHyphenPart() {
        assertThat(rules("https://dhl-express-fee.com/pay")).contains("link.brand-in-subdomain");
        assertThat(rules("https://www.dhl.com.track-parcel.net/")).contains("link.brand-in-subdomain");
        assertThat(rules("https://www.dhl.fr/suivi")).isEmpty();
        assertThat(rules("https://adhlin.com/")).isEmpty();
    }

    @Test
    void shouldProtectConfiguredBrands() {
        assertThat(rules("https://mybank-login.net/")).contains("link.brand-in-subdomain");
    }

    @Test
    void shouldNotFlagBrandsOwnDomains() {
        assertThat(rules("https://www.paypal.com/signin")).isEmpty();
        assertThat(rules("https://login.microsoftonline.com/common/oauth2")).isEmpty();
        assertThat(rules("https://www.example.com/intranet")).isEmpty();
    }

    @Test
    void shouldFlagShortenerAndFreeHostingAndRiskyTld() {
        assertThat(rules("https://bit.ly/3xYz")).containsExactly("link.shortener");
        assertThat(rules("https://login-portal.web.app/")).contains("link.free-hosting");
        assertThat(rules("https://storage.googleapis.com/bucket/index.html")).contains("link.free-hosting");
        assertThat(rules("https://cheap-meds.xyz/")).contains("link.risky-tld");
    }

    @Test
    void pagesOnIpfsAreFlaggedOnAnyGateway() {
        assertThat(rules("https://ipfs.io/ipfs/QmXoypizjW3WknFiJnKLwHCnL72vedxjQkDDP1mXWo6uco/zoom.html"))
            .containsExactlyInAnyOrder("link.free-hosting", "link.ipfs");
        assertThat(rules("https://gateway.pinata.cloud/ipfs/QmXoypizjW3WknFiJnKLwHCnL72vedxjQkDDP1mXWo6uco#bob@example.com"))
            .contains("link.ipfs");
        assertThat(rules("https://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi.ipfs.w3s.link/login.html"))
            .contains("link.ipfs");
        assertThat(rules("https://docs.ipfs.tech/concepts/what-is-ipfs/")).doesNotContain("link.ipfs");
    }

    @Test
    void shouldFlagOpenRedirectToAnotherSite() {
        assertThat(rules("https://www.google.com/url?q=https://evil.example.net/x")).contains("link.open-redirect");
        assertThat(rules("https://news.example.org/out?url=https%3A%2F%2Fevil.example.net")).contains("link.open-redirect");
    }

    @Test
    void aGrantOfTheReadersMailboxOnTheProvidersOwnSignInIsConsentPhishing() {
        String consent = "https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=4f1c2d7e&response_type=code"
            + "&scope=offline_access%20Mail.Read%20Files.ReadWrite.All&redirect_uri=https%3A%2F%2Fdoc-viewer-secure.app%2Fcallback";
        List<Finding> findings = analysis.analyze(consent, LinkContext.of(LOCAL, "html href").from("docshare-notifications.com"));

        assertThat(findings).filteredOn(f -> f.rule().equals("link.oauth-consent")).singleElement().satisfies(f -> {
            assertThat(f.score()).isEqualTo(LinkAnalysis.OAUTH_CONSENT_SCORE);
            assertThat(f.detail()).contains("login.microsoftonline.com", "scope Mail.Read");
        });
        assertThat(rules("https://accounts.google.com/o/oauth2/v2/auth?client_id=1&scope=https%3A%2F%2Fmail.google.com%2F"
            + "&redirect_uri=https%3A%2F%2Fmailbox-cleaner.example%2Fcb")).contains("link.oauth-consent");
    }

    @Test
    void theSendersOwnDomainAsTheSubdomainOfAnotherSiteIsADisguise() {
        List<Finding> findings = analysis.analyze("https://cloudmesh-labs.io.docs-viewer.app/d/acme-integration",
            LinkContext.of(LOCAL, "text").from("mail.cloudmesh-labs.io"));

        assertThat(findings).filteredOn(f -> f.rule().equals("link.sender-in-subdomain")).singleElement().satisfies(f -> {
            assertThat(f.score()).isEqualTo(LinkAnalysis.SENDER_IN_SUBDOMAIN_SCORE);
            assertThat(f.detail()).contains("cloudmesh-labs.io.docs-viewer.app", "cloudmesh-labs.io", "docs-viewer.app");
        });
        assertThat(analysis.analyze("https://login.northwind.co.uk.secure-docs.net/", LinkContext.of(LOCAL, "text")
            .from("northwind.co.uk"))).extracting(Finding::rule).as("deeper, and a two-label suffix")
            .contains("link.sender-in-subdomain");
    }

    @Test
    void theSendersDomainUnderItsOwnSiteABucketOrACdnEdgeIsNoDisguise() {
        for (String url : new String[] {"https://docs.cloudmesh-labs.io/d/1", "https://cloudmesh-labs.io/",
            "https://cloudmesh-labs.io.s3.amazonaws.com/deck.pdf", "https://www.cloudmesh-labs.io.edgekey.net/",
            "https://cloudmesh-labs-io.docs-viewer.app/d/1", "https://cloudmesh.docs-viewer.app/d/1"}) {
            assertThat(analysis.analyze(url, LinkContext.of(LOCAL, "text").from("cloudmesh-labs.io")))
                .extracting(Finding::rule).as(url).doesNotContain("link.sender-in-subdomain");
        }
        assertThat(rules("https://cloudmesh-labs.io.docs-viewer.app/d/1")).as("sender unknown")
            .doesNotContain("link.sender-in-subdomain");
    }

    @Test
    void aSignInThatAsksForNoMailboxOrReturnsToTheSendersOwnApplicationIsNoConsentPhishing() {
        assertThat(rules("https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=1&scope=openid%20profile"
            + "&redirect_uri=https%3A%2F%2Fapp.example.org%2Fcb")).as("sign-in only").doesNotContain("link.oauth-consent");
        String own = "https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=1&scope=Calendars.Read%20Mail.Read"
            + "&redirect_uri=https%3A%2F%2Fapp.calendly.com%2Fcb";
        assertThat(analysis.analyze(own, LinkContext.of(LOCAL, "html href").from("calendly.com"))).extracting(Finding::rule)
            .as("the application's own mail").doesNotContain("link.oauth-consent");
        assertThat(rules("https://login-microsoftonline.example.net/common/oauth2/v2.0/authorize?scope=Mail.Read"))
            .as("not the provider's page: other rules' business").doesNotContain("link.oauth-consent");
    }

    @Test
    void meetingServicesAreBrandsToo() {
        assertThat(rules("https://zoom-us-meeting.web.app/j/8812345?pwd=xx")).contains("link.brand-in-subdomain", "link.free-hosting");
        assertThat(rules("https://acme-corp.zoom.us/j/91234567890?pwd=abc123")).isEmpty();
        assertThat(rules("https://acme.webex.com/meet/bob")).isEmpty();
        assertThat(rules("https://zoom-cloud-recordings.net/rec/share/8fK2pQz")).as("a recording share dressed as Zoom's")
            .contains("link.brand-in-subdomain");
        assertThat(rules("https://zoomphotography.example.com/gallery")).isEmpty();
    }

    @Test
    void anyParameterHoldingAWholeUrlIsARedirect() {
        // eBay's RedirectToDomain, as a 2005 phish used it: the parameter's name is on no list, the scheme says it all.
        List<Finding> findings = analysis.analyze("http://cgi4.ebay.com/ws/eBayISAPI.dll?MfcISAPICommand=RedirectToDomain"
            + "&DomainUrl=http%3A%2F%2F%32%31%31%2E%31%37%32%2E%39%36%2E%37%2FUpdateCenter%2FLogin%2F", LinkContext.of(LOCAL, "link"));
        assertThat(findings).extracting(Finding::detail).contains("ebay.com redirects to 211.172.96.7 (link)");
        assertThat(findings).extracting(Finding::rule).contains("link.ip-host");
        assertThat(rules("https://shop.example.org/item?ref=www.example.net&id=3")).as("a bare host is no destination")
            .doesNotContain("link.open-redirect");
        assertThat(rules("https://shop.example.org/login?from=https%3A%2F%2Fshop.example.org%2Fcart"))
            .as("back to the same site").doesNotContain("link.open-redirect");
    }

    @Test
    void whereARedirectLandsIsJudgedToo() {
        List<Finding> findings = analysis.analyze("https://www.google.com/url?q=https://paypal-verify.web.app/login",
            LinkContext.of(LOCAL, "link", Optional.of("https://www.paypal.com/")));

        assertThat(findings).extracting(Finding::rule).containsExactlyInAnyOrder("link.open-redirect",
            "link.brand-in-subdomain", "link.free-hosting", "link.text-mismatch");
        assertThat(findings).filteredOn(finding -> finding.rule().equals("link.brand-in-subdomain")).extracting(Finding::detail)
            .containsExactly("'paypal' is part of the domain paypal-verify.web.app, which is not one of paypal's, on free "
                + "hosting where anyone picks the name (link, behind google.com redirect)");
    }

    @Test
    void bingClickTrackersAndGoogleAmpAreRedirects() {
        assertThat(analysis.analyze("https://www.bing.com/ck/a?!&&p=abc&u=a1aHR0cHM6Ly9sb2dpbi1taWNyb3NvZnQtdmVyaWZ5LmNvbS9vd2E&ntb=1",
            LinkContext.of(LOCAL, "test"))).extracting(Finding::detail)
            .contains("bing.com redirects to login-microsoft-verify.com (test)");
        assertThat(rules("https://www.google.com/amp/s/microsoft-login-verify.top/owa"))
            .contains("link.open-redirect", "link.brand-in-subdomain", "link.risky-tld");
        assertThat(rules("https://www.google.com/amp/s/www.google.com/search")).isEmpty();
        assertThat(rules("https://www.bing.com/ck/a?u=a1notbase64")).isEmpty();
    }

    @Test
    void shouldFlagUserinfoDisguise() {
        assertThat(rules("http://www.paypal.com@evil.example.net/")).contains("link.userinfo");
    }

    @Test
    void shouldFlagIndicatorDomainsAndUrlsFromConfiguration() {
        assertThat(rules("https://cdn.bad-domain.test/a")).contains("link.indicator");
        assertThat(rules("http://files.example.org/dropper.zip?x=1")).contains("link.indicator");
        assertThat(rules("https://files.example.org/other")).doesNotContain("link.indicator");
    }

    @Test
    void shouldFlagLinkTextShowingAnotherDomain() {
        List<Finding> findings = analysis.analyze("https://evil.example.net/login",
            LinkContext.of(LOCAL, "link", Optional.of("https://www.paypal.com/")));

        assertThat(findings).extracting(Finding::rule).contains("link.text-mismatch");
    }

    @Test
    void aNewsletterCountingClicksOnItsSendersOwnDomainIsNoMismatch() {
        assertThat(analysis.analyze("http://ummail4.unitedmedia.com/t?u=dilbert",
            LinkContext.of(LOCAL, "link", Optional.of("www.dilbert.com")).from("comics.unitedmedia.com")))
            .extracting(Finding::rule).doesNotContain("link.text-mismatch");
        assertThat(analysis.analyze("http://ummail4.unitedmedia.com/t?u=dilbert",
            LinkContext.of(LOCAL, "link", Optional.of("www.dilbert.com")).from("mailer.example.net")))
            .as("another sender's tracker").extracting(Finding::rule).contains("link.text-mismatch");
        assertThat(analysis.analyze("https://t.mkt.evil.example.net/c",
            LinkContext.of(LOCAL, "link", Optional.of("www.paypal.com")).from("evil.example.net")))
            .as("a brand's site shown").extracting(Finding::rule).contains("link.text-mismatch");
    }

    @Test
    void aNewsletterSentThroughABulkMailServiceShowingItsSendersSiteIsNoMismatch() {
        assertThat(analysis.analyze("https://u2814.ct.sendgrid.net/ls/click?upn=u001.aB3dEf",
            LinkContext.of(LOCAL, "link", Optional.of("https://www.northwindcoffee.com/winter")).from("northwindcoffee.com")))
            .extracting(Finding::rule).doesNotContain("link.text-mismatch");
        assertThat(analysis.analyze("https://u2814.ct.sendgrid.net/ls/click?upn=u001.aB3dEf",
            LinkContext.of(LOCAL, "link", Optional.of("https://www.othershop.com/")).from("northwindcoffee.com")))
            .as("another site than the sender's").extracting(Finding::rule).contains("link.text-mismatch");
        assertThat(analysis.analyze("https://u2814.ct.sendgrid.net/ls/click?upn=u001.aB3dEf",
            LinkContext.of(LOCAL, "link", Optional.of("https://www.paypal.com/")).from("paypal-billing.example")))
            .as("a brand's site from a stolen bulk-mail account").extracting(Finding::rule).contains("link.text-mismatch");
    }

    @Test
    void shouldNotFlagLinkTextThatIsNotADomain() {
        List<Finding> findings = analysis.analyze("https://news.example.org/a",
            LinkContext.of(LOCAL, "link", Optional.of("Read more")));

        assertThat(findings).isEmpty();
    }

    @Test
    void shouldFlagDataUriDocument() {
        assertThat(rules("data:text/html;base64,PGh0bWw+")).containsExactly("link.data-uri");
    }

    @Test
    void shouldReturnNothingForGarbage() {
        assertThat(rules("::::")).isEmpty();
    }

    @Test
    void aBrandInsideAHyphenatedDomainIsDescribedAsSuch() {
        List<Finding> findings = analysis.analyze("http://paypal-secure-login.top/verify", LinkContext.of(LOCAL, "test"));
        assertThat(findings).filteredOn(finding -> finding.rule().equals("link.brand-in-subdomain"))
            .extracting(Finding::detail)
            .containsExactly("'paypal' is part of the domain paypal-secure-login.top, which is not one of paypal's (test)");
    }
}
