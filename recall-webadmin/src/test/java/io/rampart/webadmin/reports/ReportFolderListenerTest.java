package io.rampart.webadmin.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.rampart.core.reports.ReportKind;

class ReportFolderListenerTest {
    private static final String FOLDER = "Report Phishing";

    @Test
    void moveIntoTheReportFolderShouldBePhish() {
        assertThat(ReportFolderListener.kindOf(List.of("Report Phishing"), List.of("INBOX"), FOLDER)).contains(ReportKind.PHISH);
        assertThat(ReportFolderListener.kindOf(List.of("report phishing"), List.of(), FOLDER)).contains(ReportKind.PHISH);
    }

    @Test
    void moveIntoJunkShouldBeJunk() {
        assertThat(ReportFolderListener.kindOf(List.of("Junk"), List.of("INBOX"), FOLDER)).contains(ReportKind.JUNK);
        assertThat(ReportFolderListener.kindOf(List.of("Spam"), List.of("INBOX"), FOLDER)).contains(ReportKind.JUNK);
    }

    @Test
    void moveOutOfJunkShouldBeNotJunkUnlessIntoTrash() {
        assertThat(ReportFolderListener.kindOf(List.of("INBOX"), List.of("Junk"), FOLDER)).contains(ReportKind.NOT_JUNK);
        assertThat(ReportFolderListener.kindOf(List.of("Trash"), List.of("Junk"), FOLDER)).isEmpty();
        assertThat(ReportFolderListener.kindOf(List.of(), List.of("Junk"), FOLDER)).isEmpty();
    }

    @Test
    void otherMovesShouldReportNothing() {
        assertThat(ReportFolderListener.kindOf(List.of("Archive"), List.of("INBOX"), FOLDER)).isEmpty();
    }
}
