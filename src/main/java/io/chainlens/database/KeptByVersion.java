package io.chainlens.database;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Values computed from the graph, kept for the keys asked last while the graph's version
 * is unchanged: every write path moves the version on ({@link GraphState}), so a value
 * kept at a version that covers the one just read is still right. A graph without a
 * version (written from outside the app) keeps nothing, since nothing would tell a
 * change.
 */
public final class KeptByVersion<K, V> {

	private record Kept<V>(GraphState.Version version, V value) {
	}

	private final Map<K, Kept<V>> kept;

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
	 * The value kept for the key at a version covering {@code version}; otherwise
	 * computed (outside the lock: keys do not wait for each other) and kept.
	 */
	public V get(Optional<GraphState.Version> version, K key, Supplier<V> compute) {
		if (version.isPresent()) {
			synchronized (kept) {
				Kept<V> found = kept.get(key);
				if (found != null && found.version().covers(version.get())) {
					return found.value();
				}
			}
		}
		V value = compute.get();
		version.ifPresent(v -> {
			synchronized (kept) {
				kept.put(key, new Kept<>(v, value));
			}
		});
		return value;
	}

}
