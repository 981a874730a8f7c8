package io.chainlens.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.chainlens.chain.GovUnit;
import io.chainlens.chain.Product;
import io.chainlens.company.Company;

/**
 * What the pipeline's pages, counts, gap pipelines and target rules need of every lead —
 * a few fields and its proposals, not its history or contacts — read in one query and
 * kept for a graph version ({@link LeadReads}). With 20,000 leads it holds a few MB; each
 * answer is then a pass over it instead of a scan of every lead's chains, stages and
 * dates in the database per request.
 */
final class LeadDigest {

	/** Reads every lead's entry; {@link #of} takes its rows. */
	static final String READ = "MATCH (l:Lead) RETURN " + LeadReads.LEAD_WITHOUT_LOG + """
			 AS lead,
			[l.reachedPreliminary, l.reachedSigned, l.reachedConstruction, l.reachedProduction] AS reached""";

	/** The stages whose first reaching is dated, in the order of {@code reached}. */
	private static final List<LeadStage> DATED = List.of(LeadStage.PRELIMINARY, LeadStage.SIGNED,
			LeadStage.CONSTRUCTION, LeadStage.PRODUCTION);

	/**
	 * A lead as the digest keeps it (without history and contacts); {@code reached} in
	 * the order of {@link #DATED}.
	 */
	record Entry(Lead lead, List<LocalDate> reached) {

		String id() {
			return lead.id();
		}

		long created() {
			return lead.created();
		}

		LeadStage stage() {
			return lead.stage();
		}

		List<String> chainIds() {
			return lead.chainIds();
		}

		Double investment() {
			return lead.investment();
		}

		boolean readableBy(LeadReads.Readable readable) {
			return readable.all() || chainIds().stream().anyMatch(readable.chains()::contains);
		}

		LocalDate reached(LeadStage dated) {
			int at = DATED.indexOf(dated);
			if (at < 0) {
				throw new IllegalArgumentException("no target rule counts leads reaching " + dated);
			}
			return reached.get(at);
		}

	}

	/** Newest first, then by id: the order of the leads pages. */
	private static final Comparator<Entry> NEWEST_FIRST = Comparator.comparingLong(Entry::created)
		.reversed()
		.thenComparing(Entry::id);

	private final List<Entry> newestFirst;

	/**
	 * The entries of each chain, newest first: a chain's board passes over its own leads,
	 * not the nation's (a pass over 20,000 entries was a tenth of a page's time).
	 */
	private final Map<String, List<Entry>> newestFirstByChain;

	private final Map<String, List<LeadReads.Proposing>> activeByProduct;

	private final References references;

	private LeadDigest(List<Entry> newestFirst, Map<String, List<LeadReads.Proposing>> activeByProduct,
			References references) {
		this.newestFirst = newestFirst;
		Map<String, List<Entry>> byChain = new TreeMap<>();
		for (Entry entry : newestFirst) {
			entry.chainIds().forEach(chain -> byChain.computeIfAbsent(chain, k -> new ArrayList<>()).add(entry));
		}
		byChain.replaceAll((chain, entries) -> List.copyOf(entries));
		this.newestFirstByChain = byChain;
		this.activeByProduct = activeByProduct;
		this.references = references;
	}

	/**
	 * The companies, owning units and products a page of leads names, kept with the
	 * digest once read: the board's pages then name their leads without a read of their
	 * own each time (at 20,000 leads those reads were most of the database's work per
	 * page). Filled as pages ask, not with the digest: reading all the leads' companies
	 * up front doubled the cost of the first page after a write. A value read after a
	 * later write may be newer than the digest, never older.
	 */
	static final class References {

		final Map<String, Company> companies = new ConcurrentHashMap<>();

		final Map<String, GovUnit> owners = new ConcurrentHashMap<>();

		final Map<String, Product> products = new ConcurrentHashMap<>();

		/** The values of the ids from {@code kept}, the missing ones read and kept. */
		static <T> Map<String, T> lookUp(Map<String, T> kept, Collection<String> ids,
				Function<List<String>, Map<String, T>> read) {
			List<String> missing = ids.stream().filter(id -> !kept.containsKey(id)).toList();
			if (!missing.isEmpty()) {
				// an id the database does not know stays unknown: nothing is kept for it
				kept.putAll(read.apply(missing));
			}
			return kept;
		}

	}

