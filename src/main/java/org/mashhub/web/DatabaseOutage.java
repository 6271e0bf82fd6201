package org.mashhub.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A failure that is the database being out of reach, however deeply wrapped: the API
 * answers it with a 503 and Retry-After, never a 500 (nor a 401 for a valid token). The
 * wait is bounded by the pool's connection timeout
 * ({@code spring.datasource.hikari.connection-timeout}).
 */
final class DatabaseOutage {

	static final String RETRY_AFTER_SECONDS = "10";

	static final String DETAIL = "The database cannot be reached just now, so nothing was done or saved. Try again in"
			+ " a minute.";

	private DatabaseOutage() {
	}

	static boolean in(Throwable thrown) {
		Throwable cause = thrown;
		for (int depth = 0; cause != null && depth < 30; depth++) {
			// CannotGetJdbcConnectionException is one of the first kind
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException) {
				return true;
			}
			// A rollback that failed on the broken connection hides the first failure
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& in(rollback.getApplicationException())) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
				return true;
			}
			cause = (cause.getCause() != cause) ? cause.getCause() : null;
		}
		return false;
	}

}
