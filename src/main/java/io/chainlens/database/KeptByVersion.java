package io.chainlens.database;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Values computed from the graph, kept for the keys asked last while the graph's version
 * is unchanged: every write path moves the version on ({@link GraphState}), so a value
 * kept at a version that covers the one just read is still right. A graph without a
 * version (written from outside the app) keeps nothing, since nothing would tell a
 * change. A key asked again while its value is being computed at a version covering the
 * one read waits for that computation instead of starting its own: after a start or a
 * write, eight clients asking for one region matrix cost one computation, not eight at
 * once on the same cores.
 */
public final class KeptByVersion<K, V> {

	private record Kept<V>(GraphState.Version version, V value) {
	}

	private record Computing<V>(GraphState.Version version, CompletableFuture<V> value) {
	}

	private final Map<K, Kept<V>> kept;

	// guarded by kept
	private final Map<K, Computing<V>> computing = new HashMap<>();

	/** Keeps at most {@code capacity} keys, the most recently used. */
	public KeptByVersion(int capacity) {
		this.kept = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<K, Kept<V>> eldest) {
				return size() > capacity;
			}
		};
	}

	/**
	 * The value kept for the key at a version covering {@code version}; or the value
	 * another caller is computing at such a version, once computed; otherwise computed
	 * (outside the lock: keys do not wait for each other) and kept. When the computation
	 * waited for fails, the caller computes the value itself: the failure may be the
	 * other caller's own (its time budget, its cancelled request).
	 */
	public V get(Optional<GraphState.Version> version, K key, Supplier<V> compute) {
		if (version.isEmpty()) {
			return compute.get();
		}
		GraphState.Version read = version.get();
		Computing<V> theirs;
		Computing<V> mine = null;
		synchronized (kept) {
			Kept<V> found = kept.get(key);
			if (found != null && found.version().covers(read)) {
				return found.value();
			}
			theirs = computing.get(key);
			if (theirs == null || !theirs.version().covers(read)) {
				theirs = null;
				mine = new Computing<>(read, new CompletableFuture<>());
				computing.put(key, mine);
			}
		}
		if (theirs != null) {
			try {
				return theirs.value().get();
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for a value being computed", interrupted);
			}
			catch (ExecutionException failed) {
				return computeAndKeep(read, key, compute, null);
			}
		}
		return computeAndKeep(read, key, compute, mine);
	}

	private V computeAndKeep(GraphState.Version read, K key, Supplier<V> compute, Computing<V> mine) {
		V value;
		try {
			value = compute.get();
		}
		catch (Throwable failed) {
			// whatever ends the computation (a checked exception thrown sneakily
			// too) must release those waiting for it
			if (mine != null) {
				synchronized (kept) {
					computing.remove(key, mine);
				}
				mine.value().completeExceptionally(failed);
			}
			throw failed;
		}
		synchronized (kept) {
			Kept<V> found = kept.get(key);
			// a value of a later version, kept meanwhile, stays
			if (found == null || !found.version().covers(read) || found.version().equals(read)) {
				kept.put(key, new Kept<>(read, value));
			}
			if (mine != null) {
				computing.remove(key, mine);
			}
		}
		if (mine != null) {
			mine.value().complete(value);
		}
		return value;
	}

}
