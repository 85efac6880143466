package io.rampart.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisguisedWordsTest {
    private static List<String> words(String text) {
        return DisguisedWords.find(text, 10).stream().map(DisguisedWords.Hit::word).collect(Collectors.toList());
    }

    @Test
    void digitsAndSymbolsForLettersShouldBeRecognised() {
        assertThat(words("Weekly specials include: Hydrc0d0ne, v1c0d1n, C1al1s, V1agra, Amb1en, & more."))
            .containsExactly("hydrocodone", "vicodin", "cialis", "viagra", "ambien");
        assertThat(words("Your m@ilbox is full, ver1fy your acc0unt at micr0soft")).containsExactly("mailbox", "verify",
            "account", "microsoft");
        assertThat(words("Get V|@GR@ and $oma")).containsExactly("viagra");
    }

    @Test
    void punctuationAndSpacesInsideAWordShouldBeRecognised() {
        assertThat(words("Swiss Phar,macy - trusted since 1923")).containsExactly("pharmacy");
        assertThat(words("Buy V-i-a-g-r-a or V.I.A.G.R.A or C*i*a*l*i*s today")).containsExactly("viagra", "viagra", "cialis");
        // The same spelling twice is one hit.
        assertThat(words("V1agra, V1agra, V1agra")).containsExactly("viagra");
        assertThat(words("cheap v i a g r a here")).containsExactly("viagra");
        assertThat(words("mor\u00adtgage rates")).containsExactly("mortgage");
        assertThat(words("we are unable to a p prove your mor tga g e/ r e financ e at this rate"))
            .containsExactly("approve", "mortgage", "refinance");
        assertThat(words("you were a p proved with 3.2%")).containsExactly("approved");
    }

    @Test
    void anotherScriptsLettersInsideALatinWordShouldBeRecognised() {
        // "Pаypal" with a Cyrillic a, "Amazоn" with a Cyrillic o.
        assertThat(words("Your P\u0430ypal and Amaz\u043en orders")).containsExactly("paypal", "amazon");
    }

    @Test
    void theHitShouldSayHowTheWordWasWrittenAndWhatKindOfTrickItIs() {
        List<DisguisedWords.Hit> hits = DisguisedWords.find("sign in to PayPa1 now; V1agra", 10);
        assertThat(hits).extracting(DisguisedWords.Hit::toString).containsExactly("'PayPa1' (paypal)", "'V1agra' (viagra)");
        assertThat(hits).extracting(DisguisedWords.Hit::phishing).containsExactly(true, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Viagra and Cialis are prescription drugs; ask your doctor.",
        "Our pharmacy's opening hours changed. The pharmacy.",
        "Please verify your account at Microsoft 365 and Amazon.com, then e-mail the webmail team.",
        "Mortgage! Refinance? The casino, the rolex-watch and replica-parts.",
        "Log in to paypal.com or www.amazon.co.uk; my-account; re-finance; web-mail; pay-pal",
        "Version 1.2.3 of the SDK, RFC 5322, covid19, 2fa, mp3, B2B, x86_64, A B C D E F",
        "Call +1 (555) 010-0199, or write to support@paypal.com, user.name@amazon.com",
        "Les médications, la prescripción, el casino, la farmacia",
        "Привет, как дела? Это обычное письмо на русском языке.",
        "I a m n o t s u r e",
        "The pen is on the table; a pen is mightier. Re finance: see the ca sino report. Pay Pal, Am a zon",
        "Your loan was approved. We approve. A p-value of 0.05",
        "Micro$oft will never fix this; M$ Office again",
    })
    void ordinaryWritingShouldNotBeTakenForADisguise(String text) {
        assertThat(words(text)).isEmpty();
    }

    @Test
    void onlyTheStartOfALongTextShouldBeRead() {
        String padding = "lorem ipsum ".repeat(DisguisedWords.MAX_CHARS / 12 + 1);
        assertThat(words(padding + "V1agra")).isEmpty();
        assertThat(words("V1agra " + padding)).containsExactly("viagra");
    }

    @Test
    void atMostTheRequestedNumberOfHitsShouldBeReturned() {
        assertThat(DisguisedWords.find("V1agra C1alis Amb1en X@nax", 2)).hasSize(2);
    }

    @Test
    void oneLetterAddedOrLeftOutShouldBeToleratedOnlyInLongWords() {
        assertThat(DisguisedWords.oneInsertion("hydrocodone", "hydrcodone")).isTrue();
        assertThat(DisguisedWords.oneInsertion("hydrocodone", "hydrocodon")).isTrue();
        assertThat(DisguisedWords.oneInsertion("hydrocodone", "hydrxcodone")).isFalse();
        // "xanax" and "cialis" are short: "x4nx", "c1als" (a letter dropped) are not taken for them.
        assertThat(words("x4nx and c1als")).isEmpty();
        // l and 1 stand for i: "c1alls" is "cialis" written with l for i.
        assertThat(words("c1alls")).containsExactly("cialis");
    }
}
