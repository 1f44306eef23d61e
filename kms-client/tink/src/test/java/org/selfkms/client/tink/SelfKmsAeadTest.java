package org.selfkms.client.tink;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.KmsEnvelopeAead;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.selfkms.client.EncryptionContext;
import org.selfkms.client.KmsRequestException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelfKmsAeadTest {

    private static final byte[] SECRET = "card 4111".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AD = "order 42".getBytes(StandardCharsets.UTF_8);

    private final FakeKms kms = new FakeKms();
    private final String orders = kms.createKey("orders");
    private final String invoices = kms.createKey("invoices");
    private final AtomicInteger lookups = new AtomicInteger();
    private final SelfKmsClient client = SelfKmsClient.of(kms, alias -> {
        lookups.incrementAndGet();
        return kms.keyIdOf(alias);
    });

    @BeforeAll
    static void tink() throws GeneralSecurityException {
        AeadConfig.register();
    }

    @Test
    void theAssociatedDataTravelsAsTheEncryptionContext() throws GeneralSecurityException {
        Aead aead = client.getAead("selfkms://" + orders);
        byte[] ciphertext = aead.encrypt(SECRET, AD);
        assertArrayEquals(SECRET, aead.decrypt(ciphertext, AD));
        EncryptionContext expected = EncryptionContext.of("tink.associatedData", "b3JkZXIgNDI");
        assertEquals(List.of(expected, expected), kms.contexts);
        assertEquals(List.of(orders), kms.encryptedUnder);
    }

    @Test
    void otherAssociatedDataIsRefusedWithTheServersAnswerAsCause() throws GeneralSecurityException {
        Aead aead = client.getAead("selfkms://" + orders);
        byte[] ciphertext = aead.encrypt(SECRET, AD);
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> aead.decrypt(ciphertext, new byte[0]));
        assertTrue(e.getMessage().contains("CIPHERTEXT_INVALID"), e.getMessage());
        assertInstanceOf(KmsRequestException.class, e.getCause());
    }

    @Test
    void aCiphertextOfAnotherKeyIsRefusedThoughTheServerOpensIt() throws GeneralSecurityException {
        byte[] ofInvoices = client.getAead("selfkms://invoices").encrypt(SECRET, AD);
        Aead ordersAead = client.getAead("selfkms://" + orders);
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> ordersAead.decrypt(ofInvoices, AD));
        assertEquals("The ciphertext is under key " + invoices + ", not under selfkms://" + orders + " (key " + orders + ")",
                e.getMessage());
        assertEquals(1, kms.decrypts);
    }

    @Test
    void anAliasAeadTakesItsKeyFromTheFirstEncryptWithoutALookup() throws GeneralSecurityException {
        Aead aead = client.getAead("selfkms://orders");
        byte[] first = aead.encrypt(SECRET, AD);
        byte[] second = aead.encrypt(SECRET, AD);
        assertArrayEquals(SECRET, aead.decrypt(first, AD));
        assertArrayEquals(SECRET, aead.decrypt(second, AD));
        assertEquals(0, lookups.get());
        assertEquals(List.of("orders", orders), kms.encryptedUnder);
    }

    @Test
    void anAliasAeadThatDecryptsFirstLooksItsKeyUpOnce() throws GeneralSecurityException {
        byte[] ofOrders = client.getAead("selfkms://orders").encrypt(SECRET, AD);
        byte[] ofInvoices = client.getAead("selfkms://invoices").encrypt(SECRET, AD);
        Aead fresh = client.getAead("selfkms://alias/orders");
        assertArrayEquals(SECRET, fresh.decrypt(ofOrders, AD));
        assertThrows(GeneralSecurityException.class, () -> fresh.decrypt(ofInvoices, AD));
        assertArrayEquals(SECRET, fresh.decrypt(ofOrders, AD));
        assertEquals(1, lookups.get());
    }

    @Test
    void anAliasAeadStaysWithItsKeyWhenTheAliasMoves() throws GeneralSecurityException {
        Aead aead = client.getAead("selfkms://orders");
        byte[] before = aead.encrypt(SECRET, AD);
        kms.moveAlias("orders", invoices);
        byte[] after = aead.encrypt(SECRET, AD);
        assertArrayEquals(SECRET, aead.decrypt(before, AD));
        assertArrayEquals(SECRET, aead.decrypt(after, AD));
        assertEquals(List.of("orders", orders), kms.encryptedUnder);
        Aead madeAfterTheMove = client.getAead("selfkms://orders");
        assertThrows(GeneralSecurityException.class, () -> madeAfterTheMove.decrypt(before, AD));
    }

    @Test
    void anUnknownAliasIsAGeneralSecurityException() throws GeneralSecurityException {
        Aead aead = client.getAead("selfkms://nothing-here");
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> aead.decrypt(new byte[16], AD));
        assertTrue(e.getMessage().startsWith("SelfKMS could not find the key of selfkms://nothing-here: KEY_NOT_FOUND"), e.getMessage());
        assertEquals(0, kms.decrypts);
    }

    @Test
    void aDisabledKeyIsAGeneralSecurityException() throws GeneralSecurityException {
        Aead aead = client.getAead("selfkms://" + orders);
        byte[] ciphertext = aead.encrypt(SECRET, AD);
        kms.disable(orders);
        assertThrows(GeneralSecurityException.class, () -> aead.encrypt(SECRET, AD));
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> aead.decrypt(ciphertext, AD));
        assertTrue(e.getMessage().contains("KEY_DISABLED"), e.getMessage());
    }

    @Test
    void plaintextsTheServerCannotTakeAreRefusedWithoutARequest() throws GeneralSecurityException {
        Aead aead = client.getAead("selfkms://" + orders);
        GeneralSecurityException empty = assertThrows(GeneralSecurityException.class, () -> aead.encrypt(new byte[0], AD));
        GeneralSecurityException tooLong = assertThrows(GeneralSecurityException.class, () -> aead.encrypt(new byte[4097], AD));
        assertTrue(tooLong.getMessage().contains("1 to 4096 bytes, not 4097"), tooLong.getMessage());
        assertTrue(empty.getMessage().contains("KmsEnvelopeAead"), empty.getMessage());
        assertEquals(List.of(), kms.encryptedUnder);
        assertArrayEquals(new byte[4096], aead.decrypt(aead.encrypt(new byte[4096], AD), AD));
    }

    @Test
    void tinksEnvelopeSendsOnlyItsDataKeyWithoutContext() throws GeneralSecurityException {
        Aead envelope = KmsEnvelopeAead.create(PredefinedAeadParameters.AES256_GCM, client.getAead("selfkms://orders"));
        byte[] large = new byte[100_000];
        large[99_999] = 7;
        byte[] ciphertext = envelope.encrypt(large, AD);
        assertArrayEquals(large, envelope.decrypt(ciphertext, AD));
        assertEquals(List.of(EncryptionContext.empty(), EncryptionContext.empty()), kms.contexts);
        assertThrows(GeneralSecurityException.class, () -> envelope.decrypt(ciphertext, "order 43".getBytes(StandardCharsets.UTF_8)));
    }
}
