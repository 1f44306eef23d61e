package org.selfkms.identity;

import java.security.SecureRandom;

/** Random SecretIds, SecretKeys and passwords for credentials the server creates itself. */
public final class GeneratedSecrets {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedSecrets() {
    }

    /** Tencent's SecretIds start with AKID; ours look the same so that tools recognise them. */
    public static String secretId() {
        return "AKID" + alphanumeric(32);
    }

    public static String alphanumeric(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }
}
