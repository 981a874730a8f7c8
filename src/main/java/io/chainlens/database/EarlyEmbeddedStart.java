package io.chainlens.database;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the embedded database on a thread of its own as soon as the configuration is
 * known, before Spring has read a single bean definition: the database takes seconds to
 * come up, and Spring builds the rest of the app meanwhile. The database bean then takes
 * the started database, or its start failure, from here.
 */
class EarlyEmbeddedStart implements ApplicationListener<ApplicationContextInitializedEvent> {

	static final String BEAN_NAME = "chainlens.earlyEmbeddedStart";

	@Override
	public void onApplicationEvent(ApplicationContextInitializedEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		Binder binder = Binder.get(context.getEnvironment());
		Neo4jSettings settings = binder.bindOrCreate("chainlens.neo4j", Neo4jSettings.class);
		if (!settings.embedded() || !(context.getBeanFactory() instanceof DefaultListableBeanFactory beans)) {
			return;
		}
		// io.chainlens.seed.SeedSettings, read here before any bean exists: a store
		// template stands for a seed load, so it is used only when one would happen
		String seedLocation = binder.bind("chainlens.seed.load-on-start", Boolean.class).orElse(true)
				? binder.bind("chainlens.seed.location", String.class).orElse("classpath:graph-seed") : null;
		Starting starting = new Starting(
				CompletableFuture.supplyAsync(() -> EmbeddedNeo4j.start(settings, seedLocation),
						runnable -> new Thread(runnable, "chainlens-embedded-neo4j-start").start()));
		beans.registerSingleton(BEAN_NAME, starting);
		// a start that fails before the database bean is made still stops the database
		beans.registerDisposableBean(BEAN_NAME, starting);
	}

	/** The database on its way up. */
	static final class Starting implements DisposableBean {

		private final CompletableFuture<EmbeddedNeo4j> neo4j;

		private boolean taken;

		private Starting(CompletableFuture<EmbeddedNeo4j> neo4j) {
			this.neo4j = neo4j;
		}

		/**
		 * Waits for the database; from then on its bean owns it.
		 * @throws RuntimeException the start's own failure (e.g. {@link StoreInUse})
		 */
		synchronized EmbeddedNeo4j take() {
			try {
				EmbeddedNeo4j started = neo4j.join();
				taken = true;
				return started;
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof RuntimeException cause) {
					throw cause;
				}
				throw ex;
			}
		}

		@Override
		public synchronized void destroy() {
			if (!taken) {
				neo4j.thenAccept(EmbeddedNeo4j::close).exceptionally(ex -> null).join();
			}
		}

	}

}
