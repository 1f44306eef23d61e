package org.selfkms.client.tink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.GeneralSecurityException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyUriTest {

    @Test
    void aKeyIdIsTakenInTheLowerCaseFormTheServerAnswers() throws GeneralSecurityException {
        KeyUri uri = KeyUri.parse("selfkms://0B6E2F5A-1C2D-4E3F-8A9B-0C1D2E3F4A5B");
        assertTrue(uri.isKeyId());
        assertEquals("0b6e2f5a-1c2d-4e3f-8a9b-0c1d2e3f4a5b", uri.keyRef());
        assertEquals("selfkms://0B6E2F5A-1C2D-4E3F-8A9B-0C1D2E3F4A5B", uri.toString());
    }

    @Test
    void anAliasIsTakenBareOrWithTheAliasPrefix() throws GeneralSecurityException {
        KeyUri bare = KeyUri.parse("selfkms://tink-orders_2");
        KeyUri prefixed = KeyUri.parse("selfkms://alias/tink-orders_2");
        assertFalse(bare.isKeyId());
        assertEquals("tink-orders_2", bare.keyRef());
        assertEquals("tink-orders_2", prefixed.keyRef());
        assertEquals(bare, prefixed);
    }

    @Test
    void thePrefixIsComparedIgnoringCase() throws GeneralSecurityException {
        assertTrue(KeyUri.hasPrefix("SelfKMS://orders"));
        assertEquals("orders", KeyUri.parse("SELFKMS://orders").keyRef());
        assertFalse(KeyUri.hasPrefix("aws-kms://arn:aws:kms:eu-west-1:1:key/x"));
        assertFalse(KeyUri.hasPrefix(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"selfkms://", "selfkms://alias/", "selfkms://a/b", "selfkms://orders?x=1", "selfkms://has space",
            "gcp-kms://orders", "selfkms://alias/0b6e2f5a-1c2d-4e3f-8a9b-0c1d2e3f4a5b",
            "selfkms://a123456789b123456789c123456789d123456789e123456789f123456789g"})
    void anythingElseIsRefusedWithTheRule(String text) {
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> KeyUri.parse(text));
        assertTrue(e.getMessage().contains(text), e.getMessage());
        assertTrue(e.getMessage().contains("alias"), e.getMessage());
    }
}
