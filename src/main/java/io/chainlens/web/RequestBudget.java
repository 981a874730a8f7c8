package io.chainlens.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.language.OperationDefinition.Operation;
import io.micrometer.context.ContextRegistry;
import reactor.core.publisher.Mono;

/**
 * Bounds what a request does once it runs, whatever the graph holds: it stops when its
 * time budget ({@code chainlens.graphql.time-budget}) is spent, when its answer holds
 * more values than {@code chainlens.graphql.max-response-values}, or when the server
 * learns that the client has gone (the request's response is no longer awaited). Stopping
 * cancels the execution (graphql-java fetches no further field) and the answer is then a
 * single {@code BAD_REQUEST} error naming the limit, without data: a part of an answer
 * would not say what is missing. Mutations are not stopped: each is one transaction
 * bounded by its timeout, and its answer must not report a failure after it committed.
 *
 * <p>
 * The database work stops too: the request's deadline is a context value that Spring for
 * GraphQL carries into every data fetcher and batch loader ({@link #timeLeft()}), and
 * {@link BudgetedTransactions} gives each transaction begun there a timeout of at most
 * the time left, so the database ends a query still running at the deadline.
 */
@Component
class RequestBudget extends SimplePerformantInstrumentation implements WebGraphQlInterceptor {

	/** The key of the deadline in the GraphQL context and of its thread-local. */
	static final String DEADLINE = RequestBudget.class.getName() + ".deadline";

	/**
	 * A GraphQL context key: true for the app's own background work (the warm-up), which
	 * has no client waiting and no time budget.
	 */
	static final String NO_TIME_BUDGET = RequestBudget.class.getName() + ".none";

	private static final ThreadLocal<Long> deadlines = new ThreadLocal<>();

	static {
		ContextRegistry.getInstance().registerThreadLocalAccessor(DEADLINE, deadlines);
	}

	// one daemon thread that cancels the requests whose time is up
	private static final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "chainlens-request-budget");
		thread.setDaemon(true);
		return thread;
	});

	private final GraphQlLimits limits;

	RequestBudget(GraphQlLimits limits) {
		this.limits = limits;
	}

	/**
	 * The time left to the request this thread works for; empty outside a GraphQL
	 * request.
	 */
	static Optional<Duration> timeLeft() {
		Long deadline = deadlines.get();
		return (deadline != null) ? Optional.of(Duration.ofNanos(deadline - System.nanoTime())) : Optional.empty();
	}

	enum Stop {

		TIME, SIZE, CLIENT_GONE

	}

	static final class Budget implements InstrumentationState {

		final long deadline;

		final AtomicLong values = new AtomicLong();

		final AtomicReference<Stop> stopped = new AtomicReference<>();

		volatile ExecutionInput input;

		volatile ScheduledFuture<?> timeUp;

		volatile boolean exempt;

		Budget(long deadline) {
			this.deadline = deadline;
		}

		void stop(Stop reason) {
			if (this.exempt) {
				return;
			}
			this.stopped.compareAndSet(null, reason);
			ExecutionInput running = this.input;
			if (running != null) {
				running.cancel();
			}
		}

	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return new Budget(System.nanoTime() + limits.timeBudget().toNanos());
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		Budget budget = (Budget) state;
		if (parameters.getExecutionContext().getOperationDefinition().getOperation() == Operation.MUTATION) {
			// a write is one transaction with its own timeout; stopping it after
			// its commit would answer a failure for a write that happened
			budget.exempt = true;
			return SimpleInstrumentationContext.noOp();
		}
		ExecutionInput input = parameters.getExecutionContext().getExecutionInput();
		budget.input = input;
		if (Boolean.TRUE.equals(input.getGraphQLContext().get(NO_TIME_BUDGET))) {
			return SimpleInstrumentationContext.noOp();
		}
		parameters.getExecutionContext().getGraphQLContext().put(DEADLINE, budget.deadline);
		long left = budget.deadline - System.nanoTime();
		if (left <= 0) {
			budget.stop(Stop.TIME);
		}
		else {
			budget.timeUp = timer.schedule(() -> budget.stop(Stop.TIME), left, TimeUnit.NANOSECONDS);
		}
		if (input.getGraphQLContext().get(ClientGone.class) instanceof ClientGone gone) {
			gone.budget.set(budget);
		}
		return SimpleInstrumentationContext.whenCompleted((result, failure) -> {
			ScheduledFuture<?> timeUp = budget.timeUp;
			if (timeUp != null) {
				timeUp.cancel(false);
			}
		});
	}

	@Override
	public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
			InstrumentationState state) {
		Budget budget = (Budget) state;
		if (budget.exempt) {
			return SimpleInstrumentationContext.noOp();
		}
		if (budget.values.incrementAndGet() > limits.maxResponseValues()) {
			budget.stop(Stop.SIZE);
		}
		else if (budget.timeUp != null && System.nanoTime() - budget.deadline > 0) {
			budget.stop(Stop.TIME);
		}
		return SimpleInstrumentationContext.noOp();
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		Budget budget = (Budget) state;
		if (budget == null || budget.stopped.get() == null) {
			return CompletableFuture.completedFuture(result);
		}
		return CompletableFuture
			.completedFuture(ExecutionResult.newExecutionResult().errors(List.of(error(budget))).build());
	}

	private GraphQLError error(Budget budget) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		String message = switch (budget.stopped.get()) {
			case TIME -> {
				extensions.put("limit", "chainlens.graphql.time-budget");
				extensions.put("max", limits.timeBudget().toString());
				yield "The request was stopped after its time budget of " + limits.timeBudget().toMillis() / 1000.0
						+ " s (chainlens.graphql.time-budget); ask for less, e.g. one chain, fewer nested lists or a smaller page";
			}
			case SIZE -> {
				extensions.put("limit", "chainlens.graphql.max-response-values");
				extensions.put("max", limits.maxResponseValues());
				yield "The answer would hold more than " + limits.maxResponseValues()
						+ " values (chainlens.graphql.max-response-values); it was stopped. Ask for fewer nested lists, "
						+ "smaller pages (first) or split the query.";
			}
			case CLIENT_GONE -> {
				extensions.put("limit", "client-gone");
				yield "The client stopped waiting for the answer; the request was stopped";
			}
		};
		return GraphQLError.newError().errorType(ErrorType.BAD_REQUEST).message(message).extensions(extensions).build();
	}

	/**
	 * Stops a request whose response nobody awaits any more: the web layer cancels the
	 * response when the client has gone or the request failed or timed out on the way.
	 */
	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		ClientGone gone = new ClientGone();
		request.configureExecutionInput(
				(input, builder) -> builder.graphQLContext(Map.of(ClientGone.class, gone)).build());
		return chain.next(request).doOnCancel(gone::stop);
	}

	private static final class ClientGone {

		final AtomicReference<Budget> budget = new AtomicReference<>();

		void stop() {
			Budget running = budget.get();
			if (running != null) {
				running.stop(Stop.CLIENT_GONE);
			}
		}

	}

}
