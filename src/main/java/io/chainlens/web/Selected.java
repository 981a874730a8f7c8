package io.chainlens.web;

import java.util.HashSet;
import java.util.Set;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;

/**
 * Whether a request asks for a path of fields below the one being fetched, read from the
 * request's syntax tree. {@code env.getSelectionSet()} answers the same but first builds
 * the normalized operation of the whole request, which cost a browse request more CPU
 * than the answer to it (a JFR profile at LARGE, bench/results
 * peer-LARGE-2026-12-04T2148Z); a handler deciding how much to read in one query needs
 * only a yes. Fields skipped by {@code @skip} or {@code @include} count as asked: the
 * handler then reads a little more than needed, never less.
 */
public final class Selected {

	private Selected() {
	}

	/** Whether the field being fetched selects {@code path}, e.g. sites, productions. */
	public static boolean path(DataFetchingEnvironment env, String... path) {
		for (Field field : env.getMergedField().getFields()) {
			if (selects(env, field.getSelectionSet(), path, 0)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether any field of the whole request, at any depth, has one of these names: what
	 * a handler priming the request's data loaders must ask, since every path of the
	 * request to the same keys is then answered from what it primed.
	 */
	public static boolean anywhereInRequest(DataFetchingEnvironment env, Set<String> names) {
		return anywhere(env, env.getOperationDefinition().getSelectionSet(), names, new HashSet<>());
	}

	private static boolean anywhere(DataFetchingEnvironment env, SelectionSet set, Set<String> names,
			Set<String> fragmentsSeen) {
		if (set == null) {
			return false;
		}
		for (Selection<?> selection : set.getSelections()) {
			if (selection instanceof Field field) {
				if (names.contains(field.getName()) || anywhere(env, field.getSelectionSet(), names, fragmentsSeen)) {
					return true;
				}
			}
			else if (selection instanceof InlineFragment fragment) {
				if (anywhere(env, fragment.getSelectionSet(), names, fragmentsSeen)) {
					return true;
				}
			}
			else if (selection instanceof FragmentSpread spread && fragmentsSeen.add(spread.getName())) {
				FragmentDefinition definition = env.getFragmentsByName().get(spread.getName());
				if (definition != null && anywhere(env, definition.getSelectionSet(), names, fragmentsSeen)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean selects(DataFetchingEnvironment env, SelectionSet set, String[] path, int depth) {
		if (depth == path.length) {
			return true;
		}
		if (set == null) {
			return false;
		}
		for (Selection<?> selection : set.getSelections()) {
			if (selection instanceof Field field) {
				if (field.getName().equals(path[depth]) && selects(env, field.getSelectionSet(), path, depth + 1)) {
					return true;
				}
			}
			else if (selection instanceof InlineFragment fragment) {
				if (selects(env, fragment.getSelectionSet(), path, depth)) {
					return true;
				}
			}
			else if (selection instanceof FragmentSpread spread) {
				FragmentDefinition definition = env.getFragmentsByName().get(spread.getName());
				if (definition != null && selects(env, definition.getSelectionSet(), path, depth)) {
					return true;
				}
			}
		}
		return false;
	}

}
