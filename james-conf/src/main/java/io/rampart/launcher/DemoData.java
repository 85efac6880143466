package io.rampart.launcher;

import java.io.IOException;

/** The demo domain, users alice/bob/carol, and the security mailbox, created over WebAdmin. */
public final class DemoData {
    private DemoData() {
    }

    public static String password(String user) {
        return user + "-secret";
    }

    public static void provision(LaunchOptions options) throws IOException, InterruptedException {
        WebAdminClient webAdmin = new WebAdminClient(options.webadminPort());
        webAdmin.mustPut("/domains/" + options.domain(), null);
        for (String user : LaunchOptions.DEMO_USERS) {
            createUser(webAdmin, user + "@" + options.domain(), password(user));
        }
        createUser(webAdmin, options.securityMailbox(), password("security"));
    }

    private static void createUser(WebAdminClient webAdmin, String address, String password)
        throws IOException, InterruptedException {
        webAdmin.mustPut("/users/" + address, "{\"password\":\"" + password + "\"}");
    }
}
