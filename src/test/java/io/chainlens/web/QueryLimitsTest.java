package io.chainlens.web;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.QueryCounter;
import io.chainlens.SessionRecorder;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request over a limit is refused before it reaches the database (not one query runs),
 * with an error that names the limit; a request within the limits runs.
 */
@ChainlensTest
class QueryLimitsTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@Autowired
	QueryCounter queries;

	@Autowired
	ParsedDocuments parsedDocuments;

	@Autowired
	GraphQlSource graphQlSource;

	@Autowired
	GraphQlLimits limits;

	@Autowired
	SessionRecorder sessions;

	@BeforeEach
	void seedGraph() {
		graph.seed();
	}

	private int refusedNaming(String limit, GraphQlTester.Request<?> request) {
		return queries.countDuring(() -> request.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getMessage()).contains(limit);
				assertThat(error.getExtensions()).containsEntry("limit", limit);
			})));
	}

	@Test
	void aQueryNestedDeeperThanMaxDepthIsRefusedBeforeAnyDatabaseQuery() {
		assertThat(refusedNaming("chainlens.graphql.max-depth", graphQl.documentName("tooDeep"))).isZero();
	}

	@Test
	void aDocumentSentAgainIsRefusedAgainThoughItIsKeptParsed() {
		// the parsed document of a valid, over-limit query is kept for its next use; the
		// limits are checked at every execution, not at parse time
		assertThat(refusedNaming("chainlens.graphql.max-depth", graphQl.documentName("tooDeep"))).isZero();
		assertThat(refusedNaming("chainlens.graphql.max-depth", graphQl.documentName("tooDeep"))).isZero();
		assertThat(parsedDocuments.size()).isPositive();
	}

	@Test
	void aQueryAtMaxDepthRuns() {
		graphQl.documentName("deepestAllowed")
			.execute()
			.path("company.productions[0].site.company.sites[0].productions[0].product.segments[0].chain.id")
			.hasValue();
	}

	@Test
	void introspectionIsNotCountedSoGraphiQlCanReadTheSchema() {
		graphQl.documentName("deepIntrospection").execute().path("__schema.types").hasValue();
	}

	@Test
	void aQuerySelectingMoreFieldsThanMaxComplexityIsRefusedBeforeAnyDatabaseQuery() {
		// 151 aliases of two fields each: 302 fields, over the limit of 300
		String document = IntStream.rangeClosed(1, 151)
			.mapToObj(i -> "c" + i + ": chain(id: \"pv\") { id }")
			.collect(Collectors.joining(" ", "{ ", " }"));

		assertThat(refusedNaming("chainlens.graphql.max-complexity", graphQl.document(document))).isZero();
	}

	@Test
	void aPageLargerThanMaxPageSizeIsRefusedBeforeAnyDatabaseQuery() {
		assertThat(refusedNaming("chainlens.graphql.max-page-size",
				graphQl.documentName("searchCompanies").variable("text", "通威").variable("first", 101)))
			.isZero();
		assertThat(refusedNaming("chainlens.graphql.max-page-size",
				graphQl.documentName("changes").variable("chainId", "pv").variable("first", 0)))
			.isZero();
	}

	@Test
	void theIssuesThirtyAliasesOfADepthTenNestingOfListsAreRefusedBeforeAnyDatabaseQuery() {
		// 300 fields, 10 deep: within max-depth and max-complexity, but millions of
		// values
		assertThat(refusedNaming("chainlens.graphql.max-cost", graphQl.documentName("thirtyAliasAttack"))).isZero();
	}

	@Test
	void theMostExpensiveRequestTheLimitsAllowAnswersWithinTheResponseCap() {
		WorstCase.Found worst = new WorstCase(graphQlSource.schema(), limits).find();

		graphQl.document(worst.allowed()).execute().path("a1").hasValue();
	}

	@Test
	void oneAliasMoreThanTheMostExpensiveAllowedRequestIsRefusedBeforeAnyDatabaseQuery() {
		WorstCase.Found worst = new WorstCase(graphQlSource.schema(), limits).find();

		assertThat(refusedNaming("chainlens.graphql.max-cost", graphQl.document(worst.overLimit()))).isZero();
	}

	@Test
	void theTransactionsOfARequestEndWithItsTimeBudget() {
		// the batch loads of the nested lists run in transactions of their own
		List<Duration> timeouts = sessions.transactionTimeoutsDuring(
				() -> graphQl.documentName("company").variable("id", "tongwei").execute().path("company").hasValue());

		assertThat(timeouts).isNotEmpty()
			.allSatisfy(timeout -> assertThat(timeout).isNotNull().isLessThanOrEqualTo(limits.timeBudget()));
	}

	@Test
	void aPageOfMaxPageSizeRuns() {
		graphQl.documentName("searchCompanies")
			.variable("text", "稀土")
			.variable("first", 100)
			.execute()
			.path("searchCompanies")
			.hasValue();
	}

}
