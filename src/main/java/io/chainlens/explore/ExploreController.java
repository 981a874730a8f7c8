package io.chainlens.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import graphql.schema.DataFetchingFieldSelectionSet;

import io.chainlens.analysis.ProductBalance;
import io.chainlens.analysis.RegionFigures;
import io.chainlens.analysis.Scenario;
import io.chainlens.chain.Product;
import io.chainlens.chain.ProductLookup;
import io.chainlens.chain.Region;
import io.chainlens.company.Company;
import io.chainlens.company.CompanyReads;
import io.chainlens.web.BadArgument;
import io.chainlens.web.GraphQlLimits;
import io.chainlens.web.NotFound;

import static io.chainlens.database.Batched.byKey;
import static io.chainlens.database.Batched.ids;

@Controller
class ExploreController {

	private final ExploreQueries queries;

	private final ProductLookup products;

	private final CompanyReads companies;

	private final GraphQlLimits limits;

	private final RegionFigures figures;

	ExploreController(ExploreQueries queries, ProductLookup products, CompanyReads companies, GraphQlLimits limits,
			RegionFigures figures) {
		this.figures = figures;
		this.queries = queries;
		this.products = products;
		this.companies = companies;
		this.limits = limits;
	}

	@QueryMapping
	List<RegionRank> regionRanking(@Argument String productId, @Argument String by, @Argument String level,
			@Argument String scenario, @Argument Integer first, DataFetchingFieldSelectionSet selection) {
		if (products.byId(List.of(productId)).isEmpty()) {
			throw new NotFound("There is no product with id '" + productId + "' (argument 'productId')");
		}
		String rankBy = (by == null) ? "CAPACITY" : by;
		if (!RANK_BY.contains(rankBy)) {
			throw new BadArgument("by", "must be one of " + String.join(", ", RANK_BY) + ", not '" + by + "'");
		}
		String regionLevel = level(level);
		boolean planned = planned(scenario);
		int wanted = limits.checkFirst(first == null ? 20 : first);
		boolean bySelfSufficiency = rankBy.equals("SELF_SUFFICIENCY");
		// by self-sufficiency every region making the product is ranked in memory: the
		// ratio is the analysis's, not a column
		List<RegionRank> ranked = queries.ranking(productId, regionLevel, planned, rankBy.equals("PRODUCERS"),
				bySelfSufficiency ? Integer.MAX_VALUE : wanted);
		// the figures cost a query and a balance per region: read only when asked or
		// ranked by
		Map<String, ProductBalance> balances = (bySelfSufficiency || selection.containsAnyOf(FIGURES))
				? figures.ofProduct(productId, regionLevel, planned ? Scenario.PLANNED : Scenario.CURRENT) : Map.of();
		List<RegionRank> ordered = ranked;
		if (bySelfSufficiency) {
			ordered = ranked.stream()
				.map(r -> r.numbered(0, balances.get(r.region().id())))
				.sorted(Comparator.comparing(RegionRank::selfSufficiency, NULLS_LAST_DESCENDING)
					.thenComparing(RegionRank::knownCapacity, NULLS_LAST_DESCENDING)
					.thenComparing(r -> r.region().id()))
				.limit(wanted)
				.toList();
		}
		List<RegionRank> numbered = new ArrayList<>();
		for (RegionRank r : ordered) {
			numbered.add(r.numbered(numbered.size() + 1, balances.get(r.region().id())));
		}
		return numbered;
	}

	/** The fields of a region's analysis (glob of the selection set). */
	private static final String FIGURES = "{localDemand,selfSufficiency,selfSufficiencyBound}";

	private static final String CELL_FIGURES = "cells/gaps";

	/** The orders of regionRanking. */
	private static final List<String> RANK_BY = List.of("CAPACITY", "PRODUCERS", "SELF_SUFFICIENCY");

	/** Largest first; an unknown figure after every known one, never as 0. */
	private static final Comparator<Double> NULLS_LAST_DESCENDING = Comparator
		.nullsLast(Comparator.<Double>reverseOrder());

