package dev.msakit.gateway.admin;

import javax.validation.ConstraintViolation;
import javax.validation.ConstraintViolationException;
import javax.validation.Validator;
import java.util.Set;

/**
 * Bean Validation of an admin request's body after the caller is known to be an admin: with {@code @Valid} on the
 * parameter Spring validates before the method runs, so a stranger would learn what a valid body looks like (400)
 * instead of being told to authenticate (401). Violations become the usual 400 problem.
 */
public class BodyValidation {

    private final Validator validator;

    public BodyValidation(Validator validator) {
        this.validator = validator;
    }

    public <T> T valid(T body) {
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
