package io.chainlens.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.chainlens.chain.Chain;
import io.chainlens.chain.Product;
import io.chainlens.chain.Segment;
import io.chainlens.chain.Target;
import io.chainlens.company.Company;

/**
 * What the analysis reads from the database, in a few queries, before it computes in
 * memory: the chains and products, the product graph (FEEDS, YIELDS), everything the
 * focus region makes, platforms per segment and targets per product. Its size follows the
 * product catalogue and the region's sites, not the number of chains asked about, nor the
 * nation's sites. Immutable once built, so requests share it while the graph's version is
 * unchanged ({@link LocalGraphCache}), together with what they derive from it (balances
 * per scenario, gaps).
 */
final class LocalGraph {

	/** A chain with its segments left to right. */
	record ChainInfo(Chain chain, List<SegmentInfo> segments) {
	}

	/** A segment with its products. */
	record SegmentInfo(Segment segment, Chain chain, List<Product> products) {
	}

	/**
	 * Input per unit of output, in the two products' canonical units; perUnit may be
	 * unknown.
	 */
	record Feed(String inputId, String outputId, Double perUnit, String writtenAs, String source) {
	}

	/**
	 * A site making the process product also makes share × its capacity of the
	 * co-product.
	 */
	record Yield(String processId, String productId, double share, String source) {
	}

	/**
	 * One MAKES of a local site; capacity null when not known; estimated when its source
	 * is an {@code estimate:} rather than a publication or the seed.
	 */
	record Make(Company company, String siteId, String productId, String status, Double capacity, boolean estimated,
			Integer year) {

		/**
		 * The same MAKES counted as unknown, for a consumer whose FEEDS factor is not
		 * known.
		 */
		Make withoutCapacity() {
			return new Make(company, siteId, productId, status, null, estimated, year);
		}

		static boolean isEstimate(String source) {
			return source != null && source.strip().startsWith("estimate:");
		}

	}

	/** A platform supporting a segment. */
	record PlatformSupport(String segmentId, String id, String nameZh, String kind, String status) {
	}

	/**
	 * The chains, products and product graph: the same for every region at one version of
	 * the graph, so read once and shared by the regions' local graphs (a national
	 * catalogue of thousands of products was most of a region's first read).
	 */
	static final class Catalogue {

		private final List<ChainInfo> chains;

		private final Map<String, Product> products = new LinkedHashMap<>();

		private final Map<String, SegmentInfo> segmentOfProduct = new LinkedHashMap<>();

		private final Map<String, List<Feed>> feedsFrom = new LinkedHashMap<>();

		private final Map<String, List<Feed>> feedsInto = new LinkedHashMap<>();

		private final Map<String, List<Yield>> yieldsInto = new LinkedHashMap<>();

		private final Map<String, List<Yield>> yieldsFrom = new LinkedHashMap<>();

		// per chain id, what linesForChain answers (empty for a chain not here)
		private final Map<String, Optional<Set<String>>> linesForChain = new ConcurrentHashMap<>();

		Catalogue(List<ChainInfo> chains, List<Feed> feeds, List<Yield> yields) {
			this.chains = List.copyOf(chains);
			for (ChainInfo chain : chains) {
				for (SegmentInfo segment : chain.segments()) {
					for (Product product : segment.products()) {
						products.putIfAbsent(product.id(), product);
						segmentOfProduct.putIfAbsent(product.id(), segment);
					}
				}
			}
			// sorted so that lists built from them (inputs, consumers, explanations) do
			// not depend on the order the database returns rows in
			feeds.stream().sorted(Comparator.comparing(Feed::inputId).thenComparing(Feed::outputId)).forEach(f -> {
				feedsFrom.computeIfAbsent(f.inputId(), k -> new ArrayList<>()).add(f);
				feedsInto.computeIfAbsent(f.outputId(), k -> new ArrayList<>()).add(f);
			});
			yields.forEach(y -> {
				yieldsInto.computeIfAbsent(y.productId(), k -> new ArrayList<>()).add(y);
				yieldsFrom.computeIfAbsent(y.processId(), k -> new ArrayList<>()).add(y);
			});
		}

		/**
		 * The products whose local lines the balances of a chain's products read: the
		 * chain's products (supply), the products they feed (demand) and the process
		 * products yielding any of these (co-product supply); null for a chain not in the
		 * catalogue.
		 */
		Set<String> linesForChain(String chainId) {
			// asked by every gaps request of a chain's part, warm ones too: worked
			// out once per catalogue
			return linesForChain.computeIfAbsent(chainId, id -> {
				ChainInfo chain = chains.stream().filter(c -> c.chain().id().equals(id)).findFirst().orElse(null);
				if (chain == null) {
					return Optional.empty();
				}
				Set<String> read = new TreeSet<>();
				chain.segments().forEach(s -> s.products().forEach(p -> read.add(p.id())));
				for (String product : List.copyOf(read)) {
					feedsFrom.getOrDefault(product, List.of()).forEach(f -> read.add(f.outputId()));
					yieldsInto.getOrDefault(product, List.of()).forEach(y -> read.add(y.processId()));
				}
				return Optional.of(Set.copyOf(read));
			}).orElse(null);
		}

	}

