package io.rampart.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CalendarTextTest {
    private static final String ICS = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20261201T090000Z\r\n"
        + "SUMMARY:Open enrollment closes today\r\n"
        + "DESCRIPTION:Sign in with your corporate credentials to confirm\\, today:\\nhttps://benefits-enroll\r\n"
        + " -2027.pages.dev/confirm\r\n"
        + "LOCATION;LANGUAGE=en:Room 4\\; floor 2\r\n"
        + "ORGANIZER;CN=\"Benefits: HR\":mailto:benefits@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    @Test
    void readsTheTitlePlaceAndDescriptionUnfoldedAndUnescaped() {
        assertThat(CalendarText.shown(ICS)).isEqualTo("Open enrollment closes today\n"
            + "Sign in with your corporate credentials to confirm, today:\nhttps://benefits-enroll-2027.pages.dev/confirm\n"
            + "Room 4; floor 2\n");
    }

    @Test
    void nothingShownIsNothing() {
        assertThat(CalendarText.shown("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nEND:VEVENT\nEND:VCALENDAR\n")).isEmpty();
        assertThat(CalendarText.shown("not a calendar at all")).isEmpty();
    }

    @Test
    void anAttachedInvitationIsReadAsTextAndKeptAsAFile() {
        String raw = "From: a@example.com\nTo: b@example.com\nSubject: Invitation\nMIME-Version: 1.0\n"
            + "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nPlease accept.\n--b\n"
            + "Content-Type: text/calendar; method=REQUEST; charset=UTF-8\nContent-Disposition: attachment; filename=\"invite.ics\"\n\n"
            + ICS + "--b--\n";
        ParsedMessage message = new MessageParser().parse(raw.getBytes(StandardCharsets.UTF_8));

        assertThat(message.allText()).contains("Please accept.", "Sign in with your corporate credentials",
            "https://benefits-enroll-2027.pages.dev/confirm");
        assertThat(message.attachments()).extracting(Attachment::fileName)
            .containsExactly(java.util.Optional.of("invite.ics"));
    }
}
