package io.rampart.webadmin.recall;

import javax.inject.Inject;

import org.apache.james.utils.UserDefinedStartable;

import io.rampart.core.Rampart;

/**
 * Connects Rampart's recall planning to James at start: recalls run as James tasks.
 *
 * <pre>{@code guice.extension.startable=...,io.rampart.webadmin.recall.RecallStartable}</pre>
 */
public class RecallStartable implements UserDefinedStartable {
    private final Rampart rampart;
    private final JamesRecallLauncher launcher;

    @Inject
    public RecallStartable(Rampart rampart, JamesRecallLauncher launcher) {
        this.rampart = rampart;
        this.launcher = launcher;
    }

    @Override
    public void start() {
        rampart.recalls().launcher(launcher);
    }
}
