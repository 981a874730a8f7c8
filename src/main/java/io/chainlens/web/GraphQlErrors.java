package io.chainlens.web;

import java.util.Map;

import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import io.chainlens.security.NotAuthenticated;
import io.chainlens.security.NotPermitted;

/**
 * Maps domain exceptions to GraphQL errors with a classification and a message that says
 * what to fix.
 */
@ControllerAdvice
class GraphQlErrors {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

	private final EndedByTheStop stop;

	GraphQlErrors(EndedByTheStop stop) {
		this.stop = stop;
	}

	@GraphQlExceptionHandler
	GraphQLError badArgument(BadArgument ex, DataFetchingEnvironment env) {
		return error(ErrorType.BAD_REQUEST, ex, env);
	}

	@GraphQlExceptionHandler
	GraphQLError notFound(NotFound ex, DataFetchingEnvironment env) {
		return error(ErrorType.NOT_FOUND, ex, env);
	}

	@GraphQlExceptionHandler
	GraphQLError notAuthenticated(NotAuthenticated ex, DataFetchingEnvironment env) {
		return error(ErrorType.UNAUTHORIZED, ex, env);
	}

	@GraphQlExceptionHandler
	GraphQLError notPermitted(NotPermitted ex, DataFetchingEnvironment env) {
		return error(ErrorType.FORBIDDEN, ex, env);
	}

	@GraphQlExceptionHandler
	GraphQLError notAvailable(NotAvailableYet ex, DataFetchingEnvironment env) {
		return GraphQLError.newError()
			.errorType(ErrorType.INTERNAL_ERROR)
			.message(ex.getMessage())
			.path(env.getExecutionStepInfo().getPath())
			.location(env.getField().getSourceLocation())
			.extensions(Map.of("code", "NOT_AVAILABLE"))
			.build();
	}

	/**
	 * A field the time budget or the response cap stopped ({@link RequestBudget}): the
	 * request's answer is then the one error naming the limit, which replaces what the
	 * fields answered, so a field cut short is no fault to log with a stack trace (eight
	 * stopped requests logged some 1,600 lines).
	 */
	@GraphQlExceptionHandler
	GraphQLError stopped(AbortExecutionException ex, DataFetchingEnvironment env) {
		log.debug("Field {} stopped: {}", env.getExecutionStepInfo().getPath(), ex.getMessage());
		return GraphQLError.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message("The request was stopped by a limit (chainlens.graphql.time-budget or max-response-values)")
			.path(env.getExecutionStepInfo().getPath())
			.location(env.getField().getSourceLocation())
			.build();
	}

	/**
	 * A request the database ended because its transaction ran past
	 * {@code spring.transaction.default-timeout}: said as a limit, like the others.
	 */
	@GraphQlExceptionHandler
	GraphQLError dataAccess(DataAccessException ex, DataFetchingEnvironment env) {
		if (!isTimeout(ex)) {
			if (stop.stopping()) {
				// a field the stop cut short (the warm-up's): no failure of the database
				return stop.resolveToSingleError(ex, env);
			}
			// the database's own words may quote the query; they stay in the log
			log.warn("Request failed in the database", ex);
			return GraphQLError.newError()
				.errorType(ErrorType.INTERNAL_ERROR)
				.message("The database could not answer this request; the server log has the details")
				.path(env.getExecutionStepInfo().getPath())
				.location(env.getField().getSourceLocation())
				.build();
		}
		return GraphQLError.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message("The request ran longer than the transaction timeout (spring.transaction.default-timeout); "
					+ "ask for less, e.g. fewer chains or a smaller page")
			.path(env.getExecutionStepInfo().getPath())
			.location(env.getField().getSourceLocation())
			.extensions(Map.of("limit", "spring.transaction.default-timeout"))
			.build();
	}

	/** True when the database ended a transaction for running past its timeout. */
	static boolean isTimeout(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof Neo4jException neo4j && neo4j.code() != null
					&& neo4j.code().contains("TransactionTimedOut")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A fault of the server, or an argument Spring could not bind: its message may name
	 * Java classes, methods and values (a method signature, an object's toString), which
	 * stay in the log. The client learns which field failed.
	 */
	@GraphQlExceptionHandler
	GraphQLError illegalState(IllegalStateException ex, DataFetchingEnvironment env) {
		if (stop.stopping()) {
			return stop.resolveToSingleError(ex, env);
		}
		log.warn("Request failed at {}", env.getExecutionStepInfo().getPath(), ex);
		return GraphQLError.newError()
			.errorType(ErrorType.INTERNAL_ERROR)
			.message("The server could not answer '" + env.getField().getName() + "'; the server log has the details")
			.path(env.getExecutionStepInfo().getPath())
			.location(env.getField().getSourceLocation())
			.build();
	}

	static GraphQLError error(ErrorType type, Exception ex, DataFetchingEnvironment env) {
		return GraphQLError.newError()
			.errorType(type)
			.message(ex.getMessage())
			.path(env.getExecutionStepInfo().getPath())
			.location(env.getField().getSourceLocation())
			.build();
	}

}
