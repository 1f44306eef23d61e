package org.selfkms.token.spi;

/**
 * Names a token failure for logs and operators without leaking anything: the PKCS#11 return code when the
 * provider reports one (CKR_DEVICE_REMOVED says far more than "InvalidKeyException"), else the exception type.
 * Never the exception message of a crypto provider, which may quote parameters.
 */
public final class TokenFailures {

    private TokenFailures() {
    }

    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("PKCS11Exception") && t.getMessage() != null
                    && t.getMessage().matches("CKR_[A-Z0-9_]{1,60}")) {
                return t.getMessage();
            }
        }
        return failure.getClass().getSimpleName();
    }
}
