package dev.msakit.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.platform.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** A domain's refusal reaches the client as the problem+json it has always been, with the status of its kind. */
class DomainProblemTest {

    private final ProblemExceptionHandler handler = new ProblemExceptionHandler(new ObjectMapper());

    @Test
    void eachKindHasItsStatusAndTheDetailIsTheDomainsOwnWords() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/orders");

        ResponseEntity<Problem> answer = handler.domain(
                DomainException.unprocessable("Product 7 does not exist"), request);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(Problems.PROBLEM_JSON);
        assertThat(answer.getBody().getDetail()).isEqualTo("Product 7 does not exist");
        assertThat(handler.domain(DomainException.notFound("No order with id x"), request).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(handler.domain(DomainException.conflict("changing"), request).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(handler.domain(DomainException.invalid("twice"), request).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(handler.domain(DomainException.notAuthenticated("wrong"), request).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        for (DomainException.Kind kind : EnumSet.allOf(DomainException.Kind.class)) {
            assertThat(ProblemExceptionHandler.statusOf(kind).is4xxClientError()).as(kind.name()).isTrue();
        }
    }
}
