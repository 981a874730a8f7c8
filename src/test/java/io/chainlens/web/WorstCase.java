package io.chainlens.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Walks the schema's list fields for the most expensive request the limits allow: the
 * chain of nested fields, from a root field down to a scalar, whose lists multiply to the
 * most items within {@code max-depth}, cut to the deepest level whose cost stays within
 * {@code max-cost}, then repeated under aliases up to {@code max-cost}. One alias more is
 * over the cost. Root fields that need an id get one of the seed graph.
 */
final class WorstCase {

	/** The argument values of root fields that need one. */
	private static final Map<String, String> IDS = Map.of("chain.id", "pv", "product.id", "pv-polysilicon",
			"company.id", "tongwei", "impact.companyId", "tongwei", "balance.chainId", "pv", "candidates.productId",
			"pv-polysilicon", "changes.chainId", "pv", "searchCompanies.text", "稀土");

	/**
	 * The worst case.
	 *
	 * @param path the fields from the root down, each with its arguments
	 * @param aliases how many times the path is asked, under aliases
	 * @param cost the estimated cost of the allowed document
	 */
	record Found(String path, int aliases, long cost, String allowed, String overLimit) {
	}

	private final GraphQLSchema schema;

	private final GraphQlLimits limits;

	private final QueryLimits queryLimits;

	WorstCase(GraphQLSchema schema, GraphQlLimits limits) {
		this.schema = schema;
		this.limits = limits;
		this.queryLimits = new QueryLimits(limits);
	}

	Found find() {
		// a beam search over the chains of fields: each level keeps the partial chains
		// whose items multiply most while a scalar below them still fits the cost
		List<Partial> level = List.of(new Partial(List.of(), schema.getQueryType(), 1, 0));
		Partial worst = null;
		for (int depth = 1; depth <= limits.maxDepth(); depth++) {
			List<Partial> next = new ArrayList<>();
			for (Partial partial : level) {
				for (GraphQLFieldDefinition field : partial.type().getFieldDefinitions()) {
					String call = call(field, partial.fields().isEmpty());
					if (call == null) {
						continue;
					}
					long items = items(partial.type(), field);
					List<String> fields = new ArrayList<>(partial.fields());
					fields.add(call);
					long cost = partial.cost() + partial.instances();
					GraphQLType target = GraphQLTypeUtil.unwrapAll(field.getType());
					if (target instanceof GraphQLObjectType object) {
						Partial deeper = new Partial(fields, object, multiply(partial.instances(), items), cost);
						if (deeper.cost() + deeper.instances() <= limits.maxCost()) {
							next.add(deeper);
						}
					}
					else {
						long total = partial.cost() + multiply(partial.instances(),
								GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(field.getType())) ? 1 + items : 1);
						Partial leaf = new Partial(fields, null, 0, total);
						if (total <= limits.maxCost() && fits(leaf) && (worst == null || total > worst.cost()
								|| (total == worst.cost() && nest(fields).compareTo(nest(worst.fields())) < 0))) {
							worst = leaf;
						}
					}
				}
			}
			next.sort(Comparator.comparingLong(Partial::instances)
				.reversed()
				.thenComparing(partial -> nest(partial.fields())));
			level = next.subList(0, Math.min(BEAM, next.size()));
		}
		if (worst == null) {
			throw new IllegalStateException("No chain of fields fits the limits");
		}
		String path = nest(worst.fields());
		int aliases = (int) (limits.maxCost() / worst.cost());
		return new Found(path, aliases, cost(document(path, aliases)), document(path, aliases),
				document(path, aliases + 1));
	}

	private static final int BEAM = 300;

	private record Partial(List<String> fields, GraphQLObjectType type, long instances, long cost) {
	}

	/**
	 * One alias more than the cost allows is still within max-complexity (so the cost
	 * refuses it).
	 */
	private boolean fits(Partial leaf) {
		long aliases = limits.maxCost() / leaf.cost();
		return (aliases + 1) * leaf.fields().size() <= limits.maxComplexity();
	}

	private long cost(String document) {
		return queryLimits.measure(schema, Parser.parse(document), null, Map.of()).cost();
	}

	private long items(GraphQLObjectType type, GraphQLFieldDefinition field) {
		if (!GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(field.getType()))) {
			return 1;
		}
		if (field.getArgument("first") != null) {
			return limits.maxPageSize();
		}
		return ListBounds.bound(type, field);
	}

	/**
	 * The field as asked: with a page of the largest size and the ids it needs; null when
	 * none is known.
	 */
	private String call(GraphQLFieldDefinition field, boolean root) {
		if (field.getName().startsWith("__")) {
			return null;
		}
		List<String> arguments = new ArrayList<>();
		if (field.getArgument("first") != null) {
			arguments.add("first: " + limits.maxPageSize());
		}
		for (var argument : field.getArguments()) {
			if (GraphQLTypeUtil.isNonNull(argument.getType())) {
				String id = root ? IDS.get(field.getName() + "." + argument.getName()) : null;
				if (id == null) {
					return null;
				}
				arguments.add(argument.getName() + ": \"" + id + "\"");
			}
		}
		return arguments.isEmpty() ? field.getName() : field.getName() + "(" + String.join(", ", arguments) + ")";
	}

	private static String nest(List<String> fields) {
		StringBuilder path = new StringBuilder();
		for (int i = 0; i < fields.size(); i++) {
			path.append(fields.get(i));
			if (i < fields.size() - 1) {
				path.append(" { ");
			}
		}
		path.append(" }".repeat(fields.size() - 1));
		return path.toString();
	}

	private static String document(String path, int aliases) {
		return IntStream.rangeClosed(1, aliases)
			.mapToObj(i -> "  a" + i + ": " + path)
			.collect(Collectors.joining("\n", "{\n", "\n}\n"));
	}

	private static long multiply(long a, long b) {
		return (a != 0 && b > Long.MAX_VALUE / a) ? Long.MAX_VALUE : a * b;
	}

}
