package io.chainlens.database;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Runs one query for many parents at once, which is how every nested list of the API is
 * read: the query gets the parents' ids as {@code $ids} and returns each child with its
 * parent's id as {@code key}.
 */
public final class Batched {

	private Batched() {
	}

	/**
	 * Children per parent id; every id asked for is present, with an empty list if it has
	 * none.
	 */
	public static <T> Map<String, List<T>> grouped(Neo4jClient neo4j, String cypher, Collection<String> ids,
			Map<String, Object> params, Function<Record, T> mapper) {
		Map<String, List<T>> result = new LinkedHashMap<>();
		ids.forEach(id -> result.put(id, new ArrayList<>()));
		run(neo4j, cypher, ids, params, r -> result.get(r.get("key").asString()).add(mapper.apply(r)));
		return result;
	}

	/** One value per parent id; ids without a value are absent. */
	public static <T> Map<String, T> single(Neo4jClient neo4j, String cypher, Collection<String> ids,
			Map<String, Object> params, Function<Record, T> mapper) {
		Map<String, T> result = new LinkedHashMap<>();
		run(neo4j, cypher, ids, params, r -> result.put(r.get("key").asString(), mapper.apply(r)));
		return result;
	}

	private static void run(Neo4jClient neo4j, String cypher, Collection<String> ids, Map<String, Object> params,
			java.util.function.Consumer<Record> each) {
		if (ids.isEmpty()) {
			return;
		}
		neo4j.query(cypher).bind(List.copyOf(ids)).to("ids").bindAll(params).fetchAs(Boolean.class).mappedBy((t, r) -> {
			each.accept(r);
			return Boolean.TRUE;
		}).all();
	}

	/** The distinct ids of parents, in order. */
	public static <P> List<String> ids(Collection<P> parents, Function<P, String> id) {
		return parents.stream().map(id).distinct().toList();
	}

	/** Re-keys values found per id by the parent objects a batch mapping was given. */
	public static <P, V> Map<P, V> byKey(Collection<P> parents, Function<P, String> id, Map<String, V> values) {
		Map<P, V> result = new LinkedHashMap<>();
		for (P parent : parents) {
			V value = values.get(id.apply(parent));
			if (value != null) {
				result.put(parent, value);
			}
		}
		return result;
	}

}
