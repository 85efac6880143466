package io.rampart.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableSet;

import io.rampart.core.analysis.Finding;

class LinkRewritersTest {
    private static final String ORIGINAL = "https://github.com/EttusResearch/uhd/issues?q=is:open";
    private final LinkAnalysis analysis = LinkAnalysis.defaults();

    private static String destination(String wrapped) {
        NormalizedUrl url = UrlNormalizer.normalize(wrapped).get();
        return LinkRewriters.unwrap(url).flatMap(LinkRewriters.Unwrapped::target).map(NormalizedUrl::toString)
            .orElse("(none)");
    }

    @Test
    void readsTheOriginalUrlBackOutOfEachServicesWrapper() {
        assertThat(destination("https://nam01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fgithub.com%2F"
            + "EttusResearch%2Fuhd%2Fissues%3Fq%3Dis%3Aopen&data=02%7C01%7C&sdata=abc%3D&reserved=0")).isEqualTo(ORIGINAL);
        assertThat(destination("https://urldefense.proofpoint.com/v2/url?u=https-3A__github.com_EttusResearch_uhd_"
            + "issues-3Fq-3Dis-3Aopen&d=DwMFaQ&c=euGZstcaTDllvimEN8b7jXrwqOf-v5A_CdpgnVfiiMM&r=x&m=y&s=z&e=")).isEqualTo(ORIGINAL);
        assertThat(destination("https://urldefense.com/v3/__https://github.com/EttusResearch/uhd/issues?q=is:open__;"
            + "!!ACWV5N9M2RV99hQ!abc$")).isEqualTo(ORIGINAL);
        assertThat(destination("https://linkprotect.cudasvc.com/url?a=https%3a%2f%2fgithub.com%2fEttusResearch%2fuhd"
            + "%2fissues%3fq%3dis%3aopen&c=E,1,abc&typo=1")).isEqualTo(ORIGINAL);
        assertThat(destination("https://secure-web.cisco.com/1kZ3pQ-token/https%3A%2F%2Fgithub.com%2FEttusResearch"
            + "%2Fuhd%2Fissues%3Fq%3Dis%3Aopen")).isEqualTo(ORIGINAL);
        assertThat(destination("https://imsva91-ctp.trendmicro.com/wis/clicktime/v1/query?url=https%3a%2f%2fgithub.com"
            + "%2fEttusResearch%2fuhd%2fissues%3fq%3dis%3aopen&umid=1&auth=2")).isEqualTo(ORIGINAL);
        String base64 = Base64.getUrlEncoder().encodeToString(ORIGINAL.getBytes(StandardCharsets.UTF_8));
        assertThat(destination("https://eu-west-1.protection.sophos.com/?d=github.com&u=" + base64 + "&i=1&t=2"))
            .isEqualTo(ORIGINAL);
    }

    @Test
    void anOpaqueWrapperIsRecognisedWithoutADestination() {
        Optional<LinkRewriters.Unwrapped> mimecast = LinkRewriters.unwrap(
            UrlNormalizer.normalize("https://protect-eu.mimecast.com/s/AbCdEfGhIjKl?domain=github.com").get());
        assertThat(mimecast).isPresent();
        assertThat(mimecast.get().service()).isEqualTo("Mimecast URL Protect");
        assertThat(mimecast.get().target()).isEmpty();
    }

    @Test
    void ordinaryLinksAndLookalikeHostsAreNotWrappers() {
        assertThat(LinkRewriters.unwrap(UrlNormalizer.normalize("https://github.com/?url=https://evil.test/").get()))
            .isEmpty();
        assertThat(LinkRewriters.unwrap(UrlNormalizer.normalize(
            "https://safelinks.protection.outlook.com.evil.test/?url=https%3A%2F%2Fgithub.com").get())).isEmpty();
        // A wrapper whose parameter is not an absolute web URL has no destination.
        assertThat(destination("https://nam01.safelinks.protection.outlook.com/?url=javascript%3Aalert(1)"))
            .isEqualTo("(none)");
    }

    @Test
    void nestedWrappersAreUndoneToTheInnermostUrl() {
        String proofpoint = "https://urldefense.com/v3/__https://github.com/EttusResearch/uhd/issues?q=is:open__;!!A!b$";
        String safeLinks = "https://eur03.safelinks.protection.outlook.com/?url="
            + java.net.URLEncoder.encode(proofpoint, StandardCharsets.UTF_8) + "&data=1";
        assertThat(LinkRewriters.innermost(UrlNormalizer.normalize(safeLinks).get()).toString()).isEqualTo(ORIGINAL);
    }

