package org.selfkms.rest.tencent;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.gate.Credentials;
import org.selfkms.api.gate.Door;
import org.selfkms.api.gate.Request;
import org.selfkms.api.gate.RequestGate;
import org.selfkms.api.gate.Served;
import org.selfkms.rest.http.UnreadableRequestRefusal.UnreadableRequest;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever fails before or around the resource (unsupported method, unreadable entity, unknown path)
 * still answers in Tencent's envelope, never with a stack trace or an HTML error page - and, being a request
 * on the door, leaves an audit record like every other, through the gate.
 */
@Provider
@ApplicationScoped
public class TencentFallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(TencentFallbackExceptionMapper.class.getName());

    @EJB
    private RequestGate gate;

    @Context
    private HttpServletRequest http;

    @Override
    public jakarta.ws.rs.core.Response toResponse(Throwable e) {
        Request request = new Request(Door.TENCENT, http.getHeader("X-TC-Action"), null, http.getRemoteAddr(),
                new Credentials.None());
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String code = status == 404 ? "InvalidAction" : status == 405 ? "UnsupportedProtocol" : "InvalidRequest";
            KmsException reason = new KmsException(KmsErrorCode.MALFORMED_REQUEST, e instanceof UnreadableRequest
                    ? e.getMessage() : "The request cannot be served (HTTP " + status + ")");
            return TencentAnswers.turnedAway(gate.refuse(request, reason), reason, code);
        }
        Served<Void> failed = gate.refuse(request, new KmsException(KmsErrorCode.INTERNAL, "Failed outside the API resource"));
        LOG.log(Level.SEVERE, "Request " + failed.requestId() + " failed outside the API resource", e);
        return TencentAnswers.internal(failed.requestId());
    }
}
