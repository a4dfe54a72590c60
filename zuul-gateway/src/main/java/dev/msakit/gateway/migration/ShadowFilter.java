package dev.msakit.gateway.migration;

import brave.Span;
import brave.Tracer;
import com.netflix.util.Pair;
import com.netflix.zuul.ZuulFilter;
import com.netflix.zuul.context.RequestContext;
import org.springframework.util.StreamUtils;

import javax.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.POST_TYPE;
import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.REQUEST_URI_KEY;
import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.SEND_RESPONSE_FILTER_ORDER;
import static org.springframework.cloud.netflix.zuul.filters.support.FilterConstants.SERVICE_ID_KEY;

/**
 * For a read the switch marked SHADOW that legacy answered (whatever the status): keeps a copy of legacy's status,
 * headers and body (the client still gets them unchanged) and hands the comparison to {@link ShadowReplayer}, which
 * runs after the client is answered.
 */
public class ShadowFilter extends ZuulFilter {

    private final ShadowReplayer replayer;
    private final MigrationCounters counters;
    private final MigrationProperties properties;
    private final Tracer tracer;

    public ShadowFilter(ShadowReplayer replayer, MigrationCounters counters, MigrationProperties properties,
                        Tracer tracer) {
        this.replayer = replayer;
        this.counters = counters;
        this.properties = properties;
        this.tracer = tracer;
    }

    @Override
    public String filterType() {
        return POST_TYPE;
    }

    @Override
    public int filterOrder() {
        return SEND_RESPONSE_FILTER_ORDER - 10;
    }

    @Override
    public boolean shouldFilter() {
        RequestContext context = RequestContext.getCurrentContext();
        return context.get(MigrationRoutingFilter.SHADOW_FEATURE) != null && context.getThrowable() == null;
    }

    @Override
    public Object run() {
        RequestContext context = RequestContext.getCurrentContext();
        String feature = (String) context.get(MigrationRoutingFilter.SHADOW_FEATURE);
        InputStream body = context.getResponseDataStream();
        byte[] copy = new byte[0];
        if (body != null) {
            try {
                copy = StreamUtils.copyToByteArray(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.setResponseDataStream(new ByteArrayInputStream(copy));
        }
        if (copy.length > properties.getShadowMaxBodyBytes()) {
            counters.shadow(feature, "skipped");
            return null;
        }
        if (context.getResponseGZipped() && copy.length > 0) {
            // Passed to the client as it came; compared as JSON.
            try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(copy))) {
                copy = unzipped.readNBytes(properties.getShadowMaxBodyBytes() + 1);
            } catch (IOException e) {
                counters.shadow(feature, "skipped");
                return null;
            }
        }
        Map<String, String> legacyHeaders = new LinkedHashMap<>();
        for (Pair<String, String> header : context.getOriginResponseHeaders()) {
            legacyHeaders.putIfAbsent(header.first(), header.second());
        }
        HttpServletRequest request = context.getRequest();
        String query = request.getQueryString();
        String path = context.get(REQUEST_URI_KEY) + (query == null ? "" : "?" + query);
        // The client's trace (its X-Trace-Id), so a mismatch can be looked up in Zipkin.
        Span span = tracer == null ? null : tracer.currentSpan();
        replayer.replay(new ShadowReplayer.Replay(feature, (String) context.get(SERVICE_ID_KEY),
                (String) context.get(MigrationRoutingFilter.SHADOW_SERVICE), request.getMethod(), path,
                ShadowReplayer.Replay.clientHeaders(request::getHeader),
                span == null ? null : span.context().traceIdString(), context.getResponseStatusCode(),
                legacyHeaders, copy));
        return null;
    }
}
