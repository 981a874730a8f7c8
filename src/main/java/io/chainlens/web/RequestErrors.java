package io.chainlens.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import graphql.GraphQLError;
import reactor.core.publisher.Mono;

/**
 * Gives a request that does not fit the schema (a wrong type, NaN or Infinity where a
 * Float goes, a missing field, bad syntax) the classification BAD_REQUEST, like every
 * other refusal of what a client sent, so that clients handle one set of classifications:
 * BAD_REQUEST, NOT_FOUND, UNAUTHORIZED, FORBIDDEN. graphql-java's own kind stays in the
 * extension {@code validation}. A value the server cannot write (graphql-java's
 * {@code DataFetchingException}: a serialization error, e.g. an infinite Float) or a
 * non-null field it answered null is a fault of the server: INTERNAL_ERROR, with the
 * field's path but not graphql-java's words, which name Java types; those are logged.
 */
@Component
class RequestErrors implements WebGraphQlInterceptor {

	private static final Logger log = LoggerFactory.getLogger(RequestErrors.class);

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map(response -> {
			List<GraphQLError> errors = response.getExecutionResult().getErrors();
			if (errors.stream().noneMatch(error -> isRequestError(error) || isServerFault(error))) {
				return response;
			}
			return response.transform(builder -> builder.errors(errors.stream().map(RequestErrors::classify).toList()));
		});
	}

	private static boolean isRequestError(GraphQLError error) {
		return error.getErrorType() == graphql.ErrorType.ValidationError
				|| error.getErrorType() == graphql.ErrorType.InvalidSyntax;
	}

	private static boolean isServerFault(GraphQLError error) {
		return error.getErrorType() == graphql.ErrorType.DataFetchingException
				|| error.getErrorType() == graphql.ErrorType.NullValueInNonNullableField;
	}

	private static GraphQLError classify(GraphQLError error) {
		if (isServerFault(error)) {
			log.warn("The answer could not be written: {}", error.getMessage());
			GraphQLError.Builder<?> builder = GraphQLError.newError()
				.errorType(ErrorType.INTERNAL_ERROR)
				.message("The server could not write the value at " + path(error)
						+ " (e.g. a number out of range); the server log has the details");
			if (error.getLocations() != null) {
				builder.locations(error.getLocations());
			}
			if (error.getPath() != null) {
				builder.path(error.getPath());
			}
			return builder.build();
		}
		if (!isRequestError(error)) {
			return error;
		}
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (error.getExtensions() != null) {
			extensions.putAll(error.getExtensions());
		}
		extensions.put("validation", error.getErrorType().toString());
		GraphQLError.Builder<?> builder = GraphQLError.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message(error.getMessage())
			.extensions(extensions);
		if (error.getLocations() != null) {
			builder.locations(error.getLocations());
		}
		if (error.getPath() != null) {
			builder.path(error.getPath());
		}
		return builder.build();
	}

	private static String path(GraphQLError error) {
		return (error.getPath() == null) ? "the answer"
				: "'" + error.getPath().stream().map(String::valueOf).collect(Collectors.joining("/")) + "'";
	}

}
