package io.chainlens.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;
import org.springframework.graphql.server.WebGraphQlInterceptor;

import graphql.GraphQLContext;

/**
 * Makes a request's data loaders when a field first asks for one, not all of them for
 * every request. Spring for GraphQL's registry makes every registered loader (more than
 * 70 here: one per batch mapping) for each request and graphql-java dispatches each of
 * them at every level (and the request observation copied every one of them again, see
 * SingleInstrumentation); a company's card uses four. Profiles of the side-by-side browse
 * (bench/README.md) put that making and dispatching at several per cent of chainlens's
 * CPU per request.
 *
 * <p>
 * Each registration is kept in a registry of its own, Spring's, so a loader made on first
 * use is the one Spring would have made: the same options and the same context
 * propagation (the request's security context and time budget reach the batch loader).
 * Requests that come in through the web (every client) get the lazy registry from the
 * interceptor below; others (tests that execute documents directly) get Spring's registry
 * filled with every loader, as before.
 */
@Configuration(proxyBeanMethods = false)
class DataLoadersOnFirstUse {

	@Bean
	Registrations batchLoaderRegistry() {
		return new Registrations();
	}

	@Bean
	WebGraphQlInterceptor dataLoadersOnFirstUseInterceptor() {
		return (request, chain) -> {
			request.configureExecutionInput((input, builder) -> builder.dataLoaderRegistry(new Lazy()).build());
			return chain.next(request);
		};
	}

	/**
	 * The app's {@link BatchLoaderRegistry}: each registration in a
	 * {@link DefaultBatchLoaderRegistry} of its own, found by its loader's name.
	 */
	static final class Registrations implements BatchLoaderRegistry {

		private final List<DefaultBatchLoaderRegistry> registrations = new ArrayList<>();

		private volatile Map<String, DefaultBatchLoaderRegistry> byName;

		@Override
		public synchronized <K, V> RegistrationSpec<K, V> forTypePair(Class<K> keyType, Class<V> valueType) {
			return added().forTypePair(keyType, valueType);
		}

		@Override
		public synchronized <K, V> RegistrationSpec<K, V> forName(String name) {
			return added().forName(name);
		}

		private DefaultBatchLoaderRegistry added() {
			DefaultBatchLoaderRegistry one = new DefaultBatchLoaderRegistry();
			this.registrations.add(one);
			this.byName = null;
			return one;
		}

		@Override
		public synchronized boolean hasRegistrations() {
			return this.registrations.stream().anyMatch(DefaultBatchLoaderRegistry::hasRegistrations);
		}

		@Override
		public void registerDataLoaders(DataLoaderRegistry registry, GraphQLContext context) {
			if (registry instanceof Lazy lazy) {
				lazy.makeFrom(byName(), context);
				return;
			}
			for (DefaultBatchLoaderRegistry one : registrations()) {
				one.registerDataLoaders(registry, context);
			}
		}

		private synchronized List<DefaultBatchLoaderRegistry> registrations() {
			return List.copyOf(this.registrations);
		}

		// Registrations end while the application context starts (controllers and
		// annotated batch mappings register in their set-up), before the first
		// request; the names are read once, by making each loader once.
		private Map<String, DefaultBatchLoaderRegistry> byName() {
			Map<String, DefaultBatchLoaderRegistry> known = this.byName;
			if (known != null) {
				return known;
			}
			Map<String, DefaultBatchLoaderRegistry> names = new HashMap<>();
			for (DefaultBatchLoaderRegistry one : registrations()) {
				DataLoaderRegistry probe = new DataLoaderRegistry();
				one.registerDataLoaders(probe, GraphQLContext.getDefault());
				for (String name : probe.getKeys()) {
					if (names.put(name, one) != null) {
						throw new IllegalStateException("More than one DataLoader named '" + name + "'");
					}
				}
			}
			known = Map.copyOf(names);
			this.byName = known;
			return known;
		}

	}

	/** A request's data loaders, each made when first asked for by its name. */
	static final class Lazy extends DataLoaderRegistry {

		private volatile Map<String, DefaultBatchLoaderRegistry> makers = Map.of();

		private volatile GraphQLContext context = GraphQLContext.getDefault();

		void makeFrom(Map<String, DefaultBatchLoaderRegistry> makers, GraphQLContext context) {
			this.makers = makers;
			this.context = context;
		}

		@Override
		public <K, V> DataLoader<K, V> getDataLoader(String key) {
			DataLoader<K, V> made = super.getDataLoader(key);
			if (made != null) {
				return made;
			}
			DefaultBatchLoaderRegistry maker = this.makers.get(key);
			if (maker == null) {
				return null;
			}
			return computeIfAbsent(key, name -> {
				DataLoaderRegistry one = new DataLoaderRegistry();
				maker.registerDataLoaders(one, this.context);
				return one.getDataLoader(name);
			});
		}

	}

}
