package io.chainlens.web;

import java.util.List;

/**
 * A page of a cursor connection (GraphQL Cursor Connections): its edges, whether more
 * follow, and how many the whole list holds. Every connection type of the schema maps to
 * it by its field names.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {

	public record Edge<T>(String cursor, T node) {
	}

	public record PageInfo(boolean hasNextPage, String endCursor) {
	}

	/**
	 * The page of the rows read after a cursor: a query reads one row more than the page,
	 * which says whether another page follows without counting.
	 */
	public static <T> Connection<T> of(List<Edge<T>> read, int first, int totalCount) {
		boolean more = read.size() > first;
		List<Edge<T>> page = more ? List.copyOf(read.subList(0, first)) : List.copyOf(read);
		return new Connection<>(page, new PageInfo(more, page.isEmpty() ? null : page.get(page.size() - 1).cursor()),
				totalCount);
	}

}
