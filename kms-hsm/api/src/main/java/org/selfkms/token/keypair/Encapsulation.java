package org.selfkms.token.keypair;

import java.util.Arrays;

/** The result of a KEM encapsulation: a shared secret for the sender and the encapsulation to send. */
public record Encapsulation(byte[] sharedSecret, byte[] encapsulation) {

    /** Zeroises the shared secret once the caller has used it. */
    public void destroy() {
        Arrays.fill(sharedSecret, (byte) 0);
    }

    @Override
    public String toString() {
        return "Encapsulation[" + encapsulation.length + " bytes]";
    }
}
