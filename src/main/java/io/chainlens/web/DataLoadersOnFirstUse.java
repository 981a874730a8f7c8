package io.chainlens.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

import graphql.GraphQLContext;
import reactor.core.publisher.Mono;

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
 * filled with every loader, as before. So do web requests when an instrumentation
 * replaces the execution input (the request observation does, to observe batch loads):
 * its copy of the registry would hold only the loaders already made, none.
 */
@Configuration(proxyBeanMethods = false)
class DataLoadersOnFirstUse {

	@Bean
	Registrations batchLoaderRegistry() {
		return new Registrations();
	}

	@Bean
	WebGraphQlInterceptor dataLoadersOnFirstUseInterceptor(ObjectProvider<GraphQlSource> source) {
		return new OnFirstUse(
				() -> source.getObject().graphQl().getInstrumentation() instanceof SingleInstrumentation single
						&& single.keepsTheExecutionInput());
	}

	/**
	 * Gives each request a lazy registry when the app's instrumentation keeps it; asked
	 * once, at the first request, when the GraphQL engine is built.
	 */
	static final class OnFirstUse implements WebGraphQlInterceptor {

		private static final Log logger = LogFactory.getLog(DataLoadersOnFirstUse.class);

		private final BooleanSupplier registryKept;

		private volatile Boolean lazy;

		OnFirstUse(BooleanSupplier registryKept) {
			this.registryKept = registryKept;
		}

		@Override
		public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
			if (lazy()) {
				request.configureExecutionInput((input, builder) -> builder.dataLoaderRegistry(new Lazy()).build());
			}
			return chain.next(request);
		}

		private boolean lazy() {
			Boolean known = this.lazy;
			if (known == null) {
				known = this.registryKept.getAsBoolean();
				if (!known) {
					logger.info("Every request makes all its data loaders: an instrumentation replaces the "
							+ "execution input (batch-load observations are on)");
				}
				this.lazy = known;
			}
			return known;
		}

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
				// the names read (and two loaders of one name refused) before a field
				// asks
				byName();
				lazy.makeFrom(this, context);
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
		// request; the names are read once, by making each loader once. A registration
		// is made in two steps (the name, then its loader): a request that misses a
		// name reads them again (Lazy).
		private Map<String, DefaultBatchLoaderRegistry> byName() {
			Map<String, DefaultBatchLoaderRegistry> known = this.byName;
			return (known != null) ? known : readNames();
		}

		synchronized Map<String, DefaultBatchLoaderRegistry> readNames() {
			Map<String, DefaultBatchLoaderRegistry> names = new HashMap<>();
			for (DefaultBatchLoaderRegistry one : this.registrations) {
				DataLoaderRegistry probe = new DataLoaderRegistry();
				one.registerDataLoaders(probe, GraphQLContext.getDefault());
				for (String name : probe.getKeys()) {
					if (names.put(name, one) != null) {
						throw new IllegalStateException("More than one DataLoader named '" + name + "'");
					}
				}
			}
			Map<String, DefaultBatchLoaderRegistry> known = Map.copyOf(names);
			this.byName = known;
			return known;
		}

	}

	/** A request's data loaders, each made when first asked for by its name. */
	static final class Lazy extends DataLoaderRegistry {

		private volatile Registrations registrations;

		private volatile GraphQLContext context = GraphQLContext.getDefault();

		private volatile boolean namesReadAgain;

		void makeFrom(Registrations registrations, GraphQLContext context) {
			this.registrations = registrations;
			this.context = context;
		}

		@Override
		public <K, V> DataLoader<K, V> getDataLoader(String key) {
			DataLoader<K, V> made = super.getDataLoader(key);
			Registrations source = this.registrations;
			if (made != null || source == null) {
				return made;
			}
			DefaultBatchLoaderRegistry maker = source.byName().get(key);
			if (maker == null && !this.namesReadAgain) {
				// the names may have been read while a registration had no loader yet
				this.namesReadAgain = true;
				maker = source.readNames().get(key);
			}
			if (maker == null) {
				return null;
			}
			DefaultBatchLoaderRegistry found = maker;
			return computeIfAbsent(key, name -> {
				DataLoaderRegistry one = new DataLoaderRegistry();
				found.registerDataLoaders(one, this.context);
				return one.getDataLoader(name);
			});
		}

	}

}
