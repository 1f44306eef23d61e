package org.selfkms.api.gate;

import org.selfkms.api.audit.AuditEvent;

/** The ways into the KMS; each request's audit record names the door it came through. */
public enum Door {
    TENCENT(AuditEvent.DOOR_TENCENT),
    REST("rest"),
    CONSOLE(AuditEvent.DOOR_CONSOLE);

    private final String auditName;

    Door(String auditName) {
        this.auditName = auditName;
    }

    /** The door as the audit trail names it; records written before the gate existed use the same names. */
    public String auditName() {
        return auditName;
    }
}
