package dev.msakit.platform.messaging;

import dev.msakit.platform.problem.DatabaseUnavailable;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells an outage (database or broker away, a lock conflict) from a message that cannot be handled. An outage is
 * retried for as long as it lasts and never dead-letters a good message; anything else is retried a few times and
 * then dead-lettered.
 */
final class ConsumerFailures {

    private ConsumerFailures() {
    }

    static boolean isOutage(Throwable failure) {
        if (DatabaseUnavailable.isCause(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException || t instanceof RetriableException
                    || t instanceof DeadLetterPublishFailedException) {
                return true;
            }
        }
        return false;
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
