package dev.msakit.platform.resourceserver;

import org.springframework.web.filter.ShallowEtagHeaderFilter;

import javax.servlet.http.HttpServletRequest;

/**
 * Buffers each API response and sends it in one write with Content-Length (and an ETag, so clients can revalidate
 * with If-None-Match). Measured reason: a streamed (chunked) answer lets an instance killed between its first chunk
 * and the last one hand the gateway a truncated body, after the point where the gateway can still retry elsewhere.
 * Actuator endpoints are left alone: some of them stream. So is HEAD: the servlet container already discards the
 * body and sets the Content-Length GET would have; buffered here, it would see no body and send 0.
 *
 * <p>The ETag is weak (W/"..."): it says "the same JSON", not "the same bytes", which is what lets the gateway's
 * Tomcat gzip a catalog page for clients that ask (it never compresses an answer with a strong ETag, whose bytes
 * would no longer match it); If-None-Match compares weakly, so revalidation keeps answering 304. An ETag the
 * controller set itself (a version for If-Match) is kept as it is.
 */
public class CompleteResponseFilter extends ShallowEtagHeaderFilter {

    public CompleteResponseFilter() {
        setWriteWeakETag(true);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "HEAD".equals(request.getMethod()) || path.startsWith("/actuator") || path.endsWith(".stream");
    }
}
