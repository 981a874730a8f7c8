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
import graphql.language.Document;
import graphql.language.SourceLocation;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Rejects a request over the configured depth, complexity, page size or cost after it is
 * parsed and validated and before any field is fetched, so it never reaches the database.
 * The error names the limit and its configuration property.
 *
 * <p>
 * The cost is the number of values the answer would hold: each field counts once for
 * every object it is asked of, and a list field multiplies what is asked of its items by
 * its page size ({@code first}, or its default) or, where it has none, by its bound in
 * {@link ListBounds}. Aliases add up. Fields, not items, are what a depth-10 nesting of
 * lists keeps small while its answer grows to millions of values.
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
		if (measure.cost() > limits.maxCost()) {
			errors.add(error("The answer to this query could hold about " + measure.cost()
					+ " values (each list counted at its page size or its bound; docs/security.md); the limit is "
					+ limits.maxCost()
					+ " (chainlens.graphql.max-cost). Ask for fewer nested lists, smaller pages (first) or split the query.",
					"chainlens.graphql.max-cost", limits.maxCost(), measure.cost(), null));
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

	record Measure(int depth, int complexity, long cost, List<GraphQLError> pageErrors) {
	}

	/** Measures an operation of a document against the schema, as a request would be. */
	Measure measure(GraphQLSchema schema, Document document, String operationName, Map<String, Object> variables) {
		return measure(QueryTraverser.newQueryTraverser()
			.schema(schema)
			.document(document)
			.operationName(operationName)
			.variables(variables)
			.build());
	}

	private Measure measure(QueryTraverser traverser) {
		int[] depth = { 0 };
		int[] complexity = { 0 };
		long[] cost = { 0 };
		List<GraphQLError> pageErrors = new ArrayList<>();
		traverser.visitPreOrder(new QueryVisitorStub() {
			@Override
			public void visitField(QueryVisitorFieldEnvironment env) {
				if (introspection(env)) {
					return;
				}
				depth[0] = Math.max(depth[0], level(env));
				complexity[0]++;
				cost[0] = saturatedAdd(cost[0], saturatedMultiply(instances(env), ownValues(env)));
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
		return new Measure(depth[0], complexity[0], cost[0], pageErrors);
	}

	/** How many times a field is answered: once for each item of the lists above it. */
	private long instances(QueryVisitorFieldEnvironment env) {
		long instances = 1;
		for (QueryVisitorFieldEnvironment e = env.getParentEnvironment(); e != null; e = e.getParentEnvironment()) {
			instances = saturatedMultiply(instances, items(e));
		}
		return instances;
	}

	/**
	 * The values one answer of a field holds itself: 1, plus the items of a list of
	 * scalars.
	 */
	private long ownValues(QueryVisitorFieldEnvironment env) {
		GraphQLType type = GraphQLTypeUtil.unwrapAll(env.getFieldDefinition().getType());
		return GraphQLTypeUtil.isLeaf(type) && isList(env) ? 1 + items(env) : 1;
	}

	private static boolean isList(QueryVisitorFieldEnvironment env) {
		return GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType()));
	}

	/**
	 * The items a field answers per object it is asked of: 1 for a single value, the page
	 * size for a paged list (an explicit null means the default, as for the data
	 * fetchers), the bound of {@link ListBounds} for another list. A list without a bound
	 * counts as a page of the largest size.
	 */
	private long items(QueryVisitorFieldEnvironment env) {
		if (!isList(env)) {
			return 1;
		}
		GraphQLArgument first = env.getFieldDefinition().getArgument("first");
		if (first != null) {
			Object value = env.getArguments().get("first");
			if (value == null && first.hasSetDefaultValue()) {
				value = GraphQLArgument.getArgumentDefaultValue(first);
			}
			if (value instanceof Number number) {
				return Math.max(0, Math.min(number.longValue(), limits.maxPageSize()));
			}
			return limits.maxPageSize();
		}
		Integer bound = ListBounds.bound(env.getFieldsContainer(), env.getFieldDefinition());
		return (bound != null) ? bound : limits.maxPageSize();
	}

	private static long saturatedMultiply(long a, long b) {
		long product = a * b;
		return (Math.multiplyHigh(a, b) != 0 || product < 0) ? Long.MAX_VALUE : product;
	}

	private static long saturatedAdd(long a, long b) {
		long sum = a + b;
		return (sum < 0) ? Long.MAX_VALUE : sum;
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

	private static GraphQLError error(String message, String limit, long max, long actual, SourceLocation location) {
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
