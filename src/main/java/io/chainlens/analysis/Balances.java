package io.chainlens.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.chainlens.analysis.LocalGraph.Feed;
import io.chainlens.analysis.LocalGraph.Make;
import io.chainlens.analysis.LocalGraph.Yield;
import io.chainlens.analysis.ProductBalance.DemandShare;
import io.chainlens.chain.Product;
import io.chainlens.company.Company;

/**
 * Computes product balances on a {@link LocalGraph} for one scenario, optionally without
 * one company's local sites (impact). Supply of a product is what local sites make of it
 * directly plus share × capacity of local sites making a process product that yields it.
 * Demand is the capacity of local sites making a product it FEEDS × the factor; a
 * co-product's own output carries no input demand (its inputs are counted at the process
 * product).
 */
final class Balances {

	private final LocalGraph graph;

	private final Scenario scenario;

	private final String removedCompanyId;

	private final Integer dueBy;

	// concurrent: the balances of a cached LocalGraph are shared by the requests that
	// use it; two threads computing one product compute the same value
	private final Map<String, ProductBalance> computed = new ConcurrentHashMap<>();

	Balances(LocalGraph graph, Scenario scenario) {
		this(graph, scenario, null);
	}

	Balances(LocalGraph graph, Scenario scenario, String removedCompanyId) {
		this(graph, scenario, removedCompanyId, null);
	}

	/**
	 * @param dueBy a year: lines whose year is later are left out (a target counts only
	 * what is due by its year); null counts every line
	 */
	Balances(LocalGraph graph, Scenario scenario, String removedCompanyId, Integer dueBy) {
		this.graph = graph;
		this.scenario = scenario;
		this.removedCompanyId = removedCompanyId;
		this.dueBy = dueBy;
	}

	Scenario scenario() {
		return scenario;
	}

	LocalGraph graph() {
		return graph;
	}

	ProductBalance of(String productId) {
		ProductBalance balance = computed.get(productId);
		if (balance == null) {
			balance = compute(productId);
			computed.put(productId, balance);
		}
		return balance;
	}

	/**
	 * Local MAKES of the product that count: the scenario's statuses, without the removed
	 * company, due by the year (a line of no year counts).
	 */
	List<Make> direct(String productId) {
		List<Make> lines = scenario == Scenario.PIPELINE
				? Stream.concat(graph.makesOf(productId).stream(), graph.leadsInTalksOf(productId).stream()).toList()
				: graph.makesOf(productId);
		return lines.stream()
			.filter(m -> scenario.counts(m.status()))
			.filter(m -> removedCompanyId == null || !removedCompanyId.equals(m.company().id()))
			.filter(m -> dueBy == null || m.year() == null || m.year() <= dueBy)
			.toList();
	}

	private ProductBalance compute(String productId) {
		Product product = graph.product(productId);
		Tally supply = new Tally();
		direct(productId).forEach(m -> supply.add(m, 1.0));
		double yielded = 0;
		for (Yield yield : graph.yieldsInto(productId)) {
			for (Make make : direct(yield.processId())) {
				supply.add(make, yield.share());
				yielded += make.capacity() == null ? 0 : yield.share() * make.capacity();
			}
		}
		List<DemandShare> shares = new ArrayList<>();
		Tally demand = new Tally();
		for (Feed feed : graph.feedsFrom(productId)) {
			Product consumer = graph.product(feed.outputId());
			List<Make> consumers = direct(feed.outputId());
			if (consumer == null || consumers.isEmpty()) {
				continue;
			}
			Tally made = new Tally();
			consumers.forEach(m -> made.add(m, 1.0));
			// a consumer whose factor is unknown has an unknown demand, whatever its
			// capacity
			Tally share = new Tally();
			consumers.forEach(m -> share.add(feed.perUnit() == null ? m.withoutCapacity() : m, 1.0));
			double amount = feed.perUnit() == null ? 0 : feed.perUnit() * share.capacity;
			consumers.forEach(m -> demand.add(feed.perUnit() == null ? m.withoutCapacity() : m, 0));
			demand.capacity += amount;
			Bound bound = share.bound();
			shares.add(new DemandShare(consumer, feed.perUnit(), made.bound() == Bound.UNKNOWN ? null : made.capacity,
					bound == Bound.UNKNOWN ? null : amount, share.sites.size(), share.unknownSites.size(),
					share.companies(), bound));
		}
		shares.sort(Comparator.comparing((DemandShare s) -> s.demand() == null ? -1 : s.demand())
			.reversed()
			.thenComparing(s -> s.product().id()));
		return new ProductBalance(product, supply.capacity, demand.capacity, supply.byCompany.size(), product.unit(),
				scenario, yielded, supply.sites.size(), supply.unknownSites.size(), demand.unknownSites.size(),
				supply.unknownSites.isEmpty() && demand.unknownSites.isEmpty(), supply.companies(), demand.companies(),
				List.copyOf(shares), supply.bound(), demand.bound(), supply.estimated, supply.unknownCompanies.size());
	}

	/**
	 * Known capacity (and the part of it from estimates), sites, sites of unknown
	 * capacity and companies of a set of MAKES.
	 */
	private static final class Tally {

		double capacity;

		double estimated;

		int knownMakes;

		final Set<String> sites = new LinkedHashSet<>();

		final Set<String> unknownSites = new LinkedHashSet<>();

		final Set<String> unknownCompanies = new LinkedHashSet<>();

		final Map<String, Company> byCompany = new TreeMap<>();

		void add(Make make, double share) {
			sites.add(make.siteId());
			byCompany.put(make.company().id(), make.company());
			if (make.capacity() == null) {
				unknownSites.add(make.siteId());
				unknownCompanies.add(make.company().id());
			}
			else {
				knownMakes++;
				capacity += share * make.capacity();
				if (make.estimated()) {
					estimated += share * make.capacity();
				}
			}
		}

		Bound bound() {
			return Bound.ofSum(knownMakes, unknownSites.size());
		}

		List<Company> companies() {
			return List.copyOf(byCompany.values());
		}

	}

}
