package io.rampart.bench.jmh;

import java.util.ArrayList;
import java.util.List;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar [JMH options]}: JMH's command line, with the
 * benchmarks of analyzers that are not registered yet left out (and said so). Without options it
 * runs every benchmark; unless told otherwise: 1 fork, 3 x 2 s warm-up, 5 x 2 s measurement.
 */
public final class JmhMain {
    private JmhMain() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        if (commandLine.shouldHelp() || commandLine.shouldList() || commandLine.shouldListProfilers()
            || commandLine.shouldListResultFormats() || commandLine.shouldListWithParams()) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        OptionsBuilder options = new OptionsBuilder();
        options.parent(commandLine);
        List<String> excluded = new ArrayList<>();
        if (Subjects.analyzer(Subjects.IMAGE).isEmpty()) {
            excluded.add("AnalyzerBench.imageAnalyzerOnQrMail");
        }
        if (Subjects.analyzer(Subjects.CLASSIFIER).isEmpty()) {
            excluded.add("AnalyzerBench.classifierOnTypicalMail");
        }
        for (String benchmark : excluded) {
            System.out.println("# Rampart: skipping " + benchmark + ": no such analyzer registered yet");
            options.exclude(benchmark);
        }
        // Shorter than JMH's defaults (5 forks x 5 x 10 s) unless the command line says otherwise.
        if (!commandLine.getForkCount().hasValue()) {
            options.forks(1);
        }
        if (!commandLine.getWarmupIterations().hasValue()) {
            options.warmupIterations(3);
        }
        if (!commandLine.getWarmupTime().hasValue()) {
            options.warmupTime(TimeValue.seconds(2));
        }
        if (!commandLine.getMeasurementIterations().hasValue()) {
            options.measurementIterations(5);
        }
        if (!commandLine.getMeasurementTime().hasValue()) {
            options.measurementTime(TimeValue.seconds(2));
        }
        new Runner(options.build()).run();
    }
}
