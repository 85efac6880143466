package io.rampart.bench.james;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A minimal IMAP4rev1 client (plain LOGIN on loopback): mailbox counts and one header of every message. */
public final class ImapClient implements AutoCloseable {
    private static final Pattern EXISTS = Pattern.compile("^\\* (\\d+) EXISTS", Pattern.MULTILINE);
    private static final Pattern MESSAGES = Pattern.compile("MESSAGES (\\d+)");
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\}$");
    private static final Pattern LIST = Pattern.compile("^\\* LIST \\([^)]*\\) (?:\"[^\"]*\"|NIL) (.+)$");

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int tag;

    public ImapClient(String host, int port, String user, String password) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        readLine();
        command("LOGIN \"" + user + "\" \"" + password + "\"");
    }

    /** Runs a command; returns the untagged lines (literals inlined) once it completed OK. */
    public List<String> command(String command) throws IOException {
        String t = "a" + (++tag);
        out.write((t + " " + command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            Matcher literal = LITERAL.matcher(line);
            while (literal.find()) {
                byte[] data = in.readNBytes(Integer.parseInt(literal.group(1)));
                String rest = readLine();
                line = line + "\n" + new String(data, StandardCharsets.ISO_8859_1) + rest;
                literal = LITERAL.matcher(rest);
            }
            if (line.startsWith(t + " ")) {
                if (!line.startsWith(t + " OK")) {
                    throw new IOException("IMAP " + command.split(" ")[0] + " failed: " + line);
                }
                return lines;
            }
            lines.add(line);
        }
    }

    /** Selects a mailbox; returns its message count. */
    public int select(String mailbox) throws IOException {
        return exists(command("SELECT \"" + mailbox + "\""), 0);
    }

    /** NOOP on the selected mailbox: the message count as the server reports it now. */
    public int noop(int previous) throws IOException {
        return exists(command("NOOP"), previous);
    }

    private static int exists(List<String> lines, int previous) {
        int count = previous;
        for (String line : lines) {
            Matcher matcher = EXISTS.matcher(line);
            if (matcher.find()) {
                count = Integer.parseInt(matcher.group(1));
            }
        }
        return count;
    }

    public List<String> mailboxes() throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : command("LIST \"\" \"*\"")) {
            Matcher matcher = LIST.matcher(line);
            if (matcher.find()) {
                String name = matcher.group(1).trim();
                if (name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1);
                }
                names.add(name);
            }
        }
        return names;
    }

    public int count(String mailbox) throws IOException {
        for (String line : command("STATUS \"" + mailbox + "\" (MESSAGES)")) {
            Matcher matcher = MESSAGES.matcher(line);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new IOException("no MESSAGES in STATUS of " + mailbox);
    }

    /** The value of {@code header} of every message of the mailbox (empty string when absent). */
    public List<String> headerValues(String mailbox, String header) throws IOException {
        int count = select(mailbox);
        List<String> values = new ArrayList<>();
        if (count == 0) {
            return values;
        }
        Pattern value = Pattern.compile("(?im)^" + Pattern.quote(header) + ":\\s*(\\S+)");
        for (String line : command("FETCH 1:* (BODY.PEEK[HEADER.FIELDS (" + header + ")])")) {
            if (line.startsWith("* ") && line.contains("FETCH")) {
                Matcher matcher = value.matcher(line);
                values.add(matcher.find() ? matcher.group(1) : "");
            }
        }
        return values;
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1) {
            throw new IOException("IMAP server closed the connection");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            command("LOGOUT");
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
