package org.selfkms.api.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The response headers every answer of the KMS carries, on any application server: no content sniffing, never
 * inside a frame, HTTPS remembered by browsers once they reached it over HTTPS. Registered in the web.xml of both
 * WARs (it lives in the EAR's lib/ beside the doors' other shared classes); the Tencent and REST doors add
 * {@code Cache-Control: no-store} through the init parameter {@value #CACHE_CONTROL}, the console leaves caching of
 * its static resources to Vaadin. docs/security.md, "Response headers".
 */
public class SecurityHeadersFilter implements Filter {

    static final String CACHE_CONTROL = "cache-control";

    private String cacheControl;

    @Override
    public void init(FilterConfig config) {
        cacheControl = config.getInitParameter(CACHE_CONTROL);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("X-Frame-Options", "DENY");
            http.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
            if (request.isSecure()) {
                http.setHeader("Strict-Transport-Security", "max-age=31536000");
            }
            if (cacheControl != null) {
                http.setHeader("Cache-Control", cacheControl);
            }
        }
        chain.doFilter(request, response);
    }
}
