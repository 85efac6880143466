package io.rampart.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlNormalizerTest {
    @Test
    void shouldRefangDefangedUrl() {
        NormalizedUrl url = UrlNormalizer.normalize("hxxps://evil[.]example[.]com/login").get();

        assertThat(url.toString()).isEqualTo("https://evil.example.com/login");
        assertThat(url.defanged()).isTrue();
        assertThat(url.registrableDomain()).isEqualTo("example.com");
    }

    @Test
    void shouldRewriteDecimalHostToDottedQuad() {
        NormalizedUrl url = UrlNormalizer.normalize("http://3232235777/a").get();

        assertThat(url.host()).isEqualTo("192.168.1.1");
        assertThat(url.ipLiteral()).isTrue();
        assertThat(url.numericIpTrick()).isTrue();
    }

    @Test
    void shouldRewriteHexHostToDottedQuad() {
        assertThat(UrlNormalizer.normalize("http://0xC0A80101/").get().host()).isEqualTo("192.168.1.1");
    }

    @Test
    void shouldSplitUserinfoFromRealHost() {
        NormalizedUrl url = UrlNormalizer.normalize("http://www.paypal.com@evil.example.net/x").get();

        assertThat(url.host()).isEqualTo("evil.example.net");
        assertThat(url.userInfo()).contains("www.paypal.com");
    }

    @Test
    void shouldConvertUnicodeHostToPunycode() {
        NormalizedUrl url = UrlNormalizer.normalize("https://\u0430pple.com/").get();

        assertThat(url.host()).startsWith("xn--");
        assertThat(url.unicodeHost()).isEqualTo("\u0430pple.com");
    }

    @Test
    void shouldDecodePercentEncodedHost() {
        assertThat(UrlNormalizer.normalize("http://%65vil.example.com/").get().host()).isEqualTo("evil.example.com");
    }

    @Test
    void shouldUsePublicSuffixListForRegistrableDomain() {
        assertThat(UrlNormalizer.normalize("https://a.b.shop.example.co.uk/p").get().registrableDomain())
            .isEqualTo("example.co.uk");
    }

    @Test
    void shouldRejectStringsThatAreNotUrls() {
        assertThat(UrlNormalizer.normalize("not a url")).isEmpty();
        assertThat(UrlNormalizer.normalize("http://localhost/")).isEmpty();
    }
}
