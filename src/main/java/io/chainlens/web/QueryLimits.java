package io.chainlens.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.SourceLocation;

/**
 * Rejects a request over the configured depth, complexity or page size after it is parsed
 * and validated and before any field is fetched, so it never reaches the database. The
 * error names the limit and its configuration property.
 *
 * <p>
 * Introspection is not counted: GraphiQL's own schema query is deeper than any data
 * query, and graphql-java already guards introspection (good-faith introspection, on by
 * default).
 */
@Component
class QueryLimits extends SimplePerformantInstrumentation {

	private final GraphQlLimits limits;

	QueryLimits(GraphQlLimits limits) {
		this.limits = limits;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		Measure measure = measure(QueryTraverser.newQueryTraverser()
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(context.getExecutionInput().getOperationName())
			.coercedVariables(context.getCoercedVariables())
			.build());
		List<GraphQLError> errors = new ArrayList<>(measure.pageErrors());
		if (measure.depth() > limits.maxDepth()) {
			errors.add(error(
					"The query nests " + measure.depth() + " levels deep; the limit is " + limits.maxDepth()
							+ " (chainlens.graphql.max-depth). Ask for fewer nested levels or split the query.",
					"chainlens.graphql.max-depth", limits.maxDepth(), measure.depth(), null));
		}
		if (measure.complexity() > limits.maxComplexity()) {
			errors.add(error(
					"The query selects " + measure.complexity() + " fields; the limit is " + limits.maxComplexity()
							+ " (chainlens.graphql.max-complexity). Split it into smaller queries.",
					"chainlens.graphql.max-complexity", limits.maxComplexity(), measure.complexity(), null));
		}
		if (!errors.isEmpty()) {
			throw new AbortExecutionException(errors);
		}
		return SimpleInstrumentationContext.noOp();
	}

	private record Measure(int depth, int complexity, List<GraphQLError> pageErrors) {
	}

	private Measure measure(QueryTraverser traverser) {
		int[] depth = { 0 };
		int[] complexity = { 0 };
		List<GraphQLError> pageErrors = new ArrayList<>();
		traverser.visitPreOrder(new QueryVisitorStub() {
			@Override
			public void visitField(QueryVisitorFieldEnvironment env) {
				if (introspection(env)) {
					return;
				}
				depth[0] = Math.max(depth[0], level(env));
				complexity[0]++;
				if (env.getFieldDefinition().getArgument("first") != null
						&& env.getArguments().get("first") instanceof Integer first
						&& (first < 1 || first > limits.maxPageSize())) {
					pageErrors.add(error(
							"Argument 'first' of " + env.getFieldDefinition().getName() + " must be between 1 and "
									+ limits.maxPageSize() + " (chainlens.graphql.max-page-size), not " + first,
							"chainlens.graphql.max-page-size", limits.maxPageSize(), first,
							env.getField().getSourceLocation()));
				}
			}
		});
		return new Measure(depth[0], complexity[0], pageErrors);
	}

	private static boolean introspection(QueryVisitorFieldEnvironment env) {
		for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
			if (e.getFieldDefinition().getName().startsWith("__")) {
				return true;
			}
		}
		return false;
	}

	private static int level(QueryVisitorFieldEnvironment env) {
		int level = 0;
		for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
			level++;
		}
		return level;
	}

	private static GraphQLError error(String message, String limit, int max, int actual, SourceLocation location) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("limit", limit);
		extensions.put("max", max);
		extensions.put("actual", actual);
		GraphQLError.Builder<?> error = GraphQLError.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message(message)
			.extensions(extensions);
		if (location != null) {
			error.location(location);
		}
		return error.build();
	}

}
