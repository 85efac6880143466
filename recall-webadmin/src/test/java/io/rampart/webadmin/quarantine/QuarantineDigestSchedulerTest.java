package io.rampart.webadmin.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

import org.apache.james.task.Task;
import org.apache.james.task.TaskId;
import org.apache.james.task.TaskManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import io.rampart.core.Rampart;
import io.rampart.core.config.RampartConfiguration;

/** The scheduled retention purge: what it submits to James's task manager. */
class QuarantineDigestSchedulerTest {
    private Rampart rampart;

    @AfterEach
    void tearDown() {
        rampart.close();
    }

    @Test
    void thePurgeShouldSubmitAPurgeTaskWithTheConfiguredRetention() {
        Properties properties = new Properties();
        properties.setProperty("quarantine.retention", "14d");
        rampart = Rampart.start(RampartConfiguration.parse("test.properties", properties));
        QuarantineService quarantine = mock(QuarantineService.class);
        when(quarantine.clock()).thenReturn(Clock.systemUTC());
        TaskManager tasks = mock(TaskManager.class);
        when(tasks.submit(any())).thenReturn(TaskId.generateTaskId());
        QuarantineDigestScheduler scheduler = new QuarantineDigestScheduler(rampart, mock(QuarantineDigestService.class),
            quarantine, tasks);

        scheduler.purge();

        ArgumentCaptor<Task> submitted = ArgumentCaptor.forClass(Task.class);
        verify(tasks).submit(submitted.capture());
        assertThat(submitted.getValue()).isInstanceOfSatisfying(QuarantinePurgeTask.class,
            task -> assertThat(task.retention()).isEqualTo(Duration.ofDays(14)));
    }

    @Test
    void aTaskManagerThatRefusesThePurgeShouldNotStopTheSchedule() {
        rampart = Rampart.start(RampartConfiguration.defaults());
        QuarantineService quarantine = mock(QuarantineService.class);
        when(quarantine.clock()).thenReturn(Clock.systemUTC());
        TaskManager tasks = mock(TaskManager.class);
        when(tasks.submit(any())).thenThrow(new IllegalStateException("task manager stopped"));

        // A scheduled run that throws would cancel every later run: purge() logs instead.
        new QuarantineDigestScheduler(rampart, mock(QuarantineDigestService.class), quarantine, tasks).purge();

        verify(tasks).submit(any());
    }
}
