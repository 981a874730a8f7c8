package io.chainlens.web;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

/**
 * Hands a field's data loader what one query has already read: a handler that reads a
 * whole question in one round trip (a company's card, a chain's outline) primes the batch
 * mappings of the nested fields, which then read nothing.
 */
public final class Primed {

	private Primed() {
	}

	/**
	 * Gives a batch mapping's data loader (named by its field, {@code Type.field}) the
	 * value of one key, so that resolving the field for that key reads nothing.
	 */
	public static <K, V> void prime(DataFetchingEnvironment env, String loader, K key, V value) {
		DataLoader<K, V> dataLoader = env.getDataLoader(loader);
		if (dataLoader != null) {
			dataLoader.prime(key, value);
		}
	}

}
