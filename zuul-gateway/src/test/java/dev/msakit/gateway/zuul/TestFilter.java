package dev.msakit.gateway.zuul;

import com.netflix.zuul.ZuulFilter;
import com.netflix.zuul.exception.ZuulException;

/** A Zuul filter for the processor tests: of a given type, applying or not, failing or answering, counting its runs. */
final class TestFilter extends ZuulFilter {

    private final String type;
    private final boolean applies;
    private final Throwable failure;
    private final Object result;
    int runs;

    TestFilter(String type, boolean applies, Throwable failure, Object result) {
        this.type = type;
        this.applies = applies;
        this.failure = failure;
        this.result = result;
    }

    @Override
    public String filterType() {
        return type;
    }

    @Override
    public int filterOrder() {
        return 0;
    }

    @Override
    public boolean shouldFilter() {
        return applies;
    }

    @Override
    public Object run() throws ZuulException {
        runs++;
        if (failure instanceof ZuulException) {
            throw (ZuulException) failure;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
        return result;
    }
}
