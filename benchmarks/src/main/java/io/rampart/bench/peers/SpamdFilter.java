package io.rampart.bench.peers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SpamAssassin's spamd, spoken to exactly as {@code spamc -c} does (SPAMC/1.5 {@code CHECK}, one
 * connection per message), without forking a spamc process per message. Like spamc, messages over
 * 500 KB are not sent (spamc's default {@code -s} limit) and count as not flagged; they are counted.
 */
public final class SpamdFilter implements Filter {
    public static final int SPAMC_MAX_SIZE = 500 * 1024;
    private static final Pattern SPAM = Pattern.compile("Spam: (True|False|Yes|No) ; (-?[0-9.]+) / (-?[0-9.]+)");

    private final String host;
    private final int port;
    private final AtomicLong skipped = new AtomicLong();

    public SpamdFilter(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        this.host = hostPort.substring(0, colon);
        this.port = Integer.parseInt(hostPort.substring(colon + 1));
    }

    @Override
    public String name() {
        return "spamassassin";
    }

    @Override
    public long skipped() {
        return skipped.get();
    }

    @Override
    public boolean flags(byte[] message) throws IOException {
        if (message.length > SPAMC_MAX_SIZE) {
            skipped.incrementAndGet();
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write(("CHECK SPAMC/1.5\r\nContent-length: " + message.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.write(message);
            out.flush();
            socket.shutdownOutput();
            String response = readAll(socket.getInputStream());
            if (!response.startsWith("SPAMD/") || !response.contains(" 0 EX_OK")) {
                throw new IOException("spamd answered: " + response.lines().findFirst().orElse(""));
            }
            Matcher matcher = SPAM.matcher(response);
            if (!matcher.find()) {
                throw new IOException("spamd gave no Spam: line: " + response);
            }
            return matcher.group(1).equals("True") || matcher.group(1).equals("Yes");
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toString(StandardCharsets.ISO_8859_1);
    }
}
