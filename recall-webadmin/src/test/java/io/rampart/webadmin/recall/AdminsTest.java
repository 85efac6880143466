package io.rampart.webadmin.recall;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class AdminsTest {
    private static String token(String payload) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return "Bearer " + encoder.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
            + encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Test
    void subjectShouldComeFromTheJwt() {
        assertThat(Admins.subject(token("{\"sub\":\"soc-lead@corp.test\",\"admin\":true}"))).contains("soc-lead@corp.test");
    }

    @Test
    void noOrBadTokenShouldGiveNoSubject() {
        assertThat(Admins.subject(null)).isEmpty();
        assertThat(Admins.subject("Basic YWRtaW46YWRtaW4=")).isEmpty();
        assertThat(Admins.subject("Bearer not-a-jwt")).isEmpty();
        assertThat(Admins.subject(token("{\"admin\":true}"))).isEmpty();
    }
}
