package org.selfkms.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServicePrincipalBootstrapTest {

    @Test
    void readsCommaOrSpaceSeparatedServices() {
        assertEquals(List.of(), ServicePrincipalBootstrap.services(null));
        assertEquals(List.of(), ServicePrincipalBootstrap.services("  "));
        assertEquals(List.of("cos", "cdb", "cbs2"), ServicePrincipalBootstrap.services(" cos, cdb cbs2,cos "));
    }

    @Test
    void oneBadNameRefusesTheWholeList() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServicePrincipalBootstrap.services("cos,COS-DB"));
        assertTrue(e.getMessage().startsWith("KMS_BOOTSTRAP_SERVICES: "), e.getMessage());
        assertTrue(e.getMessage().contains("COS-DB"), e.getMessage());
    }

    @Test
    void eachServiceGetsItsOwnFile() {
        assertEquals("service-cos-credentials.txt", ServicePrincipalBootstrap.fileName("cos"));
    }
}
