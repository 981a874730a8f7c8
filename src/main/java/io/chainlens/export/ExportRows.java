package io.chainlens.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.chainlens.analysis.Bound;
import io.chainlens.analysis.Words;
import io.chainlens.export.Answers.CandidateData;
import io.chainlens.export.Answers.ChainRef;
import io.chainlens.export.Answers.GapData;
import io.chainlens.export.Answers.GapsAnswer;
import io.chainlens.export.Answers.ProductionData;
import io.chainlens.export.Answers.UnitName;

/**
 * Turns the API's gaps into the gaps of a file: sorted by severity across chains (the
 * most urgent first, whatever its chain), numbered, in the page's words.
 */
final class ExportRows {

	/**
	 * Chinese labels of the gap kinds: the map page's own (static/map/labels.js), so that
	 * a reader finds in the file the words of the screen.
	 */
	static final Map<String, String> KIND_LABELS = Map.of("MISSING", "缺失环节", "PIPELINE_ONLY", "仅有在建/拟建",
			"SINGLE_SOURCE", "单一来源", "SHORTFALL", "本地供给不足", "EXTENSION", "产能外溢 (延链)", "NO_INNOVATION_SUPPORT",
			"无创新平台支撑 (环节)");

	/** The kinds in the order the 说明 sheet explains them, with what each means. */
	static final List<List<String>> KIND_MEANINGS = List.of(List.of("MISSING", "本地没有生产企业"),
			List.of("PIPELINE_ONLY", "现状情景下本地只有在建或拟建项目，尚无在产企业"), List.of("SINGLE_SOURCE", "本地只有一家生产企业"),
			List.of("SHORTFALL", "本地产能低于本地需求"), List.of("EXTENSION", "本地产能远高于本地下游用量（默认超过 2 倍），富余产能可向下游延链"),
			List.of("NO_INNOVATION_SUPPORT", "没有实验室、研发中心、检测中心、中试基地等创新平台支撑该环节"));

	static final Map<String, String> SCENARIO_LABELS = Map.of("CURRENT", "现状（CURRENT）", "PLANNED", "规划（PLANNED）");

	private static final Map<String, String> STATUS_LABELS = Map.of("OPERATING", "在产", "UNDER_CONSTRUCTION", "在建",
			"PLANNED", "拟建");

	private static final Map<String, String> BOUND_LABELS = Map.of("EXACT", "确切", "AT_LEAST", "下限（≥）", "AT_MOST",
			"上限（≤）", "UNKNOWN", "未知");

	private ExportRows() {
	}

	/**
	 * The gaps of every answer, the most severe first across chains; equal severities
	 * keep the chains' order and the API's.
	 */
	static List<ExportGap> of(List<GapsAnswer> answers, String document) {
		List<GapData> all = new ArrayList<>();
		answers.forEach(answer -> all.addAll(answer.gaps()));
		// a stable sort: ties stay in the order read
		all.sort(Comparator.comparingDouble(GapData::severity).reversed());
		List<ExportGap> gaps = new ArrayList<>();
		for (GapData gap : all) {
			gaps.add(gap(gaps.size() + 1, gap, leadUnits(answers, gap.chain().id()), document));
		}
		return gaps;
	}

	/** The chain's lead units, as the answer about the chain names them. */
	static String leadUnits(ChainRef chain) {
		if (chain == null || chain.leadUnits() == null || chain.leadUnits().isEmpty()) {
			return null;
		}
		return chain.leadUnits().stream().map(UnitName::nameZh).collect(Collectors.joining("、"));
	}

	/**
	 * Lead units by the short names a meeting uses, where the data give one in brackets:
	 * 市工信局、市科技局 for 包头市工业和信息化局(市工信局)、包头市科学技术局(市科技局).
	 */
	static String shortUnits(String units) {
		if (units == null) {
			return null;
		}
		List<String> names = new ArrayList<>();
		for (String unit : units.split("、")) {
			Matcher bracket = SHORT_NAME.matcher(unit);
			names.add(bracket.matches() ? bracket.group(1) : unit);
		}
		return String.join("、", names);
	}

	private static final Pattern SHORT_NAME = Pattern.compile(".+[（(]([^（()）]+)[)）]");

	private static String leadUnits(List<GapsAnswer> answers, String chainId) {
		return answers.stream()
			.map(GapsAnswer::chain)
			.filter(chain -> chain != null && chain.id().equals(chainId))
			.findFirst()
			.map(ExportRows::leadUnits)
			.orElse(null);
	}

	private static ExportGap gap(int number, GapData gap, String leadUnits, String document) {
		List<ExportCandidate> candidates = new ArrayList<>();
		for (CandidateData candidate : gap.candidates()) {
			candidates.add(candidate(candidates.size() + 1, candidate, document));
		}
		return new ExportGap(number, gap.chain().nameZh(), leadUnits, gap.segment().nameZh(), gap.product().nameZh(),
				KIND_LABELS.getOrDefault(gap.kind(), gap.kind()), gap.action(), gap.severity(), gap.localCapacity(),
				gap.localDemand(), gap.unit(), gap.selfSufficiency(), trust(gap), gap.estimatedCapacity(),
				gap.complete() ? "是" : "否", gap.sitesWithUnknownCapacity(), gap.companiesAffected(), summary(gap),
				gap.explanation(), SCENARIO_LABELS.getOrDefault(gap.scenario(), gap.scenario()),
				gapSources(gap, document), List.copyOf(candidates));
	}

