package org.selfkms.client.envelope;

import org.selfkms.client.EncryptionContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message's header (docs/client-format.md, "Header"), without its tag: everything a reader needs before the
 * first frame, and the exact bytes the header tag authenticates. Reading checks the structure and refuses
 * anything that is not canonical, so that one header has exactly one encoding.
 */
record MessageHeader(byte[] messageId, int frameLength, String keyId, byte[] wrappedDataKey, EncryptionContext context) {

    static final byte[] MAGIC = {'S', 'K', 'M', 'E'};
    static final int VERSION = 1;
    /** AES-256-GCM with an HKDF-SHA256 content key per message; the only algorithm of version 1. */
    static final int ALGORITHM_AES_256_GCM_HKDF_SHA256 = 1;
    static final int MESSAGE_ID_LENGTH = 16;
    static final int MAX_FRAME_LENGTH = 1 << 24;
    /** Bounds what a reader allocates before anything is authenticated; the tag is not counted. */
    static final int MAX_HEADER_LENGTH = 65_536;
    private static final int UINT16_MAX = 0xFFFF;

    MessageHeader {
        if (messageId.length != MESSAGE_ID_LENGTH) {
            throw new IllegalArgumentException("A message id has " + MESSAGE_ID_LENGTH + " bytes");
        }
        if (frameLength < 1 || frameLength > MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("The frame length must be 1.." + MAX_FRAME_LENGTH + " bytes");
        }
    }

