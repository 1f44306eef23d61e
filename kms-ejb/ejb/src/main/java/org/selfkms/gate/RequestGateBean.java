package org.selfkms.gate;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.audit.AuditLog;
import org.selfkms.api.audit.AuditOutcome;
import org.selfkms.api.audit.AuditTrail;
import org.selfkms.api.crypto.AsymmetricCrypto;
import org.selfkms.api.crypto.EnvelopeCrypto;
import org.selfkms.api.datakey.HostedDataKeys;
import org.selfkms.api.key.CloudResourceBindings;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.gate.Credentials;
import org.selfkms.api.gate.Door;
import org.selfkms.api.gate.Operation;
import org.selfkms.api.gate.Request;
import org.selfkms.api.gate.RequestGate;
import org.selfkms.api.gate.Served;
import org.selfkms.api.gate.Services;
import org.selfkms.api.identity.ApiAuthenticator;
import org.selfkms.api.identity.AuthenticationFailedException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.ConsoleLogin;
import org.selfkms.api.identity.IdentityAdministration;
import org.selfkms.api.identity.SecretKeyAuthenticator;
import org.selfkms.api.key.KeyImport;
import org.selfkms.api.key.KeyManagement;
import org.selfkms.api.metrics.KmsMetrics;
import org.selfkms.api.tenant.TenantAdministration;
import org.selfkms.api.token.TokenAdministration;
import org.selfkms.api.version.ServerVersion;
import org.selfkms.audit.AuditRoute;
import org.selfkms.identity.BearerTokenStore;
import org.selfkms.key.KeyDirectory;
import org.selfkms.key.KeyRef;

