package org.selfkms.client.envelope;

import java.util.ArrayList;
import java.util.List;

/** Which header field each byte of a message belongs to, read by the offsets of docs/client-format.md. */
record HeaderLayout(List<String> fields) {

    static HeaderLayout of(byte[] message) {
        List<String> fields = new ArrayList<>();
        add(fields, "magic", 4);
        add(fields, "version", 1);
        add(fields, "algorithm", 1);
        add(fields, "message id", 16);
        add(fields, "frame length", 4);
        add(fields, "key id length", 2);
        add(fields, "key id", uint16(message, fields.size() - 2));
        add(fields, "wrapped data key length", 2);
        add(fields, "wrapped data key", uint16(message, fields.size() - 2));
        add(fields, "context count", 2);
        int pairs = uint16(message, fields.size() - 2);
        for (int i = 0; i < 2 * pairs; i++) {
            add(fields, "context length", 2);
            add(fields, "context", uint16(message, fields.size() - 2));
        }
        add(fields, "header tag", FrameCipher.TAG_LENGTH);
        return new HeaderLayout(fields);
    }

    int end() {
        return fields.size();
    }

    String fieldAt(int offset) {
        return fields.get(offset);
    }

    private static void add(List<String> fields, String field, int length) {
        for (int i = 0; i < length; i++) {
            fields.add(field);
        }
    }

    private static int uint16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 8 | (bytes[offset + 1] & 0xFF);
    }
}
