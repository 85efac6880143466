package io.rampart.core.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.analysis.Category;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.analysis.ScanReport;
import io.rampart.core.message.MessageParser;
import io.rampart.core.state.MemoryStateStore;

class PeopleTest {
    private static final ScanContext INBOUND = ScanContext.builder().localDomains(ImmutableSet.of("acme.example")).build();

    private static People people(List<String> configured, List<String> allowed) {
        return new People(configured, allowed, true, new MemoryStateStore());
    }

    private static ScanReport scan(People people, String from) {
        ScanReport report = new ScanReport();
        new PersonImpersonationAnalyzer(people).analyze(new MessageParser().parse(
            ("From: " + from + "\nTo: alice@acme.example\nSubject: quick favour\n\nAre you at your desk?\n")
                .getBytes(StandardCharsets.UTF_8)), INBOUND, report);
        return report;
    }

    @Test
    void keysSurviveTheWaysOneNameIsWritten() {
        assertThat(PersonNames.key("Bob Smith")).contains("bob smith");
        assertThat(List.of("Smith, Bob", "BOB SMITH", "Bob J. Smith", "\"Bob Smith\"", "Bob Smith (CEO)",
            "Bob Smith [bob@acme.example]", "Ｂｏｂ Ｓｍｉｔｈ", "Dr. Bob Smith", "Mr Bob Smith")).allSatisfy(name ->
            assertThat(PersonNames.key(name)).as(name).contains("bob smith"));
        assertThat(PersonNames.key("José Müller")).contains("jose muller");
        assertThat(PersonNames.key("Conor O'Brien")).contains("conor obrien");
        assertThat(PersonNames.key("张伟")).contains("张伟");
        assertThat(PersonNames.key("张 伟")).contains("张伟");
    }

    @Test
    void namesThatCannotIdentifyAPersonHaveNoKey() {
        assertThat(List.of("Bob", "张", "B. Smith", "", "  ", "Bob Smith via DocuSign", "Bob Smith (via Google Docs)",
            "Your Friendly Neighbourhood Newsletter Team", "Bob 张伟", "欧阳娜娜娜娜", "Dr. Bob")).allSatisfy(name ->
            assertThat(PersonNames.key(name)).as(name).isEmpty());
    }

    @Test
    void aLocalUserTeachesTheNameTheySendUnderOnlyForTheirOwnAddress() {
        People people = people(ImmutableList.of(), ImmutableList.of());

        assertThat(people.learn("alice@acme.example", "bob@acme.example", "Bob Smith")).isFalse();
        assertThat(people.learn(null, "bob@acme.example", "Bob Smith")).isFalse();
        assertThat(people.lookup("Bob Smith")).isEmpty();

        assertThat(people.learn("bob@acme.example", "Bob@Acme.example", "Bob Smith")).isTrue();
        assertThat(people.learn("bob@acme.example", "bob@acme.example", "Bob Smith")).isFalse();
        Optional<People.Known> known = people.lookup("SMITH, Bob");
        assertThat(known).isPresent();
        assertThat(known.get().address()).contains("bob@acme.example");
        assertThat(known.get().name()).isEqualTo("Bob Smith");
        assertThat(known.get().configured()).isFalse();
    }

    @Test
    void aNameIsLearntOnlyFromAnAddressThatCarriesIt() {
        People people = people(ImmutableList.of(), ImmutableList.of());

        assertThat(people.learn("jira@acme.example", "jira@acme.example", "Alice Chen")).as("a notification service").isFalse();
        assertThat(people.learn("ceo@acme.example", "ceo@acme.example", "Dana Boss")).as("a role mailbox").isFalse();
        assertThat(people.learn("alice@acme.example", "alice@acme.example", "Dana Boss")).as("another person's name").isFalse();
        assertThat(people.all()).isEmpty();
        assertThat(List.of("achen@acme.example", "alice.chen@acme.example", "chen.a@acme.example", "alicechen2@acme.example",
            "Alice_Chen@acme.example")).allSatisfy(address -> assertThat(PersonNames.carriedBy("alice chen", address)).as(address).isTrue());
        assertThat(PersonNames.carriedBy("jose muller", "jmüller@acme.example")).isTrue();
        assertThat(PersonNames.carriedBy("张伟", "zw@acme.example")).as("a Chinese name cannot be compared").isTrue();
    }

