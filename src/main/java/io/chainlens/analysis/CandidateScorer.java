package io.chainlens.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chainlens.analysis.AnalysisQueries.CandidateRow;
import io.chainlens.analysis.AnalysisQueries.OtherProduct;
import io.chainlens.analysis.AnalysisQueries.ProximityRow;
import io.chainlens.analysis.AnalysisQueries.SupplyTie;
import io.chainlens.analysis.AnalysisSettings.CandidateWeights;
import io.chainlens.analysis.Gap.CandidatePool;
import io.chainlens.chain.Product;

import static io.chainlens.analysis.Words.amount;
import static io.chainlens.analysis.Words.num;

/**
 * Ranks the companies that could bring a product to the region. The score
 * (docs/analysis.md) is (w_capacity × capacity share + w_relatedness × relatedness +
 * w_ties × ties) / (sum of weights); each part gives a reason in words, so that the list
 * can be defended in a meeting.
 */
final class CandidateScorer {

	// not attractable last, whatever their score; then score, known capacity, id
	private static final Comparator<Candidate> BEST_FIRST = Comparator.comparing((Candidate c) -> !c.attractable())
		.thenComparing(Comparator.comparingDouble(Candidate::score).reversed())
		.thenComparing(c -> c.capacity() == null ? -1 : c.capacity(), Comparator.reverseOrder())
		.thenComparing(c -> c.company().id());

	private final CandidateWeights weights;

	CandidateScorer(AnalysisSettings settings) {
		this.weights = settings.candidateWeights();
	}

	/** Candidates of one product, best first. */
	List<Candidate> score(Product product, List<CandidateRow> rows, List<ProximityRow> proximity, String region) {
		double maxCapacity = rows.stream()
			.filter(r -> r.knownSites() > 0)
			.mapToDouble(CandidateRow::capacity)
			.max()
			.orElse(0);
		double phiTotal = proximity.stream().mapToDouble(ProximityRow::phi).sum();
		double phiLocal = proximity.stream().filter(ProximityRow::local).mapToDouble(ProximityRow::phi).sum();
		double density = phiTotal > 0 ? phiLocal / phiTotal : 0;
		String densityWords = densityWords(proximity, density, region);
		List<CandidateRow> byCapacity = rows.stream()
			.filter(r -> r.knownSites() > 0)
			.sorted(Comparator.comparingDouble(CandidateRow::capacity).reversed())
			.toList();
		// by identity: a national product has hundreds of candidates, and looking each up
		// in the list by (deep) equality cost more than scoring them
		Map<CandidateRow, Integer> rank = new IdentityHashMap<>();
		for (int i = 0; i < byCapacity.size(); i++) {
			rank.put(byCapacity.get(i), i + 1);
		}
		List<Candidate> candidates = new ArrayList<>();
		for (CandidateRow row : rows) {
			// a candidate whose capacity is unknown (no known capacity at any of its
			// sites)
			// is not scored as the smallest: its capacity term is left out and its weight
			// shared among the other terms (docs/analysis.md, "unknown capacity")
			boolean known = row.knownSites() > 0 && maxCapacity > 0;
			Double capacityScore = known ? row.capacity() / maxCapacity : null;
			long localOthers = row.others().stream().filter(OtherProduct::local).count();
			double overlap = row.others().isEmpty() ? 0 : (double) localOthers / row.others().size();
			double relatedness = (density + overlap) / 2;
			double ties = (row.localSites() > 0 ? 0.5 : 0) + (row.supplyTies().isEmpty() ? 0 : 0.5);
			double capacityWeight = known ? weights.capacity() : 0;
			double total = capacityWeight + weights.relatedness() + weights.ties();
			double score = total == 0 ? 0 : (capacityWeight * (known ? capacityScore : 0)
					+ weights.relatedness() * relatedness + weights.ties() * ties) / total;
			List<String> reasons = new ArrayList<>();
			reasons.add(capacityWords(product, row, rank.getOrDefault(row, 0), byCapacity.size(), known));
			reasons.add("产品关联度 " + num(relatedness) + "：" + densityWords + "；" + overlapWords(row, localOthers, region)
					+ "（relatedness " + num(relatedness) + "）");
			reasons.add(tiesWords(row, region));
			if (row.notAttractable() != null) {
				reasons.add("不宜招引，排在可招引候选之后：" + row.notAttractable() + "（not attractable: ranked after the others）");
			}
			reasons.add("综合得分 " + num(score) + " = ("
					+ (known ? num(weights.capacity()) + "×" + num(capacityScore) + " + " : "")
					+ num(weights.relatedness()) + "×" + num(relatedness) + " + " + num(weights.ties()) + "×"
					+ num(ties) + ") / " + num(total) + (known ? "" : "（产能未知：产能项不计，按其余两项排名）"));
			candidates
				.add(new Candidate(row.company(), score, List.copyOf(reasons), product, known ? row.capacity() : null,
						capacityScore, relatedness, ties, row.notAttractable() == null, row.notAttractable()));
		}
		candidates.sort(BEST_FIRST);
		return candidates;
	}

