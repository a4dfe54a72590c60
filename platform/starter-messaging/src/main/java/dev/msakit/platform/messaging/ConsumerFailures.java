package dev.msakit.platform.messaging;

import dev.msakit.platform.domain.DomainException;
import dev.msakit.platform.problem.ApiException;
import dev.msakit.platform.problem.DatabaseUnavailable;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import javax.validation.ConstraintViolationException;
import java.sql.SQLException;

/**
 * Sorts what a handler threw into three kinds, each handled its own way:
 * <ul>
 *   <li><b>outage</b>: the service's database (or, for a dead letter, the broker) is away. Nothing is wrong with the
 *   message: it is never dead-lettered, the consumers pause until the database answers again, and the record is
 *   delivered again.</li>
 *   <li><b>permanent</b>: the message can never be handled as it is (unreadable, invalid, an unknown type, a
 *   business rule or constraint that refuses it). Dead-lettered at once: retrying only blocks its partition.</li>
 *   <li><b>transient</b>: anything else, a lock conflict or deadlock included. Retried a few times with a growing
 *   pause, then dead-lettered.</li>
 * </ul>
 */
final class ConsumerFailures {

    private ConsumerFailures() {
    }

    /** The database is away (not a lock conflict: that is transient and bounded). */
    static boolean isDatabaseOutage(Throwable failure) {
        if (DatabaseUnavailable.isCause(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }

    /** An outage of the database or of the broker (a dead letter that could not be published). */
    static boolean isOutage(Throwable failure) {
        if (isDatabaseOutage(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof RetriableException || t instanceof DeadLetterPublishFailedException) {
                return true;
            }
        }
        return false;
    }

    static boolean isPermanent(Throwable failure) {
        if (isUniqueViolation(failure) || isInsertedMeanwhile(failure)) {
            return false;
        }
        for (Throwable t = failure; t != null; t = next(t)) {
            // Two handlers inserting the same row at once: the second succeeds (or finds it) when tried again.
            if (t instanceof TransientDataAccessException || t instanceof DuplicateKeyException) {
                return false;
            }
            if (t instanceof PoisonMessageException || t instanceof ConstraintViolationException
                    || t instanceof DataIntegrityViolationException || t instanceof IllegalArgumentException
                    || t instanceof ClassCastException || t instanceof NullPointerException) {
                return true;
            }
            if (t instanceof DomainException
                    || t instanceof ApiException && ((ApiException) t).getStatus().is4xxClientError()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Two handlers (or a handler and a request) inserting the same key at once: the loser finds the row when it
     * tries again (PostgreSQL's unique_violation, however the persistence layer wrapped it).
     */
    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SQLException && "23505".equals(((SQLException) t).getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * JPA's way of saying the same (EntityExistsException, however Spring wrapped it): the row came into the session
     * meanwhile. Seen in SyncChaosIT: a legacy order's copy applied while the order's own placement committed. A fresh
     * transaction finds the row.
     */
    private static boolean isInsertedMeanwhile(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if ("javax.persistence.EntityExistsException".equals(t.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }

    /** The broker did not take a dead letter: the message stays unhandled and is tried again later. */
    static final class DeadLetterPublishFailedException extends RuntimeException {
        DeadLetterPublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A message that can never be handled as it is: no id, an unknown type, a payload that does not parse. */
    static final class PoisonMessageException extends RuntimeException {
        PoisonMessageException(String message) {
            super(message);
        }
    }
}
