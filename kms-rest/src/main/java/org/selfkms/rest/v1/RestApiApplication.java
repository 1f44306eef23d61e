package org.selfkms.rest.v1;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.selfkms.rest.http.UnreadableRequestRefusal;

import java.util.Map;
import java.util.Set;

/**
 * The resource-style API at {@code /api/v1} (docs/rest-api.md, docs/openapi.yaml), beside the Tencent door at
 * "/" in the same WAR: the servlet mapping {@code /api/v1/*} is longer than "/*", so these paths never reach the
 * Tencent door. JSON through Jakarta JSON-P, as the Tencent door.
 */
@ApplicationPath("/api/v1")
public class RestApiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(TokenResource.class, KeyResource.class, DataResource.class, OpenApiResource.class,
                KeyLifecycleResource.class, KeyTagResource.class, KeyBindingResource.class, KeyPolicyResource.class,
                KeyPairResource.class, KeyImportResource.class, DataKeyResource.class,
                AuditResource.class, UserResource.class, CredentialResource.class, TenantResource.class,
                VersionResource.class, V1FallbackExceptionMapper.class, UnreadableRequestRefusal.class);
    }

    /**
     * Location headers stay as the resources write them: paths relative to the server, right behind any proxy
     * (docs/rest-api.md). RESTEasy (WildFly) leaves them so; Jersey (Payara) would make them absolute from the
     * request's Host unless told not to by this property, which other implementations ignore.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