	/**
	 * The candidates of a gap: those of its product, or for an EXTENSION those of the
	 * products downstream, each company once with its best score.
	 */
	static List<Candidate> forPool(CandidatePool pool, Map<String, List<Candidate>> byProduct,
			Map<String, Product> products) {
		if (pool.productIds().equals(List.of(pool.gapProductId()))) {
			return byProduct.getOrDefault(pool.gapProductId(), List.of());
		}
		Product surplus = products.get(pool.gapProductId());
		Map<String, Candidate> best = new LinkedHashMap<>();
		for (String productId : pool.productIds()) {
			for (Candidate candidate : byProduct.getOrDefault(productId, List.of())) {
				List<String> reasons = new ArrayList<>();
				reasons.add("可吸纳本地富余的" + (surplus == null ? pool.gapProductId() : surplus.nameZh()) + "：生产其下游产品"
						+ candidate.product().nameZh() + "（would absorb the local surplus）");
				reasons.addAll(candidate.reasons());
				Candidate withReason = new Candidate(candidate.company(), candidate.score(), List.copyOf(reasons),
						candidate.product(), candidate.capacity(), candidate.capacityScore(), candidate.relatedness(),
						candidate.ties(), candidate.attractable(), candidate.notAttractableReason());
				best.merge(candidate.company().id(), withReason, (a, b) -> BEST_FIRST.compare(a, b) <= 0 ? a : b);
			}
		}
		return best.values().stream().sorted(BEST_FIRST).toList();
	}

	private static String capacityWords(Product product, CandidateRow row, int rank, int count, boolean known) {
		if (!known) {
			return "产能未公开（" + row.unknownSites()
					+ "个基地）：不按最小产能计，产能项不计入得分，其权重分给关联度与本地联系（capacity unknown: ranked on relatedness and ties）";
		}
		return "产能 " + amount(row.capacity(), product.unit()) + "，在 " + count + " 家已知产能的候选中居第 " + rank
				+ (row.operating() != row.capacity() ? "；其中在产 " + amount(row.operating(), product.unit()) : "")
				+ (row.unknownSites() > 0 ? "；另有" + row.unknownSites() + "个基地产能未知" : "") + "（capacity "
				+ amount(row.capacity(), product.unit()) + ", #" + rank + " of " + count + "）";
	}

	private static String densityWords(List<ProximityRow> proximity, double density, String region) {
		if (proximity.isEmpty()) {
			return region + "在该产品周边的产业密度 0（没有企业同时生产该产品和其他产品）";
		}
		List<ProximityRow> local = proximity.stream()
			.filter(ProximityRow::local)
			.sorted(Comparator.comparingDouble(ProximityRow::phi).reversed().thenComparing(ProximityRow::otherId))
			.toList();
		return region + "在该产品周边的产业密度 " + num(density) + (local.isEmpty() ? "（与之相关的产品本地都不生产）" : "（本地已生产相关产品："
				+ Words.names(local.size() > 5 ? local.subList(0, 5) : local, p -> p.otherName() + " φ=" + num(p.phi()))
				+ "）");
	}

	private static String overlapWords(CandidateRow row, long localOthers, String region) {
		if (row.others().isEmpty()) {
			return "该企业未见生产其他产品";
		}
		List<OtherProduct> local = row.others().stream().filter(OtherProduct::local).toList();
		return "该企业另产 " + row.others().size() + " 种产品，其中 " + localOthers + " 种" + region + "已有"
				+ (local.isEmpty() ? "" : "：" + Words.names(local, OtherProduct::nameZh));
	}

	private static String tiesWords(CandidateRow row, String region) {
		List<String> ties = new ArrayList<>();
		if (row.localSites() > 0) {
			ties.add("已在" + region + "设有基地"
					+ (row.localProducts().isEmpty() ? "" : "（生产" + String.join("、", row.localProducts()) + "）"));
		}
		if (!row.supplyTies().isEmpty()) {
			ties.add("与本地企业有供货关系：" + Words.names(row.supplyTies(), (SupplyTie t) -> (t.supplies() ? "向" : "从")
					+ t.partner() + (t.supplies() ? "供应" : "采购") + t.product()));
		}
		if (ties.isEmpty()) {
			return "与" + region + "暂无已知联系（no known ties）";
		}
		return String.join("；", ties) + "（ties with the region）";
	}

}
