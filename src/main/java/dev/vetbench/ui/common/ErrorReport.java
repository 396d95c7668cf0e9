package dev.vetbench.ui.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;

/**
 * What the user sees when something fails: one sentence saying what failed and what to do, the technical details
 * on demand, and a short code that stays the same for the same failure at the same place, so that two reports of
 * one problem can be matched.
 *
 * @param sentence what failed and what to do, for people
 * @param details the stack trace, shown only when asked
 * @param code e.g. {@code VB-1A2B-3C4D}
 */
public record ErrorReport(String sentence, String details, String code) {

    public static ErrorReport of(String sentence, Throwable cause) {
        if (cause == null) {
            return new ErrorReport(sentence, "", codeFor(sentence, null));
        }
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        return new ErrorReport(sentence, trace.toString(), codeFor(sentence, cause));
    }

    // The code hashes the exception type and the frame it was thrown from (as Cryptomator's error codes do),
    // not the message, which often carries paths or addresses that differ between machines.
    static String codeFor(String sentence, Throwable cause) {
        Throwable root = cause;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        int where = root == null ? sentence.hashCode() : root.getClass().getName().hashCode();
        StackTraceElement[] frames = root == null ? new StackTraceElement[0] : root.getStackTrace();
        int origin = frames.length == 0 ? 0 : frames[0].toString().hashCode();
        return String.format(Locale.ROOT, "VB-%04X-%04X", where & 0xFFFF, origin & 0xFFFF);
    }
}