	private final String region;

	private final String regionName;

	private final Catalogue catalogue;

	private final int lines;

	private final List<ChainInfo> chains;

	private final Map<String, Product> products;

	private final Map<String, SegmentInfo> segmentOfProduct;

	private final Map<String, List<Feed>> feedsFrom;

	private final Map<String, List<Feed>> feedsInto;

	private final Map<String, List<Yield>> yieldsInto;

	private final Map<String, List<Yield>> yieldsFrom;

	private final Map<String, List<Make>> makesOf = new LinkedHashMap<>();

	private final List<Make> makes;

	private final Map<String, List<Make>> leadsOf = new LinkedHashMap<>();

	private final Map<String, List<PlatformSupport>> platformsOf = new LinkedHashMap<>();

	private final Map<String, List<Target>> targetsOf = new LinkedHashMap<>();

	private final Set<String> madeHere = new TreeSet<>();

	private final Map<Object, Object> derived;

	private final Map<String, Set<String>> groups;

	// what it was built from, to build a successor from when a write touched a few sites
	private final List<Make> read;

	private static final AtomicLong IDENTITIES = new AtomicLong();

	// names this graph where holding it would keep its lines in memory (RankedCandidates)
	private final long identity = IDENTITIES.incrementAndGet();

	private final List<PlatformSupport> platforms;

	private final List<Target> targets;

	/**
	 * A local graph on a catalogue of its own (for one product's regions: a part of it).
	 */
	LocalGraph(String region, String regionName, List<ChainInfo> chains, List<Feed> feeds, List<Yield> yields,
			List<Make> makes, List<PlatformSupport> platforms, List<Target> targets, Map<String, Set<String>> groups) {
		this(region, regionName, new Catalogue(chains, feeds, yields), makes, platforms, targets, groups);
	}

	/**
	 * @param groups per local company with group links, the other companies of its group
	 */
	LocalGraph(String region, String regionName, Catalogue catalogue, List<Make> makes, List<PlatformSupport> platforms,
			List<Target> targets, Map<String, Set<String>> groups) {
		this.region = region;
		this.regionName = regionName;
		this.groups = Map.copyOf(groups);
		this.read = List.copyOf(makes);
		this.platforms = List.copyOf(platforms);
		this.targets = List.copyOf(targets);
		this.derived = new ConcurrentHashMap<>();
		this.catalogue = catalogue;
		this.lines = makes.size();
		this.chains = catalogue.chains;
		this.products = catalogue.products;
		this.segmentOfProduct = catalogue.segmentOfProduct;
		this.feedsFrom = catalogue.feedsFrom;
		this.feedsInto = catalogue.feedsInto;
		this.yieldsInto = catalogue.yieldsInto;
		this.yieldsFrom = catalogue.yieldsFrom;
		this.makes = makes.stream().filter(m -> !Scenario.LEAD_IN_TALKS.equals(m.status())).toList();
		makes.forEach(m -> {
			if (Scenario.LEAD_IN_TALKS.equals(m.status())) {
				// a lead in talks makes nothing here yet: only the PIPELINE balances see
				// it
				leadsOf.computeIfAbsent(m.productId(), k -> new ArrayList<>()).add(m);
				return;
			}
			makesOf.computeIfAbsent(m.productId(), k -> new ArrayList<>()).add(m);
			madeHere.add(m.productId());
		});
		platforms.forEach(p -> platformsOf.computeIfAbsent(p.segmentId(), k -> new ArrayList<>()).add(p));
		targets.forEach(t -> targetsOf.computeIfAbsent(t.productId(), k -> new ArrayList<>()).add(t));
	}

	// the same graph under another identity, sharing what was derived from it
	private LocalGraph(LocalGraph same) {
		this.region = same.region;
		this.regionName = same.regionName;
		this.catalogue = same.catalogue;
		this.lines = same.lines;
		this.chains = same.chains;
		this.products = same.products;
		this.segmentOfProduct = same.segmentOfProduct;
		this.feedsFrom = same.feedsFrom;
		this.feedsInto = same.feedsInto;
		this.yieldsInto = same.yieldsInto;
		this.yieldsFrom = same.yieldsFrom;
		this.makesOf.putAll(same.makesOf);
		this.makes = same.makes;
		this.leadsOf.putAll(same.leadsOf);
		this.platformsOf.putAll(same.platformsOf);
		this.targetsOf.putAll(same.targetsOf);
		this.madeHere.addAll(same.madeHere);
		this.derived = same.derived;
		this.groups = same.groups;
		this.read = same.read;
		this.platforms = same.platforms;
		this.targets = same.targets;
	}

	/**
	 * This graph under a new identity, for a newer version of the database that left the
	 * region's lines as they were: what was derived from the lines stays, while what is
	 * kept per graph identity elsewhere ({@link RankedCandidates}) starts afresh unless
	 * carried over.
	 */
	LocalGraph restamped() {
		return new LocalGraph(this);
	}

