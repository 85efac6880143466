package io.rampart.bench.peers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * SpamAssassin through the real {@code spamc -d HOST -p PORT -c} binary, one process per message
 * (engine name {@code spamc}). It measures what a shell pipeline pays; {@link SpamdFilter} speaks the
 * same protocol without the fork and is the default. Exit code 1 = spam, 0 = ham; it prints
 * {@code score/threshold}.
 */
public final class SpamcProcessFilter implements Filter {
    private final String host;
    private final String port;

    public SpamcProcessFilter(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        this.host = hostPort.substring(0, colon);
        this.port = hostPort.substring(colon + 1);
    }

    @Override
    public String name() {
        return "spamc";
    }

    @Override
    public boolean flags(byte[] message) throws IOException {
        Process spamc = new ProcessBuilder("spamc", "-d", host, "-p", port, "-c").redirectErrorStream(true).start();
        try (OutputStream in = spamc.getOutputStream()) {
            in.write(message);
        } catch (IOException e) {
            // spamc may stop reading a message over its size limit; its answer still comes.
        }
        String output = new String(spamc.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        try {
            if (!spamc.waitFor(120, TimeUnit.SECONDS)) {
                spamc.destroyForcibly();
                throw new IOException("spamc did not finish in 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (!output.matches("-?[0-9.]+/-?[0-9.]+")) {
            throw new IOException("spamc printed '" + output + "' (exit " + spamc.exitValue() + ")");
        }
        return spamc.exitValue() == 1;
    }
}
