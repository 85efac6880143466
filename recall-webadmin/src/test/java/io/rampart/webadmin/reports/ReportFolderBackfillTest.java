package io.rampart.webadmin.reports;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.apache.james.core.Username;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.user.api.UsersRepository;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;

class ReportFolderBackfillTest {
    private static final Username ALICE = Username.of("alice@acme.test");
    private static final Username BOB = Username.of("bob@acme.test");

    @Test
    void startShouldEnsureTheFolderForEveryUserEvenWhenOneFails() throws Exception {
        UsersRepository users = mock(UsersRepository.class);
        when(users.listReactive()).thenReturn(Flux.just(ALICE, BOB));
        ReportFolders folders = mock(ReportFolders.class);
        when(folders.ensureFolder(ALICE)).thenThrow(new MailboxException("boom"));
        when(folders.ensureFolder(BOB)).thenReturn(true);

        new ReportFolderBackfill(users, folders).start();

        verify(folders).ensureFolder(ALICE);
        verify(folders).ensureFolder(BOB);
    }
}
