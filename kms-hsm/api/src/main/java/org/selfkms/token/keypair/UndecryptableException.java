package org.selfkms.token.keypair;

/**
 * Data that does not open with the private key: wrong key, bad padding, wrong length, altered. One exception
 * for every cause and no detail in its message, so that no answer becomes a padding oracle.
 */
public final class UndecryptableException extends Exception {

    private static final long serialVersionUID = 1L;

    public UndecryptableException() {
        super("the data does not decrypt with this key");
    }
}
