package io.chainlens.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on what one GraphQL request may ask for (configuration
 * {@code chainlens.graphql}). The transaction timeout, the last bound, is Spring's
 * {@code spring.transaction.default-timeout}.
 *
 * @param maxDepth how deeply fields may nest (a root field is level 1)
 * @param maxComplexity how many fields one request may select, counted over the document
 * (every nested list is read with one query per level, so fields, not items, drive the
 * cost)
 * @param maxPageSize the largest {@code first} of any field
 */
@ConfigurationProperties("chainlens.graphql")
public record GraphQlLimits(@DefaultValue("10") int maxDepth, @DefaultValue("300") int maxComplexity,
		@DefaultValue("100") int maxPageSize) {

	public GraphQlLimits {
		if (maxDepth < 1 || maxComplexity < 1 || maxPageSize < 1) {
			throw new IllegalArgumentException(
					"chainlens.graphql.max-depth, max-complexity and max-page-size must be at least 1");
		}
	}

	/** Checks a page size against the one configured maximum. */
	public int checkFirst(int first) {
		return BadArgument.checkFirst(first, maxPageSize);
	}

}
