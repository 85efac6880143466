package io.rampart.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The registry of rule ids against the analyzers' sources, so that detection.score.<rule> knows every rule. */
class RulesTest {
    private static final Pattern RULE_LITERAL = Pattern.compile(
        "\"((?:archive|attachment|file|html|svg|image|inbound|link|local|malware|message|model|office|parse|pdf|qr|scan|sender|text)"
            + "(?:\\.[a-z0-9-]+)+|gtube)\"");
    /** Strings of the same shape that are no rule: a domain, state keys, and the prefix of built rule ids. */
    private static final Set<String> NOT_RULES = Set.of("office.com", "text.lure-");

    private static Set<String> literalsInSources() throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Paths.get("src", "main", "java"))) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                if (file.endsWith(Paths.get("analysis", "Rules.java"))) {
                    continue;
                }
                Matcher matcher = RULE_LITERAL.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        found.removeAll(NOT_RULES);
        return found;
    }

    @Test
    void everyRuleTheAnalyzersWriteOutIsRegistered() throws IOException {
        assertThat(Rules.ALL).containsAll(literalsInSources());
    }

    @Test
    void everyRegisteredRuleIsWrittenSomewhere() throws IOException {
        assertThat(literalsInSources()).containsAll(Rules.LITERAL);
    }

    @Test
    void builtRuleIdsFollowTheirFamilies() {
        assertThat(Rules.BUILT).contains("text.lure-credentials", "text.lure-scam", "sender.dmarc-fail", "intel.url",
            "intel.messageid");
        assertThat(Rules.known("link.newly-seen")).isTrue();
        assertThat(Rules.known("link.newly-sen")).isFalse();
    }
}
