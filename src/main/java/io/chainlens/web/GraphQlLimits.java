package io.chainlens.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on what one GraphQL request may ask for (configuration
 * {@code chainlens.graphql}). The transaction timeout, the last bound, is Spring's
 * {@code spring.transaction.default-timeout}.
 *
 * @param maxDepth how deeply fields may nest (a root field is level 1)
 * @param maxComplexity how many fields one request may select, counted over the document
 * @param maxPageSize the largest {@code first} of any field
 * @param maxCost how many values the answer may hold, estimated before anything is
 * fetched: each list field counts its items at its page size or at its bound of
 * {@link ListBounds}, aliases add up
 * @param maxResponseValues how many values the answer may hold, counted while it is
 * answered: the cap on the response's size whatever the graph holds
 * @param timeBudget how long one request may work: then it stops, and so does its
 * database transaction
 */
@ConfigurationProperties("chainlens.graphql")
public record GraphQlLimits(@DefaultValue("10") int maxDepth, @DefaultValue("300") int maxComplexity,
		@DefaultValue("100") int maxPageSize, @DefaultValue("5000000") long maxCost,
		@DefaultValue("100000") long maxResponseValues, @DefaultValue("20s") Duration timeBudget) {

	public GraphQlLimits {
		if (maxDepth < 1 || maxComplexity < 1 || maxPageSize < 1 || maxCost < 1 || maxResponseValues < 1) {
			throw new IllegalArgumentException("chainlens.graphql.max-depth, max-complexity, max-page-size, max-cost "
					+ "and max-response-values must be at least 1");
		}
		if (timeBudget.isNegative() || timeBudget.isZero()) {
			throw new IllegalArgumentException("chainlens.graphql.time-budget must be positive, not " + timeBudget);
		}
	}

	/** Checks a page size against the one configured maximum. */
	public int checkFirst(int first) {
		return BadArgument.checkFirst(first, maxPageSize);
	}

}
