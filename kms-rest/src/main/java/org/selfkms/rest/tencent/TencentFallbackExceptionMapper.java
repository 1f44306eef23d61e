package org.selfkms.rest.tencent;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever fails before or around the resource (unsupported method, unreadable entity, unknown path)
 * still answers in Tencent's envelope, never with a stack trace or an HTML error page.
 */
@Provider
public class TencentFallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(TencentFallbackExceptionMapper.class.getName());

    @Override
    public jakarta.ws.rs.core.Response toResponse(Throwable e) {
        String requestId = UUID.randomUUID().toString();
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String code = status == 404 ? "InvalidAction" : status == 405 ? "UnsupportedProtocol" : "InvalidRequest";
            return TencentApiResource.ok(TencentJson.error(requestId, code, "The request cannot be served (HTTP " + status + ")"));
        }
        LOG.log(Level.SEVERE, "Request " + requestId + " failed outside the API resource", e);
        return TencentApiResource.ok(TencentJson.error(requestId, "InternalError", "Internal error; quote RequestId " + requestId));
    }
}
