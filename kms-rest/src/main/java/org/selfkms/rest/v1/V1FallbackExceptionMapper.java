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
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.gate.Credentials;
import org.selfkms.api.json.StrictJson;
import org.selfkms.api.gate.Door;
import org.selfkms.api.gate.Request;
import org.selfkms.api.gate.RequestGate;
import org.selfkms.api.gate.Served;
import org.selfkms.rest.http.UnreadableRequestRefusal.UnreadableRequest;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever fails before or around a resource of the REST door (unknown path, method not allowed, unacceptable
 * media type, an unexpected exception) is answered as problem details - never a stack trace or an HTML page -
 * and recorded through the gate like every other request.
 */
@Provider
@ApplicationScoped
public class V1FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(V1FallbackExceptionMapper.class.getName());

    @EJB
    private RequestGate gate;

    @Context
    private HttpServletRequest http;

    @Override
    public Response toResponse(Throwable e) {
        Request request = new Request(Door.REST, http.getMethod() + " " + http.getRequestURI(), null, http.getRemoteAddr(),
                new Credentials.None());
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            HttpRefusal refusal = e instanceof NotFoundException
                    ? new HttpRefusal(404, KmsErrorCode.UNKNOWN_ACTION, "There is no such resource")
                    : e instanceof NotAllowedException
                    ? new HttpRefusal(405, KmsErrorCode.UNKNOWN_ACTION, "The resource does not take this method")
                    : e instanceof UnreadableRequest
                    ? new HttpRefusal(400, KmsErrorCode.MALFORMED_REQUEST, e.getMessage())
                    : new HttpRefusal(status >= 400 && status < 500 ? status : 400, KmsErrorCode.MALFORMED_REQUEST,
                    "The request cannot be served (HTTP " + status + ")");
            Served<Void> refused = gate.refuse(request, refusal);
            Response problem = Problems.of(refused.refusal(), refused.requestId());
            if (e instanceof NotAllowedException && refused.refusal() == refusal) {
                String allow = web.getResponse().getHeaderString("Allow");
                return allow == null ? problem : Response.fromResponse(problem).header("Allow", allow).build();
            }
            return problem;
        }
        Served<Void> failed = gate.refuse(request, new KmsException(KmsErrorCode.INTERNAL, "Failed outside the resource"));
        LOG.log(Level.SEVERE, "Request " + failed.requestId() + " (" + StrictJson.printable(request.action()) + ") failed", e);
        return Problems.internal(failed.requestId());
    }
}
