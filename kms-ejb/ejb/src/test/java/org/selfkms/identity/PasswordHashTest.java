package org.selfkms.identity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHashTest {

    @Test
    void verifiesOnlyTheRightPasswordAndSaltsEveryHash() {
        String hash = PasswordHash.hash("correct horse".toCharArray());
        assertTrue(hash.startsWith("pbkdf2-sha256$210000$"));
        assertFalse(hash.contains("correct horse"));
        assertTrue(PasswordHash.verify("correct horse".toCharArray(), hash));
        assertFalse(PasswordHash.verify("correct horsf".toCharArray(), hash));
        assertNotEquals(hash, PasswordHash.hash("correct horse".toCharArray()));
        assertFalse(PasswordHash.verify("x".toCharArray(), "garbage"));
        assertFalse(PasswordHash.verify("x".toCharArray(), null));
    }
}
