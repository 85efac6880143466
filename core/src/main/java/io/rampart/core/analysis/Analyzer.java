package io.rampart.core.analysis;

import io.rampart.core.message.ParsedMessage;

/**
 * One family of checks over a parsed message. Implementations are thread-safe and stateless per
 * message; they report through the {@link ScanReport} and must not throw for bad input: a part
 * they cannot read becomes a finding (the engine still catches what escapes).
 */
public interface Analyzer {
    /** A short stable name, used in timing and error findings ("links", "sender"...). */
    String name();

    void analyze(ParsedMessage message, ScanContext context, ScanReport report);
}
