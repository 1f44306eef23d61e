package org.selfkms.rest.v1;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.selfkms.api.audit.AuditLog;
import org.selfkms.api.error.KmsErrorCode;

import java.util.UUID;

/**
 * Whatever fails before or around a resource of the REST door (unknown path, method not allowed, unacceptable
 * media type, an unexpected exception) is answered as problem details - never a stack trace or an HTML page -
 * and audited like every other request.
 */
@Provider
@ApplicationScoped
public class V1FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    @EJB
    private AuditLog audit;

    @Context
    private HttpServletRequest http;

    @Override
    public Response toResponse(Throwable e) {
        String requestId = UUID.randomUUID().toString();
        String action = http.getMethod() + " " + http.getRequestURI();
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            HttpRefusal refusal = e instanceof NotFoundException
                    ? new HttpRefusal(404, KmsErrorCode.UNKNOWN_ACTION, "There is no such resource")
                    : e instanceof NotAllowedException
                    ? new HttpRefusal(405, KmsErrorCode.UNKNOWN_ACTION, "The resource does not take this method")
                    : new HttpRefusal(status >= 400 && status < 500 ? status : 400, KmsErrorCode.MALFORMED_REQUEST,
                    "The request cannot be served (HTTP " + status + ")");
            Response problem = V1Door.refused(audit, action, null, null, requestId, http.getRemoteAddr(), refusal);
            if (e instanceof NotAllowedException) {
                String allow = web.getResponse().getHeaderString("Allow");
                return allow == null ? problem : Response.fromResponse(problem).header("Allow", allow).build();
            }
            return problem;
        }
        return V1Door.refused(audit, action, null, null, requestId, http.getRemoteAddr(), e);
    }
}
