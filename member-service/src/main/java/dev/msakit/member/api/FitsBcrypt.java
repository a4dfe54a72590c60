package dev.msakit.member.api;

import javax.validation.Constraint;
import javax.validation.ConstraintValidator;
import javax.validation.ConstraintValidatorContext;
import javax.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * At most 72 bytes in UTF-8: BCrypt ignores everything after the 72nd byte, so a longer password (72 characters of
 * "é" are 144 bytes) would be stored as its first half, and any password sharing that half would log in.
 */
@Documented
@Constraint(validatedBy = FitsBcrypt.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface FitsBcrypt {

    int MAX_BYTES = 72;

    String message() default "must be at most 72 bytes in UTF-8 (fewer characters when they are not plain ASCII)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<FitsBcrypt, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
        }
    }
}
