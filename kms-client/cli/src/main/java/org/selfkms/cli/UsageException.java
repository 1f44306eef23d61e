package org.selfkms.cli;

/** A command line that parses but asks for something impossible (a server address without a scheme, ...). Exit code 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
