package org.selfkms.cli.session;

/** No usable session: never logged in, logged out, expired, or logged in to another server. Exit code 3. */
public final class NotLoggedInException extends RuntimeException {

    public NotLoggedInException(String message) {
        super(message);
    }
}