    @Test
    void anAddressTeachesOnlyItsFirstNameSoACompromisedAccountCannotClaimTheChiefExecutives() {
        People people = people(ImmutableList.of(), ImmutableList.of());
        assertThat(people.learn("alice@acme.example", "alice@acme.example", "Alice Chen")).isTrue();

        assertThat(people.learn("alice@acme.example", "alice@acme.example", "张伟")).isFalse();
        assertThat(people.lookup("张伟")).isEmpty();
        assertThat(people.learn("zhangwei@acme.example", "zhangwei@acme.example", "张伟")).isTrue();
        assertThat(people.lookup("张伟").flatMap(People.Known::address)).contains("zhangwei@acme.example");

        assertThat(people.forget("Alice Chen")).isTrue();
        assertThat(people.learn("alice@acme.example", "alice@acme.example", "Alice Chen-Wong")).as("forgetting frees the address")
            .isTrue();
    }

    @Test
    void aConfiguredNameMayNameItsOwnersAddress() {
        People people = people(ImmutableList.of("Dana Boss <CEO@acme.example>", "张伟"), ImmutableList.of());

        assertThat(people.lookup("Boss, Dana").flatMap(People.Known::address)).contains("ceo@acme.example");
        assertThat(people.learn("dana@acme.example", "dana@acme.example", "Dana Boss")).isFalse();
        assertThat(people.all()).extracting(known -> known.name() + " " + known.address().orElse("-"))
            .containsExactly("Dana Boss ceo@acme.example", "张伟 -");
    }

    @Test
    void aConfiguredNameLearnsTheAddressThatSendsUnderItAndIsListedOnce() {
        People people = people(ImmutableList.of("Dana Boss"), ImmutableList.of());
        assertThat(people.lookup("Dana Boss").flatMap(People.Known::address)).isEmpty();

        assertThat(people.learn("dana@acme.example", "dana@acme.example", "Boss, Dana")).isTrue();

        assertThat(people.lookup("Dana Boss")).hasValueSatisfying(known -> {
            assertThat(known.name()).isEqualTo("Dana Boss");
            assertThat(known.configured()).isTrue();
            assertThat(known.address()).contains("dana@acme.example");
        });
        assertThat(people.all()).extracting(known -> known.name() + " " + known.address().orElse("") + " " + known.configured())
            .containsExactly("Dana Boss dana@acme.example true");
        assertThat(people.forget("Dana Boss")).isTrue();
        assertThat(people.lookup("Dana Boss")).hasValueSatisfying(known -> assertThat(known.address()).isEmpty());
    }

    @Test
    void learningCanBeTurnedOff() {
        People people = new People(ImmutableList.of(), ImmutableList.of(), false, new MemoryStateStore());

        assertThat(people.learn("bob@acme.example", "bob@acme.example", "Bob Smith")).isFalse();
        assertThat(people.lookup("Bob Smith")).isEmpty();
    }

    @Test
    void aConfiguredNameThatIsNoPersonIsRefused() {
        assertThatThrownBy(() -> people(ImmutableList.of("Bob"), ImmutableList.of()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Bob'");
    }

    @Test
    void anOutsiderWritingUnderALearntNameFromFreeMailIsFlagged() {
        People people = people(ImmutableList.of(), ImmutableList.of());
        people.learn("bob@acme.example", "bob@acme.example", "Bob Smith");

        ScanReport report = scan(people, "\"Bob Smith\" <bob.smith.office@gmail.com>");

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(PersonImpersonationAnalyzer.RULE);
            assertThat(finding.score()).isEqualTo(PersonImpersonationAnalyzer.FREE_MAIL_SCORE);
            assertThat(finding.category()).isEqualTo(Category.PHISH);
            assertThat(finding.detail()).contains("bob@acme.example").contains("bob.smith.office@gmail.com")
                .contains("free mail");
        });
    }

    @Test
    void aConfiguredNameFromAnotherCompanyScoresLowerAndSaysWhy() {
        ScanReport report = scan(people(ImmutableList.of("张伟"), ImmutableList.of()),
            "=?UTF-8?B?5byg5Lyf?= <zhangwei@partner.example>");

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.score()).isEqualTo(PersonImpersonationAnalyzer.SCORE);
            assertThat(finding.detail()).contains("detection.people").contains("张伟");
        });
    }

    @Test
    void localSendersAllowedSendersAndOtherNamesAreNotFlagged() {
        People people = people(ImmutableList.of("Bob Smith"), ImmutableList.of("Bob.Smith.Home@gmail.com"));

        assertThat(scan(people, "\"Bob Smith\" <bob@acme.example>").findings()).isEmpty();
        assertThat(scan(people, "\"Bob Smith\" <bob@mail.acme.example>").findings()).isEmpty();
        assertThat(scan(people, "\"Bob Smith\" <bob.smith.home@gmail.com>").findings()).isEmpty();
        assertThat(scan(people, "\"Robert Smith\" <rsmith@gmail.com>").findings()).isEmpty();
        assertThat(scan(people, "\"Bob Smith via DocuSign\" <dse@docusign.net>").findings()).isEmpty();
        assertThat(scan(people, "bob.smith@gmail.com").findings()).isEmpty();
    }
}