import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every request of every door, in one pipeline: mint the request id, authenticate the credentials, run the
 * operation (each service authorises its own calls), write exactly one audit record, answer - in that order, so
 * that nothing is answered that the trail does not hold.
 *
 * <p>A singleton without locks and without a transaction: it keeps no state per request (the key note is the
 * thread's), and each service keeps its own transaction, as when the doors called them one by one.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RequestGateBean implements RequestGate {

    private static final Logger LOG = Logger.getLogger(RequestGateBean.class.getName());

    // The authenticators and the audit route are plain CDI beans: each request passes through them, and an EJB call's
    // interceptor chain cost more than what they do. The services below stay EJBs (transactions, authorisation).
    @Inject
    ApiAuthenticator signatures;

    @Inject
    SecretKeyAuthenticator secretKeys;

    @EJB
    ConsoleLogin consoleLogins;

    @Inject
    BearerTokenStore bearerTokens;

    @Inject
    AuditRoute audit;

    @EJB
    private KeyManagement keys;

    @EJB
    private KeyImport imports;

    @EJB
    private EnvelopeCrypto envelopes;

    @EJB
    private HostedDataKeys dataKeys;

    @EJB
    private CloudResourceBindings bindings;

    @EJB
    private AsymmetricCrypto keyPairs;

    @EJB
    private IdentityAdministration identities;

    @EJB
    private TenantAdministration tenants;

    @EJB
    private AuditTrail auditTrail;

    @EJB
    private TokenAdministration token;

    @EJB
    private ServerVersion version;

    Services services;

    @Inject
    private KeyDirectory keyDirectory;

    /** Every request is counted and timed here, once, whatever door it came through (docs/observability.md). */
    @Inject
    KmsMetrics metrics = KmsMetrics.NONE;

    @PostConstruct
    void wire() {
        services = new KmsServices(keys, imports, envelopes, dataKeys, bindings, keyPairs, identities, tenants, auditTrail, token, bearerTokens, version);
    }

    @Override
    public <R> Served<R> serve(Request request, Operation<R> operation) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(operation, "operation");
        return observed(request, requestId -> pass(request, operation, requestId));
    }

    /**
     * Mints the request's id and runs {@code handling} with it, so that every line logged meanwhile carries the id
     * (docs/operations.md, "Logs"), and counts and times the request once, whatever its outcome (docs/observability.md).
     */
    private <R> Served<R> observed(Request request, Function<String, Served<R>> handling) {
        long started = System.nanoTime();
        String requestId = RequestIds.next();
        Object outer = RequestLogContext.enter(requestId);
        Served<R> served = null;
        try {
            served = handling.apply(requestId);
            return served;
        } finally {
            RequestLogContext.leave(outer);
            metrics.request(request.door(), request.action(), outcome(served), System.nanoTime() - started);
        }
    }

    private <R> Served<R> pass(Request request, Operation<R> operation, String requestId) {
        Caller caller = null;
        R value = null;
        Throwable failure = null;
        String resolvedKey;
        RequestNotes.open();
        try {
            caller = authenticate(request.credentials());
            value = operation.perform(caller == null ? KmsServices.NONE : services, caller);
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable e) {
            failure = e;
        } finally {
            resolvedKey = RequestNotes.close();
        }
        String keyId = RequestNotes.auditedKeyId(resolvedKey, request.keyRef());
        if (failure != null && resolvedKey == null && caller != null) {
            keyId = keyIdOfAlias(caller, request.keyRef());
        }
        if (failure != null) {
            return refused(request, requestId, caller, keyId, failure);
        }
        AuditEvent event = caller == null
                ? new AuditEvent(AuditEvent.PLATFORM_TENANT, request.door().auditName(), AuditEvent.ANONYMOUS,
                request.action(), keyId, requestId, request.sourceAddress(), AuditOutcome.ALLOWED, null)
                : AuditEvent.allowed(request.door().auditName(), caller, request.action(), keyId, requestId,
                request.sourceAddress());
        if (!recorded(event)) {
            // the value is withheld: the trail must never lack a request that was answered
            return new Served<>(requestId, caller, null, internal(request.door(), requestId));
        }
        return new Served<>(requestId, caller, value, null);
    }

    @Override
    public Served<Void> refuse(Request request, KmsException reason) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(reason, "reason");
        return observed(request, requestId -> {
            // nothing is authenticated for a request turned away; only a console session names its caller unchecked
            Caller caller = request.credentials() instanceof Credentials.ConsoleSession session ? session.caller() : null;
            AuditEvent event = AuditEvent.refused(request.door().auditName(), caller, request.action(), request.keyRef(),
                    requestId, request.sourceAddress(), reason);
            return new Served<>(requestId, caller, null, recorded(event) ? reason : internal(request.door(), requestId));
        });
    }

    /** As the metrics count it: the server's own failures (internal, token unavailable) apart from refusals. */
    private static KmsMetrics.Outcome outcome(Served<?> served) {
        if (served == null || served.refusal() != null && (served.refusal().code() == KmsErrorCode.INTERNAL
                || served.refusal().code() == KmsErrorCode.TOKEN_UNAVAILABLE)) {
            return KmsMetrics.Outcome.FAILED;
        }
        return served.isServed() ? KmsMetrics.Outcome.OK : KmsMetrics.Outcome.REFUSED;
    }

    private Caller authenticate(Credentials credentials) {
        if (credentials instanceof Credentials.Tc3 tc3) {
            return signatures.authenticate(tc3.request());
        }
        if (credentials instanceof Credentials.BearerToken bearer) {
            return bearer(bearer.token());
        }
        if (credentials instanceof Credentials.SecretKeyPair pair) {
            return secretKeys.authenticate(pair.secretId(), pair.secretKey());
        }
        if (credentials instanceof Credentials.ConsoleSession session) {
            // as established at login; each service call checks the role and whether the tenant was suspended since
            return session.caller();
        }
        if (credentials instanceof Credentials.ConsoleLogin login) {
            return consoleLogins.login(login.userName(), login.password());
        }
        if (credentials instanceof Credentials.None) {
            return null;
        }
        throw new IllegalArgumentException("Unknown credentials " + credentials.getClass().getName());
    }

    /** A bearer token's credential, checked again now: revocations reach tokens issued before them. */
    private Caller bearer(String token) {
        BearerTokenStore.Session session = bearerTokens.session(token);
        try {
            return secretKeys.current(session.issuedTo().principal());
        } catch (RuntimeException refused) {
            KmsException domain = KmsException.findIn(refused);
            if (domain != null && domain.code() == KmsErrorCode.AUTH_UNKNOWN_SECRET_ID) {
                // the credential was disabled or deleted (or its user removed): its tokens die with it
                bearerTokens.drop(token);
                throw new AuthenticationFailedException(KmsErrorCode.AUTH_UNKNOWN_SECRET_ID,
                        "The credential of this token is disabled or deleted", session.issuedTo());
            }
            throw refused;
        }
    }

    /**
     * A request refused before it resolved the key it named (its role, its input) is still recorded under the key's id
     * when it named an alias of the caller's tenant, so that searching the trail by key id finds it; an alias the
     * tenant does not have stays as it was given.
     */
    private String keyIdOfAlias(Caller caller, String keyRef) {
        if (keyRef == null) {
            return null;
        }
        try {
            KeyRef ref = KeyRef.parse(keyRef);
            return ref.isAlias() ? keyDirectory.byAlias(caller.tenantId(), ref.alias()).map(key -> key.id().toString()).orElse(keyRef)
                    : keyRef;
        } catch (RuntimeException unreadable) {
            return keyRef;
        }
    }

    private <R> Served<R> refused(Request request, String requestId, Caller caller, String keyId, Throwable failure) {
        KmsException domain = KmsException.findIn(failure);
        AuditEvent event = AuditEvent.refused(request.door().auditName(), caller, request.action(), keyId, requestId,
                request.sourceAddress(), failure);
        if (domain == null) {
            // the action as the record holds it: a client's header, cut short and without control characters
            LOG.log(Level.SEVERE, "Request " + requestId + " (" + event.door() + " " + event.action() + ") failed", failure);
        }
        KmsException answer = recorded(event) && domain != null ? domain : internal(request.door(), requestId);
        return new Served<>(requestId, caller, null, answer);
    }

    /** Whether the record is committed; {@link AuditLog#record} returns only then. */
    private boolean recorded(AuditEvent event) {
        try {
            audit.record(event);
            return true;
        } catch (RuntimeException notWritten) {
            // the writer logs why; this line ties its failure to the request the client is told about
            LOG.severe("Request " + event.requestId() + " (" + event.door() + " " + event.action()
                    + "): its audit record could not be written, so it is answered with an internal error");
            return false;
        }
    }

    /** What the client is told of a failure it cannot act on: the request id to quote, in the door's own words. */
    static KmsException internal(Door door, String requestId) {
        String name = switch (door) {
            case TENCENT -> "RequestId";
            case REST -> "requestId";
            case CONSOLE -> "request id";
        };
        return new KmsException(KmsErrorCode.INTERNAL, "Internal error; quote " + name + " " + requestId + " to the operator");
    }
}
