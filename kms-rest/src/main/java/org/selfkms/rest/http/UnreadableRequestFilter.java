package org.selfkms.rest.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * In front of both doors, before RESTEasy reads any header:
 * <ul>
 *   <li>a request whose path, query string, Content-Type, Accept or Accept-Language cannot be read
 *       ({@link RequestGrammar}) goes on without those headers, with its door's root as its path and no query, and
 *       with the reason as a request attribute;
 *       {@link UnreadableRequestRefusal} then refuses it before any resource is chosen, and each door's fallback
 *       mapper answers it in that door's format and through the request gate (audited) like every other
 *       refusal;</li>
 *   <li>cookies are not parsed: neither door uses one, and RESTEasy parses them all up front, so that a malformed one
 *       (a {@code $Version} that is not a number) would end the request in an HTML error page and a stack trace.
 *       (The session look-up that would parse them even earlier is off: web.xml tracks sessions by URL only.)</li>
 * </ul>
 * Requests with none of this are passed on as they are, unwrapped.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class UnreadableRequestFilter extends HttpFilter {

    static final String REASON = UnreadableRequestFilter.class.getName() + ".reason";
    private static final List<String> CHECKED = List.of("content-type", "accept", "accept-language");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> urlProblem = RequestGrammar.pathProblem(request.getRequestURI())
                .or(() -> RequestGrammar.queryProblem(request.getQueryString()));
        Optional<String> problem = urlProblem
                .or(() -> RequestGrammar.contentTypeProblem(request.getHeader("Content-Type")))
                .or(() -> RequestGrammar.acceptProblem(all(request, "Accept")))
                .or(() -> RequestGrammar.acceptLanguageProblem(all(request, "Accept-Language")));
        if (problem.isPresent()) {
            request.setAttribute(REASON, problem.get());
            chain.doFilter(new Without(request, CHECKED, urlProblem.isPresent()), response);
        } else if (request.getHeader("Cookie") != null) {
            chain.doFilter(new Without(request, List.of(), false), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static String all(HttpServletRequest request, String header) {
        return String.join(",", Collections.list(request.getHeaders(header)));
    }

    /** The request without its parsed cookies (the Cookie header stays, unread) and without the named headers. */
    private static final class Without extends HttpServletRequestWrapper {

        private final List<String> dropped;
        private final boolean urlUnreadable;

        Without(HttpServletRequest request, List<String> dropped, boolean urlUnreadable) {
            super(request);
            this.dropped = dropped;
            this.urlUnreadable = urlUnreadable;
        }

        private boolean dropped(String name) {
            return dropped.contains(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String getHeader(String name) {
            return dropped(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return dropped(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream().filter(name -> !dropped(name)).toList());
        }

        /**
         * A path or query that cannot be decoded is replaced by its door's root and no query: it is refused before any
         * resource is chosen.
         */
        @Override
        public String getRequestURI() {
            return urlUnreadable ? getContextPath() + getServletPath() + "/-" : super.getRequestURI();
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = super.getRequestURL();
            int at = url.lastIndexOf(super.getRequestURI());
            return at < 0 || !urlUnreadable ? url : url.replace(at, url.length(), getRequestURI());
        }

        @Override
        public String getQueryString() {
            return urlUnreadable ? null : super.getQueryString();
        }

        @Override
        public String getParameter(String name) {
            return urlUnreadable ? null : super.getParameter(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return urlUnreadable ? Map.of() : super.getParameterMap();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return urlUnreadable ? Collections.emptyEnumeration() : super.getParameterNames();
        }

        @Override
        public String[] getParameterValues(String name) {
            return urlUnreadable ? null : super.getParameterValues(name);
        }

        @Override
        public Cookie[] getCookies() {
            return null;
        }

        @Override
        public String getContentType() {
            return dropped("content-type") ? null : super.getContentType();
        }
    }
}
