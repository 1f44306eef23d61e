package org.selfkms.token.spi;

import org.junit.jupiter.api.Test;

import java.security.InvalidKeyException;
import java.security.ProviderException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenFailuresTest {

    /** Stands in for sun.security.pkcs11.wrapper.PKCS11Exception, which is matched by its simple name. */
    private static final class PKCS11Exception extends Exception {
        private static final long serialVersionUID = 1L;

        PKCS11Exception(String message) {
            super(message);
        }
    }

    @Test
    void namesThePkcs11ReturnCodeFromTheCauseChain() {
        assertEquals("CKR_DEVICE_REMOVED", TokenFailures.describe(
                new InvalidKeyException("Could not initialize cipher", new PKCS11Exception("CKR_DEVICE_REMOVED"))));
    }

    @Test
    void fallsBackToTheTypeAndNeverQuotesOtherMessages() {
        assertEquals("ProviderException", TokenFailures.describe(new ProviderException("key=00ff...")));
        assertEquals("InvalidKeyException", TokenFailures.describe(
                new InvalidKeyException("x", new PKCS11Exception("some text with key bytes 00ff"))));
    }
}