    /** The header's bytes as written, without the tag; what the tag authenticates. */
    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(MAGIC);
        out.write(VERSION);
        out.write(ALGORITHM_AES_256_GCM_HKDF_SHA256);
        out.writeBytes(messageId);
        writeUint32(out, frameLength);
        writeField(out, utf8(keyId), "key id");
        writeField(out, wrappedDataKey, "wrapped data key");
        List<Map.Entry<byte[], byte[]>> pairs = canonicalPairs(context);
        if (pairs.size() > UINT16_MAX) {
            throw new IllegalArgumentException("The encryption context has more than " + UINT16_MAX + " pairs");
        }
        writeUint16(out, pairs.size());
        for (Map.Entry<byte[], byte[]> pair : pairs) {
            writeField(out, pair.getKey(), "encryption-context name");
            writeField(out, pair.getValue(), "encryption-context value");
        }
        if (out.size() > MAX_HEADER_LENGTH) {
            throw new IllegalArgumentException("The header would exceed " + MAX_HEADER_LENGTH
                    + " bytes: the encryption context is too large");
        }
        return out.toByteArray();
    }

    /** A header read from the start of a message, with the bytes its tag authenticates and the tag itself. */
    record Read(MessageHeader header, byte[] encoded, byte[] tag) {
    }

    /** Reads exactly the header and its tag, nothing after them. */
    static Read read(InputStream in) throws IOException {
        Reader reader = new Reader(in);
        byte[] magic = reader.bytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new MessageFormatException("Not an envelope-encrypted message (docs/client-format.md): wrong magic bytes");
        }
        int version = reader.uint8();
        if (version != VERSION) {
            throw new MessageFormatException("Unsupported message format version " + version + " (this library reads " + VERSION + ")");
        }
        int algorithm = reader.uint8();
        if (algorithm != ALGORITHM_AES_256_GCM_HKDF_SHA256) {
            throw new MessageFormatException("Unsupported algorithm " + algorithm + " in the message header");
        }
        byte[] messageId = reader.bytes(MESSAGE_ID_LENGTH);
        long frameLength = reader.uint32();
        if (frameLength < 1 || frameLength > MAX_FRAME_LENGTH) {
            throw new MessageFormatException("Frame length " + frameLength + " is outside 1.." + MAX_FRAME_LENGTH);
        }
        String keyId = text(reader.field(), "key id");
        if (keyId.isEmpty()) {
            throw new MessageFormatException("The message header names no key");
        }
        byte[] wrappedDataKey = reader.field();
        if (wrappedDataKey.length == 0) {
            throw new MessageFormatException("The message header holds no wrapped data key");
        }
        int count = reader.uint16();
        Map<String, String> pairs = new LinkedHashMap<>();
        byte[] previousName = null;
        for (int i = 0; i < count; i++) {
            byte[] name = reader.field();
            byte[] value = reader.field();
            if (name.length == 0) {
                throw new MessageFormatException("An encryption-context name in the header is empty");
            }
            if (previousName != null && Arrays.compareUnsigned(previousName, name) >= 0) {
                throw new MessageFormatException("The header's encryption context is not sorted by name or repeats a name");
            }
            previousName = name;
            pairs.put(text(name, "encryption-context name"), text(value, "encryption-context value"));
        }
        byte[] encoded = reader.consumed();
        byte[] tag = reader.bytes(FrameCipher.TAG_LENGTH);
        MessageHeader header = new MessageHeader(messageId, (int) frameLength, keyId, wrappedDataKey, EncryptionContext.of(pairs));
        return new Read(header, encoded, tag);
    }

    /** The context's pairs in the format's canonical order: by the names' UTF-8 bytes, unsigned. */
    private static List<Map.Entry<byte[], byte[]>> canonicalPairs(EncryptionContext context) {
        List<Map.Entry<byte[], byte[]>> pairs = new ArrayList<>();
        context.asMap().forEach((name, value) -> pairs.add(Map.entry(utf8(name), utf8(value))));
        // String order (UTF-16) and UTF-8 byte order differ for characters above U+FFFF
        pairs.sort(Comparator.comparing(Map.Entry::getKey, Arrays::compareUnsigned));
        return pairs;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] utf8, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new MessageFormatException("The header's " + what + " is not UTF-8");
        }
    }

    private static void writeField(ByteArrayOutputStream out, byte[] bytes, String what) {
        if (bytes.length > UINT16_MAX) {
            throw new IllegalArgumentException("The " + what + " is longer than " + UINT16_MAX + " bytes");
        }
        writeUint16(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeUint16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value);
    }

    static void writeUint32(ByteArrayOutputStream out, long value) {
        out.write((int) (value >>> 24));
        out.write((int) (value >>> 16));
        out.write((int) (value >>> 8));
        out.write((int) value);
    }

    @Override
    public String toString() {
        return "MessageHeader[" + keyId + ", " + context + ", frames of " + frameLength + " bytes]";
    }

    /** Reads fields from the stream and keeps every byte read, up to the header's size limit. */
    private static final class Reader {
        private final InputStream in;
        private final ByteArrayOutputStream consumed = new ByteArrayOutputStream(256);

        Reader(InputStream in) {
            this.in = in;
        }

        byte[] bytes(int n) throws IOException {
            if (consumed.size() + n > MAX_HEADER_LENGTH + FrameCipher.TAG_LENGTH) {
                throw new MessageFormatException("The message header exceeds " + MAX_HEADER_LENGTH + " bytes");
            }
            byte[] bytes = in.readNBytes(n);
            if (bytes.length < n) {
                throw new MessageFormatException(consumed.size() + bytes.length == 0
                        ? "Not an envelope-encrypted message: it is empty"
                        : "The message ends inside its header");
            }
            consumed.writeBytes(bytes);
            return bytes;
        }

        int uint8() throws IOException {
            return bytes(1)[0] & 0xFF;
        }

        int uint16() throws IOException {
            byte[] b = bytes(2);
            return (b[0] & 0xFF) << 8 | (b[1] & 0xFF);
        }

        long uint32() throws IOException {
            byte[] b = bytes(4);
            return (b[0] & 0xFFL) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
        }

        byte[] field() throws IOException {
            return bytes(uint16());
        }

        byte[] consumed() {
            return consumed.toByteArray();
        }
    }
}
