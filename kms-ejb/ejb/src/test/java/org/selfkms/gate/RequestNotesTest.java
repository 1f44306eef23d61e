package org.selfkms.gate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RequestNotesTest {

    private static final UUID SOURCE = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final UUID DESTINATION = UUID.fromString("22222222-2222-2222-2222-222222222222");

    @AfterEach
    void closeWhateverIsOpen() {
        RequestNotes.close();
    }

    @Test
    void theLastKeyResolvedIsRecordedAsAnId() {
        RequestNotes.open();
        RequestNotes.keyResolved(SOURCE);
        RequestNotes.keyResolved(DESTINATION);
        assertEquals(DESTINATION.toString(), RequestNotes.close(), "re-encryption: the destination, as the Tencent door did");
        RequestNotes.open();
        RequestNotes.keyResolved("33333333-3333-3333-3333-333333333333");
        assertEquals("33333333-3333-3333-3333-333333333333", RequestNotes.close());
    }

    @Test
    void nothingIsNotedOutsideARequestNorCarriedIntoTheNext() {
        RequestNotes.keyResolved(SOURCE);
        RequestNotes.open();
        assertNull(RequestNotes.close(), "a timer's resolution before the request is not the request's");
        RequestNotes.open();
        RequestNotes.keyResolved(SOURCE);
        RequestNotes.close();
        RequestNotes.keyResolved(DESTINATION);
        RequestNotes.open();
        assertNull(RequestNotes.close());
    }

    @Test
    void aRequestThatResolvedNoKeyIsRecordedUnderTheReferenceItGave() {
        assertEquals("alias/orders", RequestNotes.auditedKeyId(null, "alias/orders"));
        assertEquals(SOURCE.toString(), RequestNotes.auditedKeyId(SOURCE.toString(), "alias/orders"));
        assertNull(RequestNotes.auditedKeyId(null, null));
    }

    @Test
    void eachThreadHasItsOwnNote() throws Exception {
        RequestNotes.open();
        RequestNotes.keyResolved(SOURCE);
        Thread other = new Thread(() -> {
            RequestNotes.open();
            RequestNotes.keyResolved(DESTINATION);
            RequestNotes.close();
        });
        other.start();
        other.join();
        assertEquals(SOURCE.toString(), RequestNotes.close());
    }
}
