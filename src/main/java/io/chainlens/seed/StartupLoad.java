package io.chainlens.seed;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import io.chainlens.database.EmbeddedNeo4j;
import io.chainlens.database.SchemaMigrations;

/**
 * Applies the schema and loads the seed graph into an empty database at start, on a
 * thread of its own while Spring builds the web layer, which needs neither. Spring waits
 * for it before the app starts serving, so no request sees a half-loaded graph, and a
 * failure here fails the start with its own message.
 */
@Component
class StartupLoad implements SmartInitializingSingleton, DisposableBean {

	private final CompletableFuture<Void> done;

	StartupLoad(SchemaMigrations schema, SeedLoader loader, SeedSettings settings,
			ObjectProvider<EmbeddedNeo4j> embedded, ObjectProvider<OfflineImport.Imported> offlineImport) {
		this.done = CompletableFuture.runAsync(() -> {
			if (offlineImport.getIfAvailable() != null) {
				schema.applyToImportedStore();
			}
			else {
				schema.apply();
			}
			if (settings.loadOnStart() && loader.loadIfEmpty(settings.location())) {
				// what lets the build's store serve as the template of new stores
				embedded.ifAvailable(neo4j -> neo4j.recordSeeded(settings.location()));
			}
		}, runnable -> new Thread(runnable, "chainlens-startup-load").start());
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			done.join();
		}
		catch (CompletionException ex) {
			// the cause (e.g. SeedInvalid) stays in the chain, where the failure
			// analyzers find it
			throw new BeanInitializationException(
					"Applying the schema or loading the seed graph failed: " + ex.getCause().getMessage(),
					ex.getCause());
		}
	}

	/** A start that fails elsewhere lets the load end before the driver closes. */
	@Override
	public void destroy() {
		done.exceptionally(ex -> null).join();
	}

}
