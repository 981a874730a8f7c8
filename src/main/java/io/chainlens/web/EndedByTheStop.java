package io.chainlens.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;

/**
 * From the start of a stop on, a field that fails failed because of the stop: the
 * warm-up, interrupted before the driver closes, or a request cut short. It is answered
 * as such and not logged as a failure of the database, with a stack trace, once per
 * field. Before the other resolvers, and only while stopping.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EndedByTheStop extends DataFetcherExceptionResolverAdapter implements ApplicationListener<ContextClosedEvent> {

	private static final Logger log = LoggerFactory.getLogger(EndedByTheStop.class);

	private volatile boolean stopping;

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		stopping = true;
	}

	boolean stopping() {
		return stopping;
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (!stopping) {
			return null;
		}
		log.debug("Field {} ended by the stop: {}", env.getExecutionStepInfo().getPath(), ex.getMessage());
		return GraphQLError.newError()
			.errorType(ErrorType.INTERNAL_ERROR)
			.message("The server is stopping; ask again once it has started")
			.path(env.getExecutionStepInfo().getPath())
			.location(env.getField().getSourceLocation())
			.build();
	}

}
