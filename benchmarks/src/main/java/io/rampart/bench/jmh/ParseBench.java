package io.rampart.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.rampart.bench.Messages;
import io.rampart.core.message.MessageParser;
import io.rampart.core.message.ParsedMessage;

/** The MIME walk: raw bytes to {@link ParsedMessage} ({@link MessageParser#parse}). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParseBench {
    private final MessageParser parser = new MessageParser();
    private byte[] typical;
    private byte[] manyParts;
    private byte[] qr;

    @Setup
    public void setUp() {
        typical = Messages.typical();
        qr = Messages.qrMessage("https://example.com/login");
        StringBuilder many = new StringBuilder("From: a@example.net\r\nTo: b@acme-corp.com\r\nSubject: parts\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"p\"\r\n\r\n");
        for (int i = 0; i < 200; i++) {
            many.append("--p\r\nContent-Type: text/plain\r\n\r\npart ").append(i).append("\r\n");
        }
        many.append("--p--\r\n");
        manyParts = many.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public ParsedMessage typicalMessage() {
        return parser.parse(typical);
    }

    @Benchmark
    public ParsedMessage twoHundredParts() {
        return parser.parse(manyParts);
    }

    @Benchmark
    public ParsedMessage qrImageMessage() {
        return parser.parse(qr);
    }
}
