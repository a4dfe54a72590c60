package dev.msakit.platform.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.ErrorDecoder;

import java.io.IOException;
import java.io.InputStream;

/**
 * Feign error decoder for calls between our services: a 4xx problem answer becomes a
 * {@link DownstreamProblemException} carrying its status and detail; anything else stays a failure that counts
 * against the circuit and runs the fallback.
 */
public class ProblemErrorDecoder implements ErrorDecoder {

    private static final int MAX_BODY_BYTES = 16 * 1024;

    private final ErrorDecoder defaultDecoder = new ErrorDecoder.Default();
    private final ObjectMapper objectMapper;

    public ProblemErrorDecoder(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return new DownstreamProblemException(status, detailOf(response));
        }
        return defaultDecoder.decode(methodKey, response);
    }

    private String detailOf(Response response) {
        if (response.body() == null) {
            return "Downstream request rejected with status " + response.status();
        }
        try (InputStream body = response.body().asInputStream()) {
            JsonNode node = objectMapper.readTree(body.readNBytes(MAX_BODY_BYTES));
            JsonNode detail = node == null ? null : node.get("detail");
            if (detail != null && detail.isTextual()) {
                return detail.asText();
            }
        } catch (IOException | RuntimeException e) {
            // Not a problem body: fall through to a generic message.
        }
        return "Downstream request rejected with status " + response.status();
    }
}
