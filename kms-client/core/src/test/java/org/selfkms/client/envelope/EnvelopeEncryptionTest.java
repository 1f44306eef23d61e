package org.selfkms.client.envelope;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.selfkms.client.EncryptionContext;
import org.selfkms.client.KmsRequestException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The message format's guarantees on byte arrays (docs/client-format.md), against {@link FakeKms}. */
class EnvelopeEncryptionTest {

    static final int FRAME = 100;
    static final EncryptionContext CONTEXT = EncryptionContext.of(Map.of("order", "42", "tenant", "shop"));

    final FakeKms kms = new FakeKms();
    final EnvelopeEncryption envelope = EnvelopeEncryption.builder(kms).keyRef("key-1").frameLength(FRAME).build();

    static byte[] plaintext(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    /** Header and header tag: where the frames start. */
    static int headerLength(byte[] message) {
        try {
            return MessageHeader.read(new ByteArrayInputStream(message)).encoded().length + FrameCipher.TAG_LENGTH;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MessageHeader header(byte[] message) {
        try {
            return MessageHeader.read(new ByteArrayInputStream(message)).header();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int regularFrameLength() {
        return 5 + FRAME + FrameCipher.TAG_LENGTH;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, FRAME - 1, FRAME, FRAME + 1, 2 * FRAME - 1, 2 * FRAME, 2 * FRAME + 1, 10 * FRAME + 7})
    void roundTripsEveryLengthAroundFrameBoundaries(int length) {
        byte[] plaintext = plaintext(length);
        byte[] message = envelope.encrypt(plaintext, CONTEXT);

        DecryptedMessage decrypted = envelope.decrypt(message);

        assertArrayEquals(plaintext, decrypted.plaintext());
        assertEquals(CONTEXT, decrypted.context());
        assertEquals("key-1", decrypted.keyId());
        int frames = length / FRAME;
        assertEquals(headerLength(message) + frames * regularFrameLength() + 9 + length % FRAME + FrameCipher.TAG_LENGTH,
                message.length, "full regular frames, then a final frame with the rest (possibly empty)");
    }

    @Test
    void roundTripsWithTheDefaultFrameLengthAndNoContext() {
        EnvelopeEncryption defaults = EnvelopeEncryption.builder(kms).keyRef("key-1").build();
        byte[] plaintext = plaintext(3 * EnvelopeEncryption.DEFAULT_FRAME_LENGTH + 5);

        DecryptedMessage decrypted = defaults.decrypt(defaults.encrypt(plaintext, EncryptionContext.empty()));

        assertArrayEquals(plaintext, decrypted.plaintext());
        assertEquals(EncryptionContext.empty(), decrypted.context());
    }

    @Test
    void twoEncryptionsOfTheSamePlaintextDiffer() {
        byte[] plaintext = plaintext(10);
        assertEquals(false, Arrays.equals(envelope.encrypt(plaintext, CONTEXT), envelope.encrypt(plaintext, CONTEXT)));
    }

    @Test
    void aDecryptOnlyInstanceNeedsNoKeyReferenceAndRefusesToEncrypt() {
        byte[] message = envelope.encrypt(plaintext(250), CONTEXT);
        EnvelopeEncryption decryptOnly = EnvelopeEncryption.builder(kms).build();

        assertArrayEquals(plaintext(250), decryptOnly.decrypt(message).plaintext());
        assertThrows(IllegalStateException.class, () -> decryptOnly.encrypt(plaintext(1), CONTEXT));
    }

    @Test
    void everyTruncationFails() {
        byte[] message = envelope.encrypt(plaintext(3 * FRAME + 20), CONTEXT);
        int header = headerLength(message);

        for (int length = 0; length < message.length; length++) {
            byte[] prefix = Arrays.copyOf(message, length);
            Class<? extends RuntimeException> expected = length < header
                    ? MessageFormatException.class : MessageAuthenticationException.class;
            assertThrows(expected, () -> envelope.decrypt(prefix), "prefix of " + length + " bytes");
        }
    }

    @Test
    void aMessageCutAtAFrameBoundaryFails() {
        byte[] message = envelope.encrypt(plaintext(3 * FRAME), CONTEXT);
        int header = headerLength(message);
        for (int frames = 0; frames <= 3; frames++) {
            byte[] cut = Arrays.copyOf(message, header + frames * regularFrameLength());
            MessageAuthenticationException e = assertThrows(MessageAuthenticationException.class, () -> envelope.decrypt(cut));
            assertEquals("The message is truncated: it ends before its final frame", e.getMessage());
        }
    }

    @Test
    void reorderedRepeatedOrMissingFramesFail() {
        byte[] message = envelope.encrypt(plaintext(3 * FRAME + 20), CONTEXT);
        int header = headerLength(message);
        int f = regularFrameLength();
        byte[] first = Arrays.copyOfRange(message, header, header + f);
        byte[] second = Arrays.copyOfRange(message, header + f, header + 2 * f);
        byte[] rest = Arrays.copyOfRange(message, header + 2 * f, message.length);
        byte[] start = Arrays.copyOf(message, header);

        assertThrows(MessageAuthenticationException.class, () -> envelope.decrypt(concat(start, second, first, rest)));
        assertThrows(MessageAuthenticationException.class, () -> envelope.decrypt(concat(start, first, first, second, rest)));
        assertThrows(MessageAuthenticationException.class, () -> envelope.decrypt(concat(start, first, rest)));
        assertArrayEquals(plaintext(3 * FRAME + 20), envelope.decrypt(concat(start, first, second, rest)).plaintext());
    }

    @Test
    void bytesAfterTheFinalFrameFail() {
        byte[] message = envelope.encrypt(plaintext(150), CONTEXT);

        assertThrows(MessageAuthenticationException.class, () -> envelope.decrypt(concat(message, new byte[1])));
        assertThrows(MessageAuthenticationException.class, () -> envelope.decrypt(concat(message, message)));
    }

    @Test
    void everyFlippedFrameByteFails() {
        byte[] message = envelope.encrypt(plaintext(2 * FRAME + 3), CONTEXT);
        for (int i = headerLength(message); i < message.length; i++) {
            byte[] altered = message.clone();
            altered[i] ^= 0x01;
            assertThrows(MessageAuthenticationException.class, () -> envelope.decrypt(altered), "byte " + i);
        }
    }

    @Test
    void anotherContextThanTheExpectedOneIsRefusedBeforeAnyKmsCall() {
        byte[] message = envelope.encrypt(plaintext(10), CONTEXT);
        int calls = kms.decryptCalls();

        assertThrows(MessageAuthenticationException.class,
                () -> envelope.decrypt(message, EncryptionContext.of("order", "42")));
        assertEquals(calls, kms.decryptCalls());
        assertArrayEquals(plaintext(10), envelope.decrypt(message, CONTEXT).plaintext());
    }

    @Test
    void aDataKeyThatIsNotTheMessagesFailsTheHeaderTag() {
        byte[] message = envelope.encrypt(plaintext(10), CONTEXT);
        byte[] other = envelope.encrypt(plaintext(10), CONTEXT);
        int blobAt = indexOf(message, header(message).wrappedDataKey());
        byte[] swapped = message.clone();
        System.arraycopy(other, blobAt, swapped, blobAt, FakeKms.BLOB_LENGTH);

        MessageAuthenticationException e = assertThrows(MessageAuthenticationException.class, () -> envelope.decrypt(swapped));
        assertEquals("The message header does not verify: altered, or its data key is another", e.getMessage());
    }

    /**
     * Every header byte flipped: the fixed fields are a format error, the authenticated ones fail the tag, the
     * wrapped key and the context are refused by the KMS; a length field can lead to any of these. Never success.
     */
    @Test
    void everyFlippedHeaderByteFailsWithItsFieldsError() {
        byte[] message = envelope.encrypt(plaintext(150), CONTEXT);
        HeaderLayout layout = HeaderLayout.of(message);
        for (int i = 0; i < layout.end(); i++) {
            byte[] altered = message.clone();
            altered[i] ^= 0x01;
            RuntimeException e = assertThrows(RuntimeException.class, () -> envelope.decrypt(altered), "byte " + i);
            String field = layout.fieldAt(i);
            switch (field) {
                case "magic", "version", "algorithm" -> assertEquals(MessageFormatException.class, e.getClass(), field);
                case "message id", "key id", "header tag" -> assertEquals(MessageAuthenticationException.class, e.getClass(), field);
                case "wrapped data key" -> assertEquals("CIPHERTEXT_INVALID", ((KmsRequestException) e).errorCode(), field);
                case "context" -> assertEquals(true, e instanceof KmsRequestException || e instanceof MessageFormatException,
                        field + ": " + e);
                default -> assertEquals(true, e instanceof MessageFormatException || e instanceof MessageAuthenticationException
                        || e instanceof KmsRequestException, field + ": " + e);
            }
        }
    }

    @Test
    void aContextNotInCanonicalOrderOrWithARepeatedNameIsNotAMessage() {
        byte[] sorted = envelope.encrypt(plaintext(1), EncryptionContext.of(Map.of("a", "1", "b", "2")));
        byte[] unsorted = replaceOnce(sorted, new byte[] {0, 1, 'a', 0, 1, '1', 0, 1, 'b'}, new byte[] {0, 1, 'b', 0, 1, '1', 0, 1, 'a'});
        byte[] repeated = replaceOnce(sorted, new byte[] {0, 1, 'a', 0, 1, '1', 0, 1, 'b'}, new byte[] {0, 1, 'a', 0, 1, '1', 0, 1, 'a'});
        int calls = kms.decryptCalls();

        assertEquals("The header's encryption context is not sorted by name or repeats a name",
                assertThrows(MessageFormatException.class, () -> envelope.decrypt(unsorted)).getMessage());
        assertThrows(MessageFormatException.class, () -> envelope.decrypt(repeated));
        assertEquals(calls, kms.decryptCalls(), "refused before asking the KMS");
    }

    @Test
    void contextNamesAreOrderedByTheirUtf8Bytes() {
        // U+1F600 sorts before U+FFFD as UTF-16 but after it as UTF-8
        EncryptionContext context = EncryptionContext.of(Map.of("\uD83D\uDE00", "smile", "\uFFFD", "replacement"));
        byte[] message = envelope.encrypt(plaintext(5), context);
        byte[] replacement = "\uFFFD".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] smile = "\uD83D\uDE00".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertEquals(true, indexOf(message, replacement) < indexOf(message, smile));
        assertEquals(context, envelope.decrypt(message).context());
    }

    @Test
    void aDisabledKeyIsTheKmssError() {
        byte[] message = envelope.encrypt(plaintext(5), CONTEXT);
        kms.disable("key-1");

        assertEquals("KEY_DISABLED", assertThrows(KmsRequestException.class, () -> envelope.decrypt(message)).errorCode());
        assertEquals("KEY_DISABLED", assertThrows(KmsRequestException.class, () -> envelope.encrypt(new byte[1], CONTEXT)).errorCode());
    }

    @Test
    void notAMessageAtAll() {
        assertEquals("Not an envelope-encrypted message: it is empty",
                assertThrows(MessageFormatException.class, () -> envelope.decrypt(new byte[0])).getMessage());
        assertThrows(MessageFormatException.class, () -> envelope.decrypt("hello, world, this is text".getBytes()));
        byte[] message = envelope.encrypt(plaintext(5), CONTEXT);
        message[4] = 2;
        assertEquals("Unsupported message format version 2 (this library reads 1)",
                assertThrows(MessageFormatException.class, () -> envelope.decrypt(message)).getMessage());
    }

    @Test
    void frameLengthsOutsideTheFormatsRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> EnvelopeEncryption.builder(kms).frameLength(0));
        assertThrows(IllegalArgumentException.class, () -> EnvelopeEncryption.builder(kms).frameLength((1 << 24) + 1));
        EnvelopeEncryption oneByteFrames = EnvelopeEncryption.builder(kms).keyRef("key-1").frameLength(1).build();
        assertArrayEquals(plaintext(7), oneByteFrames.decrypt(oneByteFrames.encrypt(plaintext(7), CONTEXT)).plaintext());
    }

    @Test
    void nothingPrintedShowsPlaintextOrKeys() {
        byte[] secret = "secret-plaintext".getBytes();
        DecryptedMessage decrypted = envelope.decrypt(envelope.encrypt(secret, CONTEXT));

        assertEquals("DecryptedMessage[key-1, {order=42, tenant=shop}, 16 bytes]", decrypted.toString());
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    static byte[] replaceOnce(byte[] bytes, byte[] what, byte[] with) {
        byte[] replaced = bytes.clone();
        System.arraycopy(with, 0, replaced, indexOf(bytes, what), with.length);
        return replaced;
    }
}