	/** The digest of the rows of {@link #READ}. */
	static LeadDigest of(List<org.neo4j.driver.Record> rows) {
		List<Entry> entries = new ArrayList<>(rows.size());
		Map<String, List<LeadReads.Proposing>> byProduct = new TreeMap<>();
		for (org.neo4j.driver.Record row : rows) {
			Lead lead = Lead.of(row.get("lead"));
			entries.add(new Entry(lead, row.get("reached").asList(d -> d.isNull() ? null : d.asLocalDate())));
			if (lead.stage() != LeadStage.DROPPED) {
				for (Lead.Proposed proposed : lead.products()) {
					byProduct.computeIfAbsent(proposed.productId(), k -> new ArrayList<>())
						.add(new LeadReads.Proposing(lead.id(), lead.stage(), proposed.capacity()));
				}
			}
		}
		entries.sort(NEWEST_FIRST);
		byProduct.values().forEach(list -> list.sort(Comparator.comparing(LeadReads.Proposing::leadId)));
		return new LeadDigest(List.copyOf(entries), byProduct, new References());
	}

	References references() {
		return references;
	}

	/** The leads a page may hold: readable, of the chain and at the stage when given. */
	private static boolean matches(Entry entry, LeadReads.Readable readable, String chainId, LeadStage stage) {
		return entry.readableBy(readable) && (chainId == null || entry.chainIds().contains(chainId))
				&& (stage == null || entry.stage() == stage);
	}

	/**
	 * Up to {@code limit} matching leads after the cursor, newest first (without history
	 * and contacts), and how many match in all.
	 */
	Slice page(LeadReads.Readable readable, String chainId, LeadStage stage, int limit, LeadReads.Cursor after) {
		List<Lead> leads = new ArrayList<>(limit);
		long total = 0;
		for (Entry entry : chainId == null ? newestFirst : newestFirstByChain.getOrDefault(chainId, List.of())) {
			if (!matches(entry, readable, chainId, stage)) {
				continue;
			}
			total++;
			if (leads.size() < limit && (after == null || entry.created() < after.created()
					|| (entry.created() == after.created() && entry.id().compareTo(after.id()) > 0))) {
				leads.add(entry.lead());
			}
		}
		return new Slice(List.copyOf(leads), total);
	}

	record Slice(List<Lead> leads, long total) {

		List<String> ids() {
			return leads.stream().map(Lead::id).toList();
		}

	}

	/** Leads per chain and stage, by chain id and then stage name. */
	List<LeadReads.Count> counts(String chainId) {
		Map<String, Map<String, Long>> counted = new TreeMap<>();
		for (Entry entry : newestFirst) {
			for (String chain : entry.chainIds()) {
				if (chainId == null || chain.equals(chainId)) {
					counted.computeIfAbsent(chain, k -> new TreeMap<>()).merge(entry.stage().name(), 1L, Long::sum);
				}
			}
		}
		List<LeadReads.Count> counts = new ArrayList<>();
		counted.forEach((chain, stages) -> stages
			.forEach((stage, n) -> counts.add(new LeadReads.Count(chain, LeadStage.valueOf(stage), n))));
		return counts;
	}

	/** The active leads proposing each of the products, by lead id. */
	Map<String, List<LeadReads.Proposing>> activeByProduct(Iterable<String> productIds) {
		Map<String, List<LeadReads.Proposing>> found = new LinkedHashMap<>();
		for (String productId : productIds) {
			List<LeadReads.Proposing> active = activeByProduct.get(productId);
			if (active != null) {
				found.put(productId, List.copyOf(active));
			}
		}
		return found;
	}

	/**
	 * The active leads that first reached {@code stage} (or a later one, skipping it)
	 * within the year, with at least {@code minInvestment} when given, by id.
	 */
	List<Entry> reachedInYear(LeadStage stage, int year, Double minInvestment) {
		return newestFirst.stream().filter(e -> {
			LocalDate on = e.reached(stage);
			return on != null && on.getYear() == year && e.stage() != LeadStage.DROPPED
					&& (minInvestment == null || (e.investment() != null && e.investment() >= minInvestment));
		}).sorted(Comparator.comparing(Entry::id)).toList();
	}

}