	/**
	 * This graph with the lines of some sites replaced by {@code current}, their lines in
	 * the region as read now (none for a site no longer in it), in the order a whole read
	 * returns them, so that the result is the graph a whole read would give.
	 * @param currentGroups the group links of the companies of {@code current}
	 */
	LocalGraph withLinesOf(Set<String> siteIds, List<Make> current, Map<String, Set<String>> currentGroups) {
		List<Make> lines = new ArrayList<>(read.size() + current.size());
		read.stream().filter(m -> !siteIds.contains(m.siteId())).forEach(lines::add);
		lines.addAll(current);
		lines.sort(READ_ORDER);
		Map<String, Set<String>> allGroups = new LinkedHashMap<>(groups);
		allGroups.putAll(currentGroups);
		return new LocalGraph(region, regionName, catalogue, lines, platforms, targets, allGroups);
	}

	/**
	 * The order a region's lines are kept in: by company, site, product and status (a
	 * null last).
	 */
	static final Comparator<Make> READ_ORDER = Comparator.comparing((Make m) -> m.company().id())
		.thenComparing(Make::siteId)
		.thenComparing(Make::productId)
		.thenComparing(Make::status, Comparator.nullsLast(Comparator.naturalOrder()));

	/** Which of these sites have lines here (leads in talks included), in one pass. */
	Set<String> sitesWithLines(Set<String> siteIds) {
		Set<String> found = new TreeSet<>();
		for (Make m : read) {
			if (siteIds.contains(m.siteId())) {
				found.add(m.siteId());
			}
		}
		return found;
	}

	/**
	 * The region as the queries name it (the configured focus region's name, or an id).
	 */
	String region() {
		return region;
	}

	/**
	 * This graph's identity as a number, larger for a graph made later: a successor's is
	 * larger than its predecessor's.
	 */
	long identity() {
		return identity;
	}

	/** The catalogue this graph shares with the other regions' at its version. */
	Catalogue catalogue() {
		return catalogue;
	}

	/** How many local capacity lines (and leads in talks) the graph holds: its weight. */
	int lines() {
		return lines;
	}

	/** The region's Chinese name, for explanations. */
	String regionName() {
		return regionName;
	}

	List<ChainInfo> chains() {
		return chains;
	}

	Optional<ChainInfo> chain(String chainId) {
		return chains.stream().filter(c -> c.chain().id().equals(chainId)).findFirst();
	}

	Product product(String productId) {
		return products.get(productId);
	}

	/** The segment (and chain) a product belongs to. */
	SegmentInfo segmentOf(String productId) {
		return segmentOfProduct.get(productId);
	}

	/** What the product is fed into: its consumers' FEEDS. */
	List<Feed> feedsFrom(String productId) {
		return feedsFrom.getOrDefault(productId, List.of());
	}

	/** The product's inputs' FEEDS. */
	List<Feed> feedsInto(String productId) {
		return feedsInto.getOrDefault(productId, List.of());
	}

	/** The process products that yield this product as a co-product. */
	List<Yield> yieldsInto(String productId) {
		return yieldsInto.getOrDefault(productId, List.of());
	}

	/** The co-products of a process product. */
	List<Yield> yieldsFrom(String processId) {
		return yieldsFrom.getOrDefault(processId, List.of());
	}

	/** Local MAKES of the product, every status. */
	List<Make> makesOf(String productId) {
		return makesOf.getOrDefault(productId, List.of());
	}

	/**
	 * The capacities of the region's leads in talks for the product, as lines of status
	 * {@link Scenario#LEAD_IN_TALKS}.
	 */
	List<Make> leadsInTalksOf(String productId) {
		return leadsOf.getOrDefault(productId, List.of());
	}

	List<Make> makes() {
		return makes;
	}

	/** Ids of the products a local site makes, any status. */
	Set<String> madeHere() {
		return madeHere;
	}

	/** The balances of a scenario, computed once per graph. */
	Balances balances(Scenario scenario) {
		return derived(scenario, () -> new Balances(this, scenario));
	}

	/** The balances of a scenario counting only lines due by the year, once per graph. */
	Balances balancesDueBy(Scenario scenario, int year) {
		return derived(List.of(scenario, year), () -> new Balances(this, scenario, null, year));
	}

	/**
	 * A value computed from this graph alone, once: the key names what it is (the same
	 * key always names the same computation). Two threads asking at once may both compute
	 * it; the first stored is kept.
	 */
	@SuppressWarnings("unchecked")
	<T> T derived(Object key, Supplier<T> compute) {
		Object value = derived.get(key);
		if (value == null) {
			value = compute.get();
			Object earlier = derived.putIfAbsent(key, value);
			if (earlier != null) {
				value = earlier;
			}
		}
		return (T) value;
	}

	/**
	 * Whether two local companies belong to one group (a parent and its units): a unit is
	 * not another company to its own group.
	 */
	boolean sameGroup(String companyId, String otherId) {
		return groups.getOrDefault(companyId, Set.of()).contains(otherId);
	}

	List<PlatformSupport> platformsOf(String segmentId) {
		return platformsOf.getOrDefault(segmentId, List.of());
	}

	List<Target> targetsOf(String productId) {
		return targetsOf.getOrDefault(productId, List.of());
	}

}
