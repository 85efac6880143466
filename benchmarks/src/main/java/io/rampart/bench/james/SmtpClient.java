package io.rampart.bench.james;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A plain SMTP client over one connection (no AUTH: mail from outside), several messages per
 * connection. The message bytes go out as they are, dot-stuffed, with CRLF line ends.
 */
public final class SmtpClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public SmtpClient(String host, int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setSoTimeout(120_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        expect(reply(), 220);
        command("EHLO loadgen.example.net");
        expect(reply(), 250);
    }

    /** Sends one message; returns normally once the server answered 250 to the end of DATA. */
    public void send(String from, List<String> recipients, byte[] message) throws IOException {
        command("MAIL FROM:<" + from + ">");
        expect(reply(), 250);
        for (String recipient : recipients) {
            command("RCPT TO:<" + recipient + ">");
            expect(reply(), 250);
        }
        command("DATA");
        expect(reply(), 354);
        out.write(dotStuffed(message));
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(reply(), 250);
    }

    private void command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private String reply() throws IOException {
        StringBuilder all = new StringBuilder();
        while (true) {
            String line = readLine();
            all.append(line).append('\n');
            if (line.length() < 4 || line.charAt(3) != '-') {
                return all.toString();
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            throw new IOException("SMTP server closed the connection");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void expect(String reply, int code) throws IOException {
        if (!reply.startsWith(String.valueOf(code))) {
            throw new IOException("expected " + code + ", SMTP server answered: " + reply.trim());
        }
    }

    /** CRLF line ends, leading dots doubled, a final CRLF; an mbox "From " envelope line dropped. */
    static byte[] dotStuffed(byte[] message) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(message.length + 1024);
        int start = 0;
        if (message.length > 5 && new String(message, 0, 5, StandardCharsets.ISO_8859_1).equals("From ")) {
            while (start < message.length && message[start] != '\n') {
                start++;
            }
            start++;
        }
        boolean lineStart = true;
        for (int i = start; i < message.length; i++) {
            byte b = message[i];
            if (lineStart && b == '.') {
                data.write('.');
            }
            if (b == '\n') {
                data.write('\r');
                data.write('\n');
                lineStart = true;
            } else if (b == '\r') {
                if (i + 1 < message.length && message[i + 1] == '\n') {
                    continue;
                }
                data.write('\r');
                data.write('\n');
                lineStart = true;
            } else {
                data.write(b);
                lineStart = false;
            }
        }
        if (!lineStart) {
            data.write('\r');
            data.write('\n');
        }
        return data.toByteArray();
    }

    @Override
    public void close() {
        try {
            command("QUIT");
            reply();
        } catch (IOException e) {
            // Closing anyway.
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing more to do.
        }
    }
}
