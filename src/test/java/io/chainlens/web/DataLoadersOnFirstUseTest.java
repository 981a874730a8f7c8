package io.chainlens.web;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;

import graphql.GraphQLContext;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A request's data loaders are made when a field first asks for one, each the loader
 * Spring would have made, with the request's context.
 */
class DataLoadersOnFirstUseTest {

	private final DataLoadersOnFirstUse.Registrations registrations = new DataLoadersOnFirstUse.Registrations();

	DataLoadersOnFirstUseTest() {
		for (String name : new String[] { "Company.sites", "Site.productions", "Chain.projects" }) {
			this.registrations.<String, String>forName(name)
				.registerMappedBatchLoader((keys, env) -> Mono.just(keys.stream()
					.collect(Collectors.toMap(k -> k,
							k -> name + " of " + k + " for " + ((GraphQLContext) env.getContext()).get("user")))));
		}
	}

	@Test
	void aRequestMakesOnlyTheLoadersItsFieldsAskFor() {
		DataLoaderRegistry registry = new DataLoadersOnFirstUse.Lazy();
		this.registrations.registerDataLoaders(registry, GraphQLContext.of(Map.of("user", "analyst")));
		assertThat(registry.getKeys()).isEmpty();

		DataLoader<String, String> sites = registry.getDataLoader("Company.sites");

		assertThat(sites).isNotNull();
		assertThat(registry.getDataLoader("Company.sites")).isSameAs(sites);
		assertThat(registry.getKeys()).containsExactly("Company.sites");
		assertThat(registry.getDataLoader("Company.nothing")).isNull();
	}

	@Test
	void aLoaderMadeOnFirstUseLoadsWithTheRequestsContext() {
		DataLoaderRegistry registry = new DataLoadersOnFirstUse.Lazy();
		this.registrations.registerDataLoaders(registry, GraphQLContext.of(Map.of("user", "analyst")));

		DataLoader<String, String> productions = registry.getDataLoader("Site.productions");
		var value = productions.load("site-1");
		registry.dispatchAll();

		assertThat(value.join()).isEqualTo("Site.productions of site-1 for analyst");
	}

	@Test
	void aRegistryNotMadeForItGetsEveryLoaderAsSpringWouldGiveThem() {
		DataLoaderRegistry registry = DataLoaderRegistry.newRegistry().build();
		this.registrations.registerDataLoaders(registry, GraphQLContext.of(Map.of("user", "analyst")));

		assertThat(registry.getKeys()).containsExactlyInAnyOrder("Company.sites", "Site.productions", "Chain.projects");
	}

	@Test
	void twoLoadersOfOneNameAreRefused() {
		this.registrations.<String, String>forName("Company.sites")
			.registerMappedBatchLoader((keys, env) -> Mono.just(Map.of()));

		assertThatIllegalStateException()
			.isThrownBy(() -> this.registrations.registerDataLoaders(new DataLoadersOnFirstUse.Lazy(),
					GraphQLContext.getDefault()))
			.withMessageContaining("Company.sites");
	}

	@Test
	void aLoaderRegisteredAfterTheNamesWereFirstReadIsStillFound() {
		// a registration is made in two steps: the name, then the loader
		var pending = this.registrations.<String, String>forName("Project.platforms");
		assertThat(lazy().getDataLoader("Project.platforms")).isNull();

		pending.registerMappedBatchLoader((keys, env) -> Mono.just(Map.of()));

		assertThat(lazy().getDataLoader("Project.platforms")).isNotNull();
	}

	@Test
	void everyRequestThroughTheWebGetsAFreshLazyRegistry() {
		var interceptor = new DataLoadersOnFirstUse.OnFirstUse(() -> true);

		DataLoaderRegistry first = registryOf(interceptor);
		DataLoaderRegistry second = registryOf(interceptor);

		assertThat(first).isInstanceOf(DataLoadersOnFirstUse.Lazy.class);
		assertThat(second).isInstanceOf(DataLoadersOnFirstUse.Lazy.class).isNotSameAs(first);
	}

	@Test
	void requestsKeepSpringsRegistryWhereAnInstrumentationReplacesTheirs() {
		// the request observation copies the registry to observe batch loads; a copy of
		// a lazy registry would hold no loader at all
		AtomicInteger asked = new AtomicInteger();
		var interceptor = new DataLoadersOnFirstUse.OnFirstUse(() -> asked.incrementAndGet() < 0);

		DataLoaderRegistry first = registryOf(interceptor);
		DataLoaderRegistry second = registryOf(interceptor);

		assertThat(first).isNotInstanceOf(DataLoadersOnFirstUse.Lazy.class);
		assertThat(second).isNotInstanceOf(DataLoadersOnFirstUse.Lazy.class);
		assertThat(asked).as("decided once").hasValue(1);
	}

	private DataLoaderRegistry lazy() {
		DataLoaderRegistry registry = new DataLoadersOnFirstUse.Lazy();
		this.registrations.registerDataLoaders(registry, GraphQLContext.getDefault());
		return registry;
	}

	static DataLoaderRegistry registryOf(WebGraphQlInterceptor interceptor) {
		AtomicReference<DataLoaderRegistry> seen = new AtomicReference<>();
		interceptor.intercept(request(), r -> {
			seen.set(r.toExecutionInput().getDataLoaderRegistry());
			return Mono.empty();
		}).block();
		return seen.get();
	}

	static WebGraphQlRequest request() {
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), null, null, Map.of(),
				Map.<String, Object>of("query", "{ chains { id } }"), "1", null);
	}

}
