package io.chainlens.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.MatchAlwaysTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.micrometer.context.ContextSnapshotFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request is stopped while it runs when its answer grows past
 * {@code max-response-values} or its time budget is spent; the answer is then one
 * BAD_REQUEST error naming the limit, and no further field is fetched.
 */
class RequestBudgetTest {

	private final AtomicInteger itemsFetched = new AtomicInteger();

	private GraphQL graphQl(GraphQlLimits limits, DataFetcher<?> items) {
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
				new SchemaParser().parse("type Query { items: [Item!]! } type Mutation { write: [Item!]! } "
						+ "type Item { n: Int! children: [Item!]! }"),
				RuntimeWiring.newRuntimeWiring()
					.type("Query", type -> type.dataFetcher("items", items))
					.type("Mutation", type -> type.dataFetcher("write", items))
					.type("Item", type -> type.dataFetcher("children", env -> {
						itemsFetched.incrementAndGet();
						return IntStream.range(0, 10).mapToObj(Item::new).toList();
					}))
					.build());
		return GraphQL.newGraphQL(schema).instrumentation(new RequestBudget(limits)).build();
	}

	record Item(int n) {
	}

	private static GraphQlLimits limits(long maxResponseValues, Duration timeBudget) {
		return new GraphQlLimits(10, 300, 100, 5_000_000, maxResponseValues, timeBudget);
	}

	@Test
	void anAnswerGrowingPastMaxResponseValuesIsStoppedWithAnErrorNamingTheLimit() {
		GraphQL graphQl = graphQl(limits(500, Duration.ofMinutes(1)),
				env -> IntStream.range(0, 1000).mapToObj(Item::new).toList());

		ExecutionResult result = graphQl.execute("{ items { n children { n } } }");

		assertThat(result.<Object>getData()).isNull();
		assertThat(result.getErrors()).singleElement().satisfies(error -> {
			assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
			assertThat(error.getMessage()).contains("chainlens.graphql.max-response-values");
			assertThat(error.getExtensions()).containsEntry("limit", "chainlens.graphql.max-response-values");
		});
		// the execution stopped soon after the limit, not after all 1,000 items' children
		assertThat(itemsFetched).hasValueLessThan(1000);
	}

	@Test
	void anAnswerWithinMaxResponseValuesIsAnswered() {
		GraphQL graphQl = graphQl(limits(500, Duration.ofMinutes(1)),
				env -> IntStream.range(0, 10).mapToObj(Item::new).toList());

		ExecutionResult result = graphQl.execute("{ items { n children { n } } }");

		assertThat(result.getErrors()).isEmpty();
		assertThat(result.<Object>getData()).isNotNull();
	}

	@Test
	void aRequestStillWorkingWhenItsTimeBudgetIsSpentIsStoppedAndFetchesNothingMore() {
		// the first level answers only after the budget is spent
		GraphQL graphQl = graphQl(limits(1_000_000, Duration.ofMillis(50)),
				env -> CompletableFuture.supplyAsync(() -> List.of(new Item(1), new Item(2)),
						CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS)));

		ExecutionResult result = graphQl.execute("{ items { n children { n } } }");

		assertThat(result.getErrors()).singleElement().satisfies(error -> {
			assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
			assertThat(error.getMessage()).contains("chainlens.graphql.time-budget");
			assertThat(error.getExtensions()).containsEntry("limit", "chainlens.graphql.time-budget");
		});
		assertThat(itemsFetched).hasValue(0);
	}

	@Test
	void theAppsOwnBackgroundWorkHasNoTimeBudget() {
		// the warm-up: no client waits, and a loaded start may take longer than a request
		GraphQL graphQl = graphQl(limits(1_000_000, Duration.ofMillis(50)),
				env -> CompletableFuture.supplyAsync(() -> List.of(new Item(1), new Item(2)),
						CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS)));

		ExecutionResult result = graphQl.execute(ExecutionInput.newExecutionInput("{ items { n children { n } } }")
			.graphQLContext(java.util.Map.of(RequestBudget.NO_TIME_BUDGET, true)));

		assertThat(result.getErrors()).isEmpty();
		assertThat(itemsFetched).hasValue(2);
	}

	@Test
	void aMutationIsNotStoppedSoThatAWriteThatCommittedIsAnsweredAsSuch() {
		GraphQL graphQl = graphQl(limits(5, Duration.ofMillis(50)),
				env -> CompletableFuture.supplyAsync(() -> List.of(new Item(1), new Item(2)),
						CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS)));

		ExecutionResult result = graphQl.execute("mutation { write { n children { n } } }");

		assertThat(result.getErrors()).isEmpty();
		assertThat(itemsFetched).hasValue(2);
	}

	@Test
	void aTransactionBegunForARequestEndsWithTheRequestsTimeBudget() {
		TransactionInterceptor interceptor = new TransactionInterceptor();
		MatchAlwaysTransactionAttributeSource attributes = new MatchAlwaysTransactionAttributeSource();
		interceptor.setTransactionAttributeSource(attributes);
		new BudgetedTransactions(Duration.ofSeconds(30)).budget(interceptor);
		var budgeted = interceptor.getTransactionAttributeSource();

		// outside a request: the configured timeout
		assertThat(budgeted.getTransactionAttribute(Object.class.getMethods()[0], Object.class).getTimeout())
			.isEqualTo(TransactionDefinition.TIMEOUT_DEFAULT);
		// inside a request (its deadline in the GraphQL context, carried onto the thread
		// as
		// Spring for GraphQL carries context into data fetchers): at most the time left
		long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
		try (var scope = ContextSnapshotFactory.builder()
			.build()
			.captureFrom(GraphQLContext.of(java.util.Map.of(RequestBudget.DEADLINE, deadline)))
			.setThreadLocals()) {
			assertThat(budgeted.getTransactionAttribute(Object.class.getMethods()[0], Object.class).getTimeout())
				.isBetween(1, 3);
		}
	}

}
