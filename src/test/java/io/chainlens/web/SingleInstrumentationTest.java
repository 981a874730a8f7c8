package io.chainlens.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import io.chainlens.ChainlensTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's instrumentations run as one: each hook reaches only the instrumentations that
 * implement it, each with its own state, in their order, and the app's requests are still
 * observed, budgeted and limited (RequestBudgetTest, QueryLimitsTest).
 */
@ChainlensTest
class SingleInstrumentationTest {

	@Autowired
	GraphQlSource source;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	MeterRegistry meters;

	@Autowired
	@Qualifier("dataLoadersOnFirstUseInterceptor")
	WebGraphQlInterceptor firstUse;

	@Test
	void theAppRunsItsInstrumentationsAsOneAndStillObservesEachRequest() throws InterruptedException {
		assertThat(source.graphQl().getInstrumentation()).isInstanceOf(SingleInstrumentation.class);
		double before = requests();
		graphQl.document("{ chains { id } }").execute().path("chains").hasValue();
		// the observation stops when the execution completes, which may be just after the
		// answer was sent
		long deadline = System.nanoTime() + 5_000_000_000L;
		while (requests() < before + 1 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(requests()).isEqualTo(before + 1);
	}

	@Test
	void theRequestObservationReplacesTheDataLoadersOnlyWhenBatchLoadsAreObserved() {
		DataLoaderRegistry loaders = DataLoaderRegistry.newRegistry()
			.register("Company.sites",
					DataLoaderFactory.newDataLoader((List<String> keys) -> CompletableFuture.completedFuture(keys)))
			.build();
		ExecutionInput input = ExecutionInput.newExecutionInput("{ chains { id } }")
			.dataLoaderRegistry(loaders)
			.build();
		List<Instrumentation> observation = List
			.of(new GraphQlObservationInstrumentation(ObservationRegistry.create()));

		SingleInstrumentation observed = (SingleInstrumentation) SingleInstrumentation.of(observation, true)
			.orElseThrow();
		DataLoaderRegistry copy = instrumented(observed, input).getDataLoaderRegistry();
		assertThat(observed.keepsTheExecutionInput()).isFalse();
		assertThat(copy).isNotSameAs(loaders);
		assertThat(copy.getKeys()).containsExactly("Company.sites");

		SingleInstrumentation unobserved = (SingleInstrumentation) SingleInstrumentation.of(observation, false)
			.orElseThrow();
		assertThat(unobserved.keepsTheExecutionInput()).isTrue();
		assertThat(instrumented(unobserved, input).getDataLoaderRegistry()).isSameAs(loaders);
	}

	@Test
	void batchLoadsAreObservedUnlessTheObservationRegistrySwitchesThemOff() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(context -> true);
		assertThat(SingleInstrumentation.batchLoadsObserved(registry)).isTrue();

		// as Boot does for management.observations.enable.graphql=false
		registry.observationConfig().observationPredicate((name, context) -> !name.startsWith("graphql"));
		assertThat(SingleInstrumentation.batchLoadsObserved(registry)).isFalse();

		assertThat(SingleInstrumentation.batchLoadsObserved(ObservationRegistry.NOOP)).isFalse();
		assertThat(SingleInstrumentation.batchLoadsObserved(null)).isFalse();
	}

	@Test
	void theAppsWebRequestsGetDataLoadersMadeOnFirstUse() {
		assertThat(DataLoadersOnFirstUseTest.registryOf(firstUse)).isInstanceOf(DataLoadersOnFirstUse.Lazy.class);
	}

	@Test
	void theAppsRequestsKeepTheirDataLoadersMadeOnFirstUse() {
		ExecutionInput input = ExecutionInput.newExecutionInput("{ chains { id } }")
			.dataLoaderRegistry(new DataLoadersOnFirstUse.Lazy())
			.build();

		assertThat(instrumented(source.graphQl().getInstrumentation(), input).getDataLoaderRegistry())
			.isSameAs(input.getDataLoaderRegistry());
	}

	private ExecutionInput instrumented(Instrumentation instrumentation, ExecutionInput input) {
		InstrumentationState state = instrumentation
			.createStateAsync(new InstrumentationCreateStateParameters(source.schema(), input))
			.join();
		return instrumentation.instrumentExecutionInput(input,
				new InstrumentationExecutionParameters(input, source.schema()), state);
	}

	@Test
	void eachHookReachesOnlyTheInstrumentationsImplementingItWithTheirOwnState() {
		List<String> calls = new ArrayList<>();
		Instrumentation single = SingleInstrumentation
			.of(List.of(new Counting("a", calls), new Limiting("b", calls), new Limiting("c", calls)))
			.orElseThrow();
		InstrumentationState state = single.createStateAsync(null).join();

		single.beginFieldExecution(null, state);
		assertThat(calls).containsExactly("a field with state a");

		calls.clear();
		InstrumentationContext<ExecutionResult> operation = single.beginExecuteOperation(null, state);
		operation.onCompleted(ExecutionResultImpl.newExecutionResult().build(), null);
		assertThat(calls).containsExactly("b operation with state b", "c operation with state c", "b completed",
				"c completed");

		calls.clear();
		ExecutionResult result = single
			.instrumentExecutionResult(ExecutionResultImpl.newExecutionResult().data("x").build(), null, state)
			.join();
		assertThat(result.<String>getData()).isEqualTo("x b c");
	}

	@Test
	void twoInstrumentationsOfAFieldFetchingHookAreLeftToTheChain() {
		List<String> calls = new ArrayList<>();
		assertThat(SingleInstrumentation.of(List.of(new Fetching(calls), new Fetching(calls)))).isEmpty();
		assertThat(SingleInstrumentation.of(List.of(new Fetching(calls), new Counting("a", calls)))).isPresent();
	}

	private double requests() {
		// one timer per tag set (operation, outcome): all of them
		return meters.find("graphql.request").timers().stream().mapToLong(t -> t.count()).sum();
	}

	private record Named(String name) implements InstrumentationState {
	}

	/** An instrumentation whose state is its name. */
	static class Stated extends SimplePerformantInstrumentation {

		final String name;

		final List<String> calls;

		Stated(String name, List<String> calls) {
			this.name = name;
			this.calls = calls;
		}

		@Override
		public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
			return new Named(name);
		}

	}

	static class Counting extends Stated {

		Counting(String name, List<String> calls) {
			super(name, calls);
		}

		@Override
		public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
				InstrumentationState state) {
			calls.add(name + " field with state " + ((Named) state).name());
			return SimpleInstrumentationContext.noOp();
		}

	}

	static class Limiting extends Stated {

		Limiting(String name, List<String> calls) {
			super(name, calls);
		}

		@Override
		public InstrumentationContext<ExecutionResult> beginExecuteOperation(
				InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
			calls.add(name + " operation with state " + ((Named) state).name());
			return SimpleInstrumentationContext.whenCompleted((r, t) -> calls.add(name + " completed"));
		}

		@Override
		public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
				InstrumentationExecutionParameters parameters, InstrumentationState state) {
			return CompletableFuture
				.completedFuture(ExecutionResultImpl.newExecutionResult().data(result.getData() + " " + name).build());
		}

	}

	static class Fetching extends SimplePerformantInstrumentation {

		final List<String> calls;

		Fetching(List<String> calls) {
			this.calls = calls;
		}

		@Override
		public graphql.execution.instrumentation.FieldFetchingInstrumentationContext beginFieldFetching(
				InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
			calls.add("fetching");
			return graphql.execution.instrumentation.FieldFetchingInstrumentationContext.NOOP;
		}

	}

}
