package io.chainlens.company;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.chainlens.database.GraphState;
import io.chainlens.web.GraphQlLimits;

/**
 * The first page of each chain's companies, kept with the graph's version it was read at.
 * Finding a chain's local companies in a national register takes a walk over the region's
 * sites (tens of milliseconds per chain), while the page changes only when the graph
 * does: a request reads the version (one small query) and reads again only the chains
 * whose kept page is older. The version is read before the pages, so a write committing
 * in between makes a page newer than its version says, never older.
 */
@Component
class ChainCompanyPages {

	/** More than the chains of any city; a bound, not a tuning knob. */
	static final int CHAINS = 256;

	private record Kept(GraphState.Version version, List<Company> page) {
	}

	private final CompanyQueries queries;

	private final int pageSize;

	private final Map<String, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
			return size() > CHAINS;
		}

	};

	ChainCompanyPages(CompanyQueries queries, GraphQlLimits limits) {
		this.queries = queries;
		this.pageSize = limits.maxPageSize();
	}

	/** The first page (of the largest size) of each chain's companies. */
	Map<String, List<Company>> of(Collection<String> chainIds) {
		Optional<GraphState.Version> version = queries.version();
		Map<String, List<Company>> result = new LinkedHashMap<>();
		List<String> missing = new ArrayList<>();
		synchronized (kept) {
			for (String id : chainIds) {
				Kept page = kept.get(id);
				if (version.isPresent() && page != null && page.version().covers(version.get())) {
					result.put(id, page.page());
				}
				else {
					missing.add(id);
				}
			}
		}
		if (!missing.isEmpty()) {
			Map<String, List<Company>> read = queries.companiesOfChains(missing, pageSize);
			synchronized (kept) {
				// a graph without a version (written from outside the app) keeps nothing:
				// nothing would tell a change
				version.ifPresent(v -> read.forEach((id, page) -> kept.put(id, new Kept(v, List.copyOf(page)))));
			}
			result.putAll(read);
		}
		return result;
	}

}
