package dev.msakit.platform.messaging;

import brave.Span;
import brave.Tracer;
import brave.Tracing;
import brave.propagation.TraceContext;
import brave.propagation.TraceContextOrSamplingFlags;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Carries a trace across the broker, so one order's trace reads gateway → order-service → kafka → product-service →
 * kafka → order-service: the outbox stores the context of the transaction that wrote a message, the relay publishes
 * it in a producer span that is that context's child, and a consumer continues it in a consumer span.
 */
public class MessageTracing {

    private static final String REMOTE_SERVICE = "kafka";

    private final Tracing tracing;

    public MessageTracing(Tracing tracing) {
        this.tracing = tracing;
    }

    /** The current trace context as text for the outbox row (b3 headers, "name=value" lines), or null. */
    /** The current trace's id (hex), null outside a trace: what an operator searches Zipkin and the logs for. */
    String currentTraceId() {
        TraceContext context = tracing.currentTraceContext().get();
        return context == null ? null : context.traceIdString();
    }

    String currentContext() {
        TraceContext context = tracing.currentTraceContext().get();
        if (context == null) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        tracing.propagation().injector(Map<String, String>::put).inject(context, headers);
        StringBuilder text = new StringBuilder();
        headers.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return text.toString();
    }

    /** A started producer span, child of the stored context; its own context is injected into the record headers. */
    Span startPublish(String storedContext, String topic, String type, Headers recordHeaders) {
        Map<String, String> stored = parse(storedContext);
        TraceContextOrSamplingFlags parent = tracing.propagation().extractor(Map<String, String>::get).extract(stored);
        Span span = tracer().nextSpan(parent).kind(Span.Kind.PRODUCER).name("publish " + type)
                .remoteServiceName(REMOTE_SERVICE).tag("kafka.topic", topic).start();
        tracing.propagation().injector(MessageTracing::setHeader).inject(span.context(), recordHeaders);
        return span;
    }

    /** A started consumer span continuing the record's trace; put it in scope around the handler. */
    Span startConsume(Headers recordHeaders, String topic, String type) {
        TraceContextOrSamplingFlags parent = tracing.propagation().extractor(MessageTracing::getHeader)
                .extract(recordHeaders);
        return tracer().nextSpan(parent).kind(Span.Kind.CONSUMER).name("handle " + type)
                .remoteServiceName(REMOTE_SERVICE).tag("kafka.topic", topic).start();
    }

    Tracer.SpanInScope inScope(Span span) {
        return tracer().withSpanInScope(span);
    }

    private Tracer tracer() {
        return tracing.tracer();
    }

    private static Map<String, String> parse(String stored) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (stored != null) {
            for (String line : stored.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    headers.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return headers;
    }

    private static void setHeader(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String getHeader(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
