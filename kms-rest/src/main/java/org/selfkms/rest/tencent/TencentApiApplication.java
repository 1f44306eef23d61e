package org.selfkms.rest.tencent;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.selfkms.rest.http.UnreadableRequestRefusal;

import java.util.Set;

/**
 * The Tencent Cloud KMS compatible door. The official SDK posts every action to "/" of its endpoint, so
 * this WAR is deployed at the server's root context and the application takes the whole of it.
 */
@ApplicationPath("/")
public class TencentApiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(TencentApiResource.class, TencentFallbackExceptionMapper.class, UnreadableRequestRefusal.class,
                ChineseMessages.class);
    }
}
