package io.chainlens.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.chainlens.export.Answers.CandidateData;
import io.chainlens.export.Answers.GapData;
import io.chainlens.export.Answers.GapsAnswer;
import io.chainlens.export.Answers.ProductionData;

/**
 * Turns the API's gaps into rows: one per gap and candidate, one with empty candidate
 * fields for a gap without candidates.
 */
final class ExportRows {

	/** Chinese labels of the gap kinds, as docs/analysis.md defines them. */
	static final Map<String, String> KIND_LABELS = Map.of("MISSING", "缺链", "PIPELINE_ONLY", "仅有在建拟建", "SINGLE_SOURCE",
			"单一来源", "SHORTFALL", "供给短板", "EXTENSION", "产能富余", "NO_INNOVATION_SUPPORT", "缺创新平台");

	/** The kinds in the order the 说明 sheet explains them, with what each means. */
	static final List<List<String>> KIND_MEANINGS = List.of(List.of("MISSING", "本地没有生产企业"),
			List.of("PIPELINE_ONLY", "现状情景下本地只有在建或拟建项目，尚无在产企业"), List.of("SINGLE_SOURCE", "本地只有一家生产企业"),
			List.of("SHORTFALL", "本地产能低于本地需求"), List.of("EXTENSION", "本地产能远高于本地下游用量（默认超过 2 倍），富余产能可向下游延链"),
			List.of("NO_INNOVATION_SUPPORT", "没有实验室、研发中心、检测中心、中试基地等创新平台支撑该环节"));

	static final Map<String, String> SCENARIO_LABELS = Map.of("CURRENT", "现状（CURRENT）", "PLANNED", "规划（PLANNED）");

	private static final Map<String, String> STATUS_LABELS = Map.of("OPERATING", "在产", "UNDER_CONSTRUCTION", "在建",
			"PLANNED", "拟建");

	private ExportRows() {
	}

	static List<ExportRow> of(List<GapsAnswer> answers) {
		List<ExportRow> rows = new ArrayList<>();
		for (GapsAnswer answer : answers) {
			for (GapData gap : answer.gaps()) {
				if (gap.candidates().isEmpty()) {
					rows.add(row(gap, 0, null));
				}
				for (int i = 0; i < gap.candidates().size(); i++) {
					rows.add(row(gap, i + 1, gap.candidates().get(i)));
				}
			}
		}
		return rows;
	}

	private static ExportRow row(GapData gap, int rank, CandidateData candidate) {
		String kind = KIND_LABELS.getOrDefault(gap.kind(), gap.kind());
		String scenario = SCENARIO_LABELS.getOrDefault(gap.scenario(), gap.scenario());
		String complete = gap.complete() ? "是" : "否";
		if (candidate == null) {
			return new ExportRow(gap.chain().nameZh(), gap.segment().nameZh(), gap.product().nameZh(), kind,
					gap.action(), gap.severity(), gap.localCapacity(), gap.localDemand(), gap.unit(),
					gap.selfSufficiency(), trust(gap), gap.estimatedCapacity(), complete,
					gap.sitesWithUnknownCapacity(), gap.companiesAffected(), gap.explanation(), scenario,
					gapSources(gap), null, null, null, null, null, null, null, null, null, null, null);
		}
		List<ProductionData> makes = candidate.company()
			.productions()
			.stream()
			.filter(p -> p.product() != null && p.product().id().equals(candidate.product().id()))
			.toList();
		return new ExportRow(gap.chain().nameZh(), gap.segment().nameZh(), gap.product().nameZh(), kind, gap.action(),
				gap.severity(), gap.localCapacity(), gap.localDemand(), gap.unit(), gap.selfSufficiency(), trust(gap),
				gap.estimatedCapacity(), complete, gap.sitesWithUnknownCapacity(), gap.companiesAffected(),
				gap.explanation(), scenario, gapSources(gap), rank, candidate.company().nameZh(),
				candidate.company().name(), candidate.product().nameZh(),
				candidate.company().headquarters() == null ? null : candidate.company().headquarters().nameZh(),
				sites(makes), candidate.capacity(), candidate.capacity() == null ? null : candidate.product().unit(),
				candidate.score(), String.join("\n", candidate.reasons()), candidateSources(candidate, makes));
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

	private static final Map<String, String> BOUND_LABELS = Map.of("EXACT", "确切", "AT_LEAST", "下限（≥）", "AT_MOST",
			"上限（≤）", "UNKNOWN", "未知");

	/**
	 * The product's own source and those of the local capacities the scenario counts.
	 */
	private static String gapSources(GapData gap) {
		Set<String> sources = new LinkedHashSet<>();
		sources.add(gap.product().source());
		for (ProductionData producer : gap.product().producers()) {
			if ("PLANNED".equals(gap.scenario()) || "OPERATING".equals(producer.status())) {
				sources.add(producer.source());
			}
		}
		return joined(sources);
	}

	private static String sites(List<ProductionData> makes) {
		Set<String> sites = new LinkedHashSet<>();
		for (ProductionData make : makes) {
			String place = make.district() == null ? make.region() : make.region() + make.district();
			sites.add(place + "（" + STATUS_LABELS.getOrDefault(make.status(), make.status()) + "）");
		}
		return sites.isEmpty() ? null : String.join("；", sites);
	}

	private static String candidateSources(CandidateData candidate, List<ProductionData> makes) {
		Set<String> sources = new LinkedHashSet<>();
		sources.add(candidate.company().source());
		makes.forEach(make -> sources.add(make.source()));
		return joined(sources);
	}

	private static String joined(Set<String> sources) {
		sources.removeIf(s -> s == null || s.isBlank());
		return sources.isEmpty() ? null : String.join("\n", sources);
	}

}
