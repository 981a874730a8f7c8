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
			List<String> breakdown = new ArrayList<>();
			breakdown.add(capacityWords(product, row, rank.getOrDefault(row, 0), byCapacity.size(), known));
			breakdown.add("产品关联度 " + num(relatedness) + "：" + densityWords + "；"
					+ overlapWords(row, localOthers, region) + "（relatedness " + num(relatedness) + "）");
			breakdown.add(tiesWords(row, region));
			if (row.notAttractable() != null) {
				breakdown.add("不宜招引，排在可招引候选之后：" + row.notAttractable() + "（not attractable: ranked after the others）");
			}
			breakdown.add("综合得分 " + num(score) + " = ("
					+ (known ? num(weights.capacity()) + "×" + num(capacityScore) + " + " : "")
					+ num(weights.relatedness()) + "×" + num(relatedness) + " + " + num(weights.ties()) + "×"
					+ num(ties) + ") / " + num(total) + (known ? "" : "（产能未知：产能项不计，按其余两项排名）"));
			candidates.add(new Candidate(row.company(), score, product, known ? row.capacity() : null, capacityScore,
					relatedness, ties, row.notAttractable(), summary(product, row, known, region), breakdown,
					row.headquarters(), row.siteRegions()));
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
				String surplusName = surplus == null ? pool.gapProductId() : surplus.nameZh();
				Candidate withReason = candidate.withClause(
						"可吸纳本地富余的" + Words.spokenName(surplusName) + "（用于生产"
								+ Words.spokenName(candidate.product().nameZh()) + "）",
						"可吸纳本地富余的" + surplusName + "：生产其下游产品" + candidate.product().nameZh()
								+ "（would absorb the local surplus）");
				best.merge(candidate.company().id(), withReason, (a, b) -> BEST_FIRST.compare(a, b) <= 0 ? a : b);
			}
		}
		return best.values().stream().sorted(BEST_FIRST).toList();
	}

	/**
	 * The sentence said about a candidate in a meeting, before any figure of the score:
	 * who it is (name, seat), how big (its capacity with the unit, or 产能未知, never 0) and
	 * what ties it to the region (a site, a project, a supply link) or that nothing does.
	 * Short on purpose: the rank, the sites and the score are in the breakdown.
	 */
	static String summary(Product product, CandidateRow row, boolean known, String region) {
		StringBuilder said = new StringBuilder(row.company().nameZh());
		said.append(row.headquarters() == null ? "（总部不详）" : "，总部" + row.headquarters().nameZh());
		said.append("，").append(Words.spokenName(product.nameZh()));
		said.append(known ? "产能 " + Words.spoken(row.capacity(), product.unit()) : "产能未知");
		List<String> ties = new ArrayList<>();
		if (row.localSites() > 0) {
			ties.add("已在" + region + "设有基地"
					+ (row.localProducts().isEmpty() ? "" : "（生产" + atMostThree(row.localProducts()) + "）"));
		}
		if (!row.localProjects().isEmpty()) {
			ties.add("在" + region + "有项目" + atMostThree(row.localProjects()));
		}
		for (SupplyTie tie : row.supplyTies()) {
			ties.add((tie.supplies() ? "向本地的" : "从本地的") + tie.partner() + (tie.supplies() ? "供应" : "采购")
					+ Words.spokenName(tie.product()));
		}
		said.append("；")
			.append(ties.isEmpty() ? "与" + region + "暂无已知联系"
					: String.join("，", ties.size() > 3 ? ties.subList(0, 3) : ties));
		if (row.notAttractable() != null) {
			said.append("；但不宜招引：").append(row.notAttractable());
		}
		return said.append("。").toString();
	}

	// names as said (without their glosses), three at the most
	private static String atMostThree(List<String> names) {
		List<String> said = names.stream().map(Words::spokenName).toList();
		return said.size() > 3 ? String.join("、", said.subList(0, 3)) + "等" + said.size() + "项"
				: String.join("、", said);
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