    @Test
    void aWrappedLinkIsJudgedByItsDestination() {
        String wrappedGithub = "https://nam01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fgithub.com%2Fa&data=1";
        // Text and destination agree: neither a text mismatch nor an open redirect.
        assertThat(analysis.analyze(wrappedGithub, LinkContext.of(ImmutableSet.of(), "link in part 1",
            Optional.of("https://github.com/a")))).isEmpty();

        // A lookalike behind the wrapper is still found, and the finding names the wrapper.
        List<Finding> lookalike = analysis.analyze(
            "https://nam01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fpaypa1.com%2Fsignin&data=1",
            LinkContext.of(ImmutableSet.of(), "link in part 1", Optional.of("https://www.paypal.com")));
        assertThat(lookalike).extracting(Finding::rule).contains("link.lookalike-brand", "link.text-mismatch");
        assertThat(lookalike).allSatisfy(finding -> assertThat(finding.detail()).contains("behind Microsoft Safe Links"));

        // A client that rewrote the link text too: the text's wrapped destination is what the reader saw.
        assertThat(analysis.analyze("https://urldefense.com/v3/__https://www.ettus.com/support__;!!A!b$",
            LinkContext.of(ImmutableSet.of(), "link in part 1",
                Optional.of("https://urldefense.com/v3/__https://www.ettus.com/support__;!!A!b$")))).isEmpty();
        assertThat(analysis.analyze("https://urldefense.com/v3/__https://evil.test/support__;!!A!b$",
            LinkContext.of(ImmutableSet.of(), "link in part 1",
                Optional.of("https://urldefense.com/v3/__https://www.ettus.com/support__;!!A!b$"))))
            .extracting(Finding::rule).containsExactly("link.text-mismatch");

        // An opaque wrapper: its host is the service's, so it is not compared with the text.
        assertThat(analysis.analyze("https://protect-eu.mimecast.com/s/AbCdEfGhIjKl?domain=github.com",
            LinkContext.of(ImmutableSet.of(), "link in part 1", Optional.of("github.com")))).isEmpty();
    }

    /** Damaged wrappers (cut, bad encodings, odd characters) never make the analysis throw. */
    @Test
    void damagedWrappersAreHandledQuietly() {
        String[] wrappers = {
            "https://nam01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fgithub.com%2Fa&data=1",
            "https://urldefense.proofpoint.com/v2/url?u=https-3A__github.com_a&d=x",
            "https://urldefense.com/v3/__https://github.com/a__;!!A!b$",
            "https://linkprotect.cudasvc.com/url?a=https%3a%2f%2fgithub.com&c=E",
            "https://secure-web.cisco.com/token/https%3A%2F%2Fgithub.com",
            "https://eu-west-1.protection.sophos.com/?d=github.com&u=aHR0cHM6Ly9naXRodWIuY29t&i=1",
            "https://protect-eu.mimecast.com/s/AbCd?domain=github.com"};
        for (String wrapper : wrappers) {
            // The cheap pre-test for link text must know every service unwrap() knows.
            assertThat(LinkRewriters.mentionsService(wrapper)).as(wrapper).isTrue();
            assertThat(LinkRewriters.unwrap(UrlNormalizer.normalize(wrapper).get())).as(wrapper).isPresent();
        }
        assertThat(LinkRewriters.mentionsService("https://github.com/EttusResearch/uhd")).isFalse();
        String noise = "%%-_=&?#/:;!*$\u0000\u00e9\u4e2d \t";
        java.util.Random random = new java.util.Random(9);
        int analysed = 0;
        for (int n = 0; n < 5_000; n++) {
            StringBuilder url = new StringBuilder(wrappers[random.nextInt(wrappers.length)]);
            for (int k = 1 + random.nextInt(4); k > 0 && url.length() > 9; k--) {
                int at = 8 + random.nextInt(url.length() - 8);
                switch (random.nextInt(3)) {
                    case 0:
                        url.setLength(at);
                        break;
                    case 1:
                        url.insert(at, noise.charAt(random.nextInt(noise.length())));
                        break;
                    default:
                        url.deleteCharAt(at);
                        break;
                }
            }
            Optional<NormalizedUrl> normalized = UrlNormalizer.normalize(url.toString());
            if (normalized.isPresent()) {
                LinkRewriters.innermost(normalized.get());
                analysis.analyze(normalized.get(), LinkContext.of(ImmutableSet.of("example.com"), "fuzz",
                    Optional.of(url.toString())));
                analysed++;
            }
        }
        assertThat(analysed).as("most damaged wrappers still parse as URLs").isGreaterThan(2_500);
    }
}
