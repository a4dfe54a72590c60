package dev.msakit.gateway.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.netflix.zuul.context.RequestContext;
import dev.msakit.platform.tracing.TraceIdResponseFilter;
import dev.msakit.platform.problem.Problem;
import dev.msakit.platform.problem.Problems;
import org.springframework.http.HttpStatus;

/**
 * Answers a request from inside a Zuul filter with a problem+json body instead of routing it.
 */
public class ZuulProblemResponse {

    private final ObjectMapper objectMapper;

    public ZuulProblemResponse(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public void send(RequestContext context, HttpStatus status, String detail) {
        Problem problem = Problems.of(status, detail, context.getRequest().getRequestURI());
        if (problem.getTraceId() == null) {
            // The logging context is not always filled on Zuul's filter path; the trace id header already is.
            String traceId = context.getResponse().getHeader(TraceIdResponseFilter.HEADER);
            problem = new Problem(problem.getType(), problem.getTitle(), problem.getStatus(), problem.getDetail(),
                    problem.getInstance(), problem.getErrors(), traceId);
        }
        context.setSendZuulResponse(false);
        context.setResponseStatusCode(status.value());
        context.getResponse().setContentType(Problem.CONTENT_TYPE);
        try {
            context.setResponseBody(objectMapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
