package io.chainlens.company;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Companies, sites, productions, projects and platforms by id, for features that write
 * them and answer with what they wrote, and for features that start from one (impact).
 */
@Component
public class CompanyReads {

	private final CompanyQueries queries;

	CompanyReads(CompanyQueries queries) {
		this.queries = queries;
	}

	public Optional<Company> company(String id) {
		return queries.company(id);
	}

	/** Companies by id, in one query; ids not in the graph are absent. */
	public Map<String, Company> companies(Collection<String> ids) {
		return queries.companiesById(ids);
	}

	public Optional<Site> site(String id) {
		return Optional.ofNullable(queries.sitesById(List.of(id)).get(id));
	}

	public Optional<Production> production(String siteId, String productId, String status) {
		return queries.production(siteId, productId, status);
	}

	public Optional<Project> project(String id) {
		return Optional.ofNullable(queries.projectsById(List.of(id)).get(id));
	}

	public Optional<Platform> platform(String id) {
		return Optional.ofNullable(queries.platformsById(List.of(id)).get(id));
	}

}
