package io.chainlens.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;
import org.springframework.stereotype.Component;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * The app's instrumentations (the request observation, {@link RequestBudget},
 * {@link QueryLimits}) as one, calling for each hook only those that implement it.
 * graphql-java's {@link graphql.execution.instrumentation.ChainedInstrumentation} calls
 * every instrumentation at every hook of every field and allocates a list and a context
 * each time; on an answer of thousands of values (a region matrix is ~90,000 fields) that
 * cost more than the app's own work, while per field only the budget counts values and
 * the observation wraps the non-trivial data fetchers.
 *
 * <p>
 * Hooks whose context has more than the start and completion callbacks (execution
 * strategy, object, field fetching, reactive results) are taken by one instrumentation at
 * most; {@link #of} declines a list where two implement one of them, and the app then
 * keeps the chained instrumentation.
 */
final class SingleInstrumentation extends SimplePerformantInstrumentation {

	/**
	 * Puts the app's instrumentations, as Spring Boot collects them, in place of the
	 * chained one Spring for GraphQL builds from them (its GraphQL configurers run
	 * after).
	 */
	@Component
	static class InPlaceOfTheChain implements GraphQlSourceBuilderCustomizer {

		private final ObjectProvider<Instrumentation> instrumentations;

		private final ObjectProvider<ObservationRegistry> observations;

		InPlaceOfTheChain(ObjectProvider<Instrumentation> instrumentations,
				ObjectProvider<ObservationRegistry> observations) {
			this.instrumentations = instrumentations;
			this.observations = observations;
		}

		@Override
		public void customize(GraphQlSource.SchemaResourceBuilder builder) {
			List<Instrumentation> all = instrumentations.orderedStream().toList();
			of(all, batchLoadsObserved(observations.getIfAvailable()))
				.ifPresent(single -> builder.configureGraphQl(graphQl -> graphQl.instrumentation(single)));
		}

	}

	/**
	 * Whether the registry would record a batch load's observation: asked of the registry
	 * itself, so every way of switching it off counts (Boot's
	 * {@code management.observations.enable.*} keys, their prefixes and {@code all}, or a
	 * predicate of the app's own). An observation made and never started records nothing.
	 */
	static boolean batchLoadsObserved(ObservationRegistry registry) {
		return registry != null && !Observation.createNotStarted(BATCH_LOAD, registry).isNoop();
	}

	/** Spring for GraphQL's name for a batch load's observation. */
	private static final String BATCH_LOAD = "graphql.dataloader";

	private static final Set<Class<?>> DEFAULTS = Set.of(Instrumentation.class, SimplePerformantInstrumentation.class,
			SimpleInstrumentation.class);

	private final List<Instrumentation> all;

	private final int[] execution;

	private final int[] parse;

	private final int[] validation;

	private final int[] operation;

	private final int[] strategy;

	private final int[] object;

	private final int[] fieldExecution;

	private final int[] fetching;

	private final int[] completion;

	private final int[] listCompletion;

	private final int[] input;

	private final int[] document;

	private final int[] schema;

	private final int[] context;

	private final int[] dataFetcher;

	private final int[] result;

	private SingleInstrumentation(List<Instrumentation> all, boolean batchLoadsObserved) {
		this.all = List.copyOf(all);
		this.execution = implementing("beginExecution", InstrumentationExecutionParameters.class);
		this.parse = implementing("beginParse", InstrumentationExecutionParameters.class);
		this.validation = implementing("beginValidation", InstrumentationValidationParameters.class);
		this.operation = implementing("beginExecuteOperation", InstrumentationExecuteOperationParameters.class);
		this.strategy = implementing("beginExecutionStrategy", InstrumentationExecutionStrategyParameters.class);
		this.object = implementing("beginExecuteObject", InstrumentationExecutionStrategyParameters.class);
		this.fieldExecution = implementing("beginFieldExecution", InstrumentationFieldParameters.class);
		// the deprecated beginFieldFetch is called through beginFieldFetching's default
		this.fetching = union(implementing("beginFieldFetching", InstrumentationFieldFetchParameters.class),
				implementing("beginFieldFetch", InstrumentationFieldFetchParameters.class));
		this.completion = implementing("beginFieldCompletion", InstrumentationFieldCompleteParameters.class);
		this.listCompletion = implementing("beginFieldListCompletion", InstrumentationFieldCompleteParameters.class);
		// The request observation's only use of this hook is to copy the request's data
		// loader registry with every loader wrapped for batch-load observations; with
		// those switched off (application.yml) the copy observes nothing and costs a copy
		// of every loader per request. It copies only loaders already made, so it would
		// also drop every loader of DataLoadersOnFirstUse's lazy registry, which is used
		// only where keepsTheExecutionInput() says this hook is skipped
		this.input = Arrays
			.stream(implementing("instrumentExecutionInput", ExecutionInput.class,
					InstrumentationExecutionParameters.class))
			.filter(i -> batchLoadsObserved || !(all.get(i) instanceof GraphQlObservationInstrumentation))
			.toArray();
		this.document = implementing("instrumentDocumentAndVariables", DocumentAndVariables.class,
				InstrumentationExecutionParameters.class);
		this.schema = implementing("instrumentSchema", GraphQLSchema.class, InstrumentationExecutionParameters.class);
		this.context = implementing("instrumentExecutionContext", ExecutionContext.class,
				InstrumentationExecutionParameters.class);
		this.dataFetcher = implementing("instrumentDataFetcher", DataFetcher.class,
				InstrumentationFieldFetchParameters.class);
		this.result = implementing("instrumentExecutionResult", ExecutionResult.class,
				InstrumentationExecutionParameters.class);
	}

	/**
	 * The instrumentations as one; empty when two of them implement a hook this class
	 * does not combine (or one this class does not know: subscriptions, deferred fields).
	 */
	static Optional<Instrumentation> of(List<Instrumentation> all) {
		return of(all, true);
	}

	/**
	 * As {@link #of(List)}; {@code batchLoadsObserved} false when the batch loads'
	 * observations are switched off
	 * ({@code management.observations.enable.graphql.dataloader}).
	 */
	static Optional<Instrumentation> of(List<Instrumentation> all, boolean batchLoadsObserved) {
		SingleInstrumentation single = new SingleInstrumentation(all, batchLoadsObserved);
		boolean combinable = single.strategy.length <= 1 && single.object.length <= 1 && single.fetching.length <= 1
				&& single.implementing("beginReactiveResults",
						graphql.execution.instrumentation.parameters.InstrumentationReactiveResultsParameters.class).length == 0
				&& single.implementing("beginSubscribedFieldEvent", InstrumentationFieldParameters.class).length == 0
				&& single.implementing("beginDeferredField", InstrumentationFieldParameters.class).length == 0;
		return combinable ? Optional.of(single) : Optional.empty();
	}

	/**
	 * Whether every request's execution input, its data loader registry included, reaches
	 * the execution as the app made it: no instrumentation here replaces it.
	 */
	boolean keepsTheExecutionInput() {
		return input.length == 0;
	}

	/** The instrumentations, in order, that implement a hook themselves. */
	private int[] implementing(String name, Class<?>... parameters) {
		Class<?>[] withState = Arrays.copyOf(parameters, parameters.length + 1);
		withState[parameters.length] = InstrumentationState.class;
		List<Integer> found = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			try {
				Method method = all.get(i).getClass().getMethod(name, withState);
				if (!DEFAULTS.contains(method.getDeclaringClass())) {
					found.add(i);
				}
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException("graphql-java's Instrumentation has no " + name, ex);
			}
		}
		return found.stream().mapToInt(Integer::intValue).toArray();
	}

	private static int[] union(int[] a, int[] b) {
		return java.util.stream.IntStream.concat(Arrays.stream(a), Arrays.stream(b)).distinct().sorted().toArray();
	}

	/** Each instrumentation's own state, by its position. */
	private record States(InstrumentationState[] each) implements InstrumentationState {
	}

	private static InstrumentationState of(InstrumentationState state, int index) {
		return ((States) state).each()[index];
	}

	@Override
	public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
		InstrumentationState[] each = new InstrumentationState[all.size()];
		List<CompletableFuture<?>> pending = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			CompletableFuture<InstrumentationState> state = all.get(i).createStateAsync(parameters);
			if (state == null) {
				continue;
			}
			if (state.isDone() && !state.isCompletedExceptionally()) {
				each[i] = state.join();
			}
			else {
				int index = i;
				pending.add(state.thenAccept(s -> each[index] = s));
			}
		}
		States states = new States(each);
		return pending.isEmpty() ? CompletableFuture.completedFuture(states)
				: CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).thenApply(done -> states);
	}

	private <T> InstrumentationContext<T> begin(int[] which, InstrumentationState state,
			BiFunction<Instrumentation, InstrumentationState, InstrumentationContext<T>> hook) {
		if (which.length == 0) {
			return null;
		}
		if (which.length == 1) {
			return hook.apply(all.get(which[0]), of(state, which[0]));
		}
		List<InstrumentationContext<T>> contexts = new ArrayList<>(which.length);
		for (int i : which) {
			InstrumentationContext<T> context = hook.apply(all.get(i), of(state, i));
			if (context != null) {
				contexts.add(context);
			}
		}
		return new InstrumentationContext<>() {

			@Override
			public void onDispatched() {
				contexts.forEach(InstrumentationContext::onDispatched);
			}

			@Override
			public void onCompleted(T value, Throwable failure) {
				contexts.forEach(c -> c.onCompleted(value, failure));
			}

		};
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		return begin(execution, state, (i, s) -> i.beginExecution(parameters, s));
	}

	@Override
	public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		return begin(parse, state, (i, s) -> i.beginParse(parameters, s));
	}

	@Override
	public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
			InstrumentationState state) {
		return begin(validation, state, (i, s) -> i.beginValidation(parameters, s));
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		return begin(operation, state, (i, s) -> i.beginExecuteOperation(parameters, s));
	}

	@Override
	public ExecutionStrategyInstrumentationContext beginExecutionStrategy(
			InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
		return strategy.length == 0 ? null
				: all.get(strategy[0]).beginExecutionStrategy(parameters, of(state, strategy[0]));
	}

	@Override
	public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
			InstrumentationState state) {
		return object.length == 0 ? null : all.get(object[0]).beginExecuteObject(parameters, of(state, object[0]));
	}

	@Override
	public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
			InstrumentationState state) {
		return begin(fieldExecution, state, (i, s) -> i.beginFieldExecution(parameters, s));
	}

	@Override
	public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		return fetching.length == 0 ? FieldFetchingInstrumentationContext.NOOP
				: all.get(fetching[0]).beginFieldFetching(parameters, of(state, fetching[0]));
	}

	@Override
	public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
			InstrumentationState state) {
		return begin(completion, state, (i, s) -> i.beginFieldCompletion(parameters, s));
	}

	@Override
	public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
			InstrumentationState state) {
		return begin(listCompletion, state, (i, s) -> i.beginFieldListCompletion(parameters, s));
	}

	/** One instrumentation's step over a value the instrumentations transform in turn. */
	private interface Step<T> {

		T apply(Instrumentation instrumentation, T value, InstrumentationState state);

	}

	private <T> T inTurn(int[] which, T value, InstrumentationState state, Step<T> step) {
		for (int i : which) {
			value = step.apply(all.get(i), value, of(state, i));
		}
		return value;
	}

	@Override
	public ExecutionInput instrumentExecutionInput(ExecutionInput executionInput,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		return inTurn(input, executionInput, state, (i, v, s) -> i.instrumentExecutionInput(v, parameters, s));
	}

	@Override
	public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables documentAndVariables,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		return inTurn(document, documentAndVariables, state,
				(i, v, s) -> i.instrumentDocumentAndVariables(v, parameters, s));
	}

	@Override
	public GraphQLSchema instrumentSchema(GraphQLSchema graphQLSchema, InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		return inTurn(schema, graphQLSchema, state, (i, v, s) -> i.instrumentSchema(v, parameters, s));
	}

	@Override
	public ExecutionContext instrumentExecutionContext(ExecutionContext executionContext,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		return inTurn(context, executionContext, state, (i, v, s) -> i.instrumentExecutionContext(v, parameters, s));
	}

	// per field: a plain loop, without the lambda the others allocate per call
	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		for (int i : dataFetcher) {
			fetcher = all.get(i).instrumentDataFetcher(fetcher, parameters, of(state, i));
		}
		return fetcher;
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult executionResult,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		CompletableFuture<ExecutionResult> done = CompletableFuture.completedFuture(executionResult);
		for (int i : result) {
			Instrumentation one = all.get(i);
			InstrumentationState own = of(state, i);
			done = done.thenCompose(r -> one.instrumentExecutionResult(r, parameters, own));
		}
		return done;
	}

}
