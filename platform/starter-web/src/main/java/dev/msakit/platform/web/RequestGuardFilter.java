package dev.msakit.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.platform.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.filter.OncePerRequestFilter;

import org.springframework.util.unit.DataSize;

import javax.servlet.FilterChain;
import javax.servlet.ReadListener;
import javax.servlet.ServletException;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Ahead of everything else: a request body larger than the limit is refused with 413 before anyone reads or buffers
 * it (the gateway would otherwise copy it whole into memory to be able to retry); a request Spring Security's
 * firewall refuses (encoded slashes, {@code ..;}, a semicolon
 * path parameter) is the client's mistake, answered 400 problem+json with one WARN line instead of a 500 and a
 * stack trace; and conditional headers longer than any real list of entity tags are refused before Spring's ETag
 * parsing sees them (CVE-2024-38809 is reached through a long If-None-Match).
 */
public class RequestGuardFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestGuardFilter.class);
    /** Characters; a list of a dozen quoted strong ETags fits many times over. */
    static final int MAX_CONDITIONAL_HEADER = 1024;
    private static final List<String> CONDITIONAL_HEADERS = List.of(HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MATCH);

    private final ObjectMapper json;
    private final long maxBodyBytes;
    private final long drainBytes;

    /**
     * @param drainBytes how much of a refused body is read and thrown away so that the client, which is still
     *                   sending it, reads the 413 (most HTTP clients report a broken pipe instead of an answer that
     *                   arrives while they write); beyond it the connection is closed.
     */
    public RequestGuardFilter(ObjectMapper json, long maxBodyBytes, long drainBytes) {
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
        this.drainBytes = drainBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String header : CONDITIONAL_HEADERS) {
            String value = request.getHeader(header);
            if (value != null && value.length() > MAX_CONDITIONAL_HEADER) {
                refuse(response, HttpStatus.BAD_REQUEST,
                        header + " is longer than " + MAX_CONDITIONAL_HEADER + " characters");
                return;
            }
        }
        HttpServletRequest checked = request;
        if (request.getContentLengthLong() > maxBodyBytes) {
            if (request.getContentLengthLong() <= drainBytes) {
                drain(request);
            }
            refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, tooLarge());
            return;
        }
        if (request.getContentLengthLong() < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            // A chunked body announces no length: read at most one byte more than the limit to know.
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                drain(request);
                refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, tooLarge());
                return;
            }
            checked = new BufferedBodyRequest(request, body);
        }
        try {
            chain.doFilter(checked, response);
        } catch (RequestRejectedException rejected) {
            if (response.isCommitted()) {
                throw rejected;
            }
            log.warn("Rejected {} {}: {}", request.getMethod(), request.getRequestURI(), rejected.getMessage());
            response.reset();
            refuse(response, HttpStatus.BAD_REQUEST, "The request was rejected: " + rejected.getMessage());
        }
    }

    /** Reads and discards what is left of the body, up to drainBytes: nothing is kept in memory. */
    private void drain(HttpServletRequest request) throws IOException {
        byte[] discard = new byte[8192];
        long left = drainBytes;
        InputStream in = request.getInputStream();
        for (int read; left > 0 && (read = in.read(discard, 0, (int) Math.min(discard.length, left))) > 0; ) {
            left -= read;
        }
    }

    private String tooLarge() {
        return "The request body is larger than " + DataSize.ofBytes(maxBodyBytes).toKilobytes() + " KB";
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        Problems.write(response, json, Problems.of(status, detail, null));
    }

    /** A chunked body, read whole (it is within the limit), offered again to the rest of the chain. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already in memory");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