	@QueryMapping
	RegionMatrix regionMatrix(@Argument String chainId, @Argument String level, @Argument String scenario,
			@Argument Integer first, DataFetchingFieldSelectionSet selection) {
		List<Product> chainProducts = queries.productsOfChain(chainId);
		if (chainProducts.isEmpty()) {
			throw new NotFound("There is no chain with id '" + chainId + "' (argument 'chainId')");
		}
		String regionLevel = level(level);
		int regionsWanted = limits.checkFirst(first == null ? 40 : first);
		Map<String, Product> byId = new LinkedHashMap<>();
		chainProducts.forEach(p -> byId.put(p.id(), p));
		List<RegionMatrix.Cell> all = queries.cells(chainId, regionLevel, planned(scenario), byId);
		// the regions making most of the chain first: by producers summed over its
		// products
		Map<String, Integer> weight = new LinkedHashMap<>();
		Map<String, Region> regions = new LinkedHashMap<>();
		for (RegionMatrix.Cell cell : all) {
			weight.merge(cell.region().id(), cell.producers(), Integer::sum);
			regions.putIfAbsent(cell.region().id(), cell.region());
		}
		List<Region> kept = regions.values()
			.stream()
			.sorted(Comparator.comparing((Region r) -> -weight.get(r.id())).thenComparing(Region::id))
			.limit(regionsWanted)
			.toList();
		List<String> keptIds = kept.stream().map(Region::id).toList();
		// positions looked up in maps: a sort of a country's cells that searched the
		// lists
		// for each comparison cost more than the analysis of the kept cells
		Map<String, Integer> regionAt = positions(keptIds);
		Map<String, Integer> productAt = positions(List.copyOf(byId.keySet()));
		List<RegionMatrix.Cell> cells = all.stream()
			.filter(c -> regionAt.containsKey(c.region().id()))
			.sorted(Comparator.comparingInt((RegionMatrix.Cell c) -> regionAt.get(c.region().id()))
				.thenComparingInt(c -> productAt.getOrDefault(c.product().id(), -1)))
			.toList();
		if (!selection.containsAnyOf("cells/" + FIGURES, CELL_FIGURES)) {
			// each region's analysis is a local graph: not read for a matrix of
			// capacities
			return new RegionMatrix(chainId, regionLevel, kept, chainProducts, cells);
		}
		Map<String, Map<String, RegionFigures.Cell>> analysed = figures.ofChain(chainId, keptIds,
				scenario == null ? Scenario.CURRENT : Scenario.valueOf(scenario));
		return new RegionMatrix(chainId, regionLevel, kept, chainProducts,
				cells.stream().map(c -> c.with(analysed.get(c.region().id()).get(c.product().id()))).toList());
	}

	private static Map<String, Integer> positions(List<String> ids) {
		Map<String, Integer> at = new HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			at.putIfAbsent(ids.get(i), i);
		}
		return at;
	}

	/**
	 * PLANNED or not; PIPELINE is refused: leads are the focus region's, and
	 * confidential, while the explorer compares every region by its capacity lines.
	 */
	private static boolean planned(String scenario) {
		if ("PIPELINE".equals(scenario)) {
			throw new BadArgument("scenario",
					"PIPELINE counts the focus region's leads only; compare regions with " + "CURRENT or PLANNED");
		}
		return "PLANNED".equals(scenario);
	}

	private static String level(String level) {
		String regionLevel = (level == null) ? "PROVINCE" : level;
		if (!Region.LEVELS.contains(regionLevel)) {
			throw new BadArgument("level",
					"must be one of " + String.join(", ", Region.LEVELS) + ", not '" + level + "'");
		}
		return regionLevel;
	}

	@BatchMapping(typeName = "RegionLeader", field = "company")
	Map<RegionRank.RegionLeader, Company> companyOfLeaders(List<RegionRank.RegionLeader> leaders) {
		return byKey(leaders, RegionRank.RegionLeader::companyId,
				companies.companies(ids(leaders, RegionRank.RegionLeader::companyId)));
	}

}
