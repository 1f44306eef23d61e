package org.selfkms.cli;

/** kmsctl's exit codes (docs/clients.md, "Exit codes"): scripts branch on them, so they never change meaning. */
public final class ExitCode {

    /** Done. */
    public static final int OK = 0;
    /** The command ran and the answer is no: a signature that is not valid, an audit trail that does not verify. */
    public static final int NEGATIVE = 1;
    /** The command line is wrong (picocli's own code for it). */
    public static final int USAGE = 2;
    /** No session, an expired or revoked one, credentials refused, a suspended tenant. */
    public static final int AUTHENTICATION = 3;
    /** The server refused the request (4xx): not found, wrong state, not allowed, bad value. */
    public static final int REFUSED = 4;
    /** The server could not be reached or failed (5xx). */
    public static final int UNAVAILABLE = 5;
    /** A local file could not be read or written, or an encrypted file did not authenticate. */
    public static final int LOCAL = 6;
    /** kmsctl itself failed (a bug); the message says what, --debug shows where. */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }
}
