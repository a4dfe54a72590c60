package dev.msakit.platform.client;

import com.netflix.hystrix.exception.HystrixBadRequestException;

/**
 * A downstream service answered 4xx: the caller's request was wrong (unknown product, not enough stock), not the
 * downstream service. Extending {@link HystrixBadRequestException} keeps such answers from tripping the circuit
 * breaker or running the fallback; the problem handler passes status and detail on to the client.
 */
public class DownstreamProblemException extends HystrixBadRequestException {

    private final int status;

    public DownstreamProblemException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int getStatus() {
        return status;
    }
}
