package io.rampart.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailDatesTest {
    @Test
    void readsTheDatesRealHeadersCarry() {
        // 2002-09-03T12:01:33Z
        assertThat(MailDates.epochSeconds("Tue, 03 Sep 2002 14:01:33 +0200")).hasValue(1031054493L);
        assertThat(MailDates.epochSeconds("3 Sep 2002 12:01:33 GMT")).hasValue(1031054493L);
        assertThat(MailDates.epochSeconds("Tue, 3 Sep 02 05:01:33 PDT (Pacific)")).hasValue(1031054493L);
        assertThat(MailDates.epochSeconds("Tue, 03 Sep 2002 12:01 +0000")).hasValue(1031054460L);
        assertThat(MailDates.epochSeconds("Tue, 03 Sep 2002 12:01:33")).hasValue(1031054493L);
        assertThat(MailDates.epochSeconds("from a by b with SMTP id 1; Tue, 03 Sept 2002 07:01:33 -0500 (EST)"))
            .hasValue(1031054493L);
    }

    @Test
    void somethingThatIsNoDateGivesNothing() {
        assertThat(MailDates.epochSeconds("sometime next week")).isEmpty();
        assertThat(MailDates.epochSeconds("31 Feb 2002 10:00:00 +0000")).isEmpty();
        assertThat(MailDates.epochSeconds("3 Sep 2002 25:61:00 +0000")).isEmpty();
        assertThat(MailDates.epochSeconds("")).isEmpty();
        assertThat(MailDates.epochSeconds("1" + " ".repeat(200_000) + "Sep" + " ".repeat(200_000) + "x")).isEmpty();
    }
}
