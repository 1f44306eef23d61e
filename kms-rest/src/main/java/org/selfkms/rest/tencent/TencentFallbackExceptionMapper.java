package org.selfkms.rest.tencent;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.audit.AuditLog;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever fails before or around the resource (unsupported method, unreadable entity, unknown path)
 * still answers in Tencent's envelope, never with a stack trace or an HTML error page - and, being a request
 * on the door, leaves an audit record like every other.
 */
@Provider
@ApplicationScoped
public class TencentFallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(TencentFallbackExceptionMapper.class.getName());

    @EJB
    private AuditLog audit;

    @Context
    private HttpServletRequest http;

    @Override
    public jakarta.ws.rs.core.Response toResponse(Throwable e) {
        String requestId = UUID.randomUUID().toString();
        String action = http.getHeader("X-TC-Action");
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String code = status == 404 ? "InvalidAction" : status == 405 ? "UnsupportedProtocol" : "InvalidRequest";
            String message = "The request cannot be served (HTTP " + status + ")";
            return AuditedError.of(audit, event(requestId, action, new KmsException(KmsErrorCode.MALFORMED_REQUEST, message)),
                    code, message);
        }
        LOG.log(Level.SEVERE, "Request " + requestId + " failed outside the API resource", e);
        return AuditedError.internal(audit, event(requestId, action, e));
    }

    private AuditEvent event(String requestId, String action, Throwable failure) {
        return AuditEvent.refused(AuditEvent.DOOR_TENCENT, null, action, null, requestId, http.getRemoteAddr(), failure);
    }
}