	private static ExportCandidate candidate(int rank, CandidateData candidate, String document) {
		List<ProductionData> makes = candidate.company()
			.productions()
			.stream()
			.filter(p -> p.product() != null && p.product().id().equals(candidate.product().id()))
			.toList();
		Set<String> sources = new LinkedHashSet<>();
		sources.add(candidate.company().source());
		makes.forEach(make -> sources.add(make.source()));
		String summary = candidate.summary() != null ? candidate.summary()
				: candidate.reasons().isEmpty() ? null : candidate.reasons().get(0);
		return new ExportCandidate(rank, candidate.company().nameZh(), candidate.company().name(),
				candidate.product().nameZh(),
				candidate.company().headquarters() == null ? null : candidate.company().headquarters().nameZh(),
				sites(makes), candidate.capacity(), candidate.capacity() == null ? null : candidate.product().unit(),
				candidate.score(), summary,
				candidate.breakdown() == null ? null : String.join("\n", candidate.breakdown()),
				Sources.of(sources, document));
	}

	/**
	 * The gap in one line, with the figures that make it a gap: e.g. 本地产能 2 万t，低于本地需求 5
	 * 万t，自给率 40%；影响本地 3 家企业. An unknown figure is said as 未知, a lower bound with ≥.
	 */
	static String summary(GapData gap) {
		String capacity = said("产能", spoken(gap.localCapacity(), gap.capacityBound(), gap.unit()));
		String share = said("自给率", Words.percent(gap.selfSufficiency(), bound(gap.selfSufficiencyBound())));
		// a known demand of 0 is no local consumer, said so rather than as a figure
		boolean noDemand = gap.localDemand() != null && gap.localDemand() == 0 && "EXACT".equals(gap.demandBound());
		String demand = noDemand ? "本地暂无下游需求" : said("本地需求", spoken(gap.localDemand(), gap.demandBound(), gap.unit()));
		String said = switch (gap.kind()) {
			case "MISSING" -> "本地没有生产企业，" + demand;
			case "PIPELINE_ONLY" -> "本地只有在建或拟建项目，尚无在产，" + demand;
			case "SINGLE_SOURCE" -> "本地只有一家生产企业，" + capacity + "，" + demand;
			case "SHORTFALL" -> "本地" + capacity + "，低于" + demand + "，" + share;
			case "EXTENSION" ->
				"本地" + capacity + (noDemand ? "，" + demand : "，远超" + demand + "（" + share + "）") + "，富余可向下游延链";
			case "NO_INNOVATION_SUPPORT" -> gap.segment().nameZh() + "环节没有实验室、研发中心、检测中心等创新平台支撑";
			default -> gap.kind();
		};
		if (gap.companiesAffected() > 0) {
			boolean producers = "EXTENSION".equals(gap.kind()) || "NO_INNOVATION_SUPPORT".equals(gap.kind());
			said += "；" + (producers ? "涉及本地 " + gap.companiesAffected() + " 家生产企业"
					: "影响本地 " + gap.companiesAffected() + " 家下游企业");
		}
		return said;
	}

	/** An amount as said aloud, with its bound: 46 万t, ≥ 5 t or 未知. */
	private static String spoken(Double value, String bound, String unit) {
		return Words.bounded(value, bound(bound), value == null ? "" : Words.spoken(value, unit));
	}

	/** 产能 5 万t, 产能 ≥ 5 t, 产能未知. */
	private static String said(String what, String figure) {
		return "未知".equals(figure) ? what + "未知" : what + " " + figure;
	}

	private static Bound bound(String bound) {
		return bound == null ? Bound.EXACT : Bound.valueOf(bound);
	}

	/**
	 * Which of the gap's figures are exact, bounds or unknown, and how much of its
	 * capacity is estimate: e.g. 本地产能：下限（≥，1家企业产能未知）；本地需求：确切；自给率：未知；估算占比 100%.
	 */
	static String trust(GapData gap) {
		List<String> parts = new ArrayList<>();
		String capacity = switch (String.valueOf(gap.capacityBound())) {
			case "UNKNOWN" -> "未知（有生产、产能未知，" + gap.unknownCapacityProducers() + "家企业）";
			case "AT_LEAST" -> "下限（≥，" + gap.unknownCapacityProducers() + "家企业有基地产能未知）";
			default -> "确切";
		};
		parts.add("本地产能：" + capacity);
		parts.add("本地需求：" + BOUND_LABELS.getOrDefault(gap.demandBound(), "确切"));
		if (gap.selfSufficiencyBound() != null) {
			parts.add("自给率：" + BOUND_LABELS.getOrDefault(gap.selfSufficiencyBound(), "确切"));
		}
		if (gap.estimateShare() != null && gap.estimateShare() > 0) {
			parts.add("估算占比 " + Math.round(gap.estimateShare() * 1000) / 10.0 + "%");
		}
		return String.join("；", parts);
	}

	/**
	 * The product's own source and those of the local capacities the scenario counts.
	 */
	private static Sources gapSources(GapData gap, String document) {
		Set<String> sources = new LinkedHashSet<>();
		sources.add(gap.product().source());
		for (ProductionData producer : gap.product().producers()) {
			if ("PLANNED".equals(gap.scenario()) || "OPERATING".equals(producer.status())) {
				sources.add(producer.source());
			}
		}
		return Sources.of(sources, document);
	}

	private static String sites(List<ProductionData> makes) {
		Set<String> sites = new LinkedHashSet<>();
		for (ProductionData make : makes) {
			String place = make.district() == null ? make.region() : make.region() + make.district();
			sites.add(place + "（" + STATUS_LABELS.getOrDefault(make.status(), make.status()) + "）");
		}
		return sites.isEmpty() ? null : String.join("；", sites);
	}

}
