package dev.msakit.platform.validation;

import org.springframework.util.function.SingletonSupplier;

import javax.validation.ConstraintViolation;
import javax.validation.Validator;
import javax.validation.executable.ExecutableValidator;
import javax.validation.metadata.BeanDescriptor;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The validator bean, looked up on first use and then kept: a bean post-processor must not create it early, and
 * looking it up on every call is what Boot's lazy proxy does.
 */
final class ValidatorResolvedOnce implements Validator {

    private final SingletonSupplier<Validator> target;

    ValidatorResolvedOnce(Supplier<Validator> lookup) {
        this.target = SingletonSupplier.of(lookup);
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validate(T object, Class<?>... groups) {
        return target.obtain().validate(object, groups);
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validateProperty(T object, String propertyName, Class<?>... groups) {
        return target.obtain().validateProperty(object, propertyName, groups);
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validateValue(Class<T> beanType, String propertyName, Object value,
                                                         Class<?>... groups) {
        return target.obtain().validateValue(beanType, propertyName, value, groups);
    }

    @Override
    public BeanDescriptor getConstraintsForClass(Class<?> clazz) {
        return target.obtain().getConstraintsForClass(clazz);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return target.obtain().unwrap(type);
    }

    @Override
    public ExecutableValidator forExecutables() {
        return target.obtain().forExecutables();
    }
}
