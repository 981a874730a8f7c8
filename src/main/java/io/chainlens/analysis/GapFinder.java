package io.chainlens.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.chainlens.analysis.Gap.CandidatePool;
import io.chainlens.analysis.LocalGraph.ChainInfo;
import io.chainlens.analysis.LocalGraph.Feed;
import io.chainlens.analysis.LocalGraph.PlatformSupport;
import io.chainlens.analysis.LocalGraph.SegmentInfo;
import io.chainlens.chain.Product;
import io.chainlens.chain.Target;
import io.chainlens.company.Company;

import static io.chainlens.analysis.Words.amount;
import static io.chainlens.analysis.Words.num;
import static io.chainlens.analysis.Words.percent;

/**
 * Finds the gaps of chains from their balances, platforms and targets; the rules,
 * thresholds and the severity formula are documented in {@code docs/analysis.md}. Nothing
 * is listed by hand: every gap follows from the graph.
 */
final class GapFinder {

	private static final Map<String, String> PLATFORM_KINDS = Map.ofEntries(Map.entry("LAB", "实验室"),
			Map.entry("RD_CENTRE", "研发中心"), Map.entry("TESTING_CENTRE", "检测中心"), Map.entry("PILOT_BASE", "中试基地"),
			Map.entry("CERTIFICATION_CENTRE", "认证中心"), Map.entry("EXCHANGE", "交易所"), Map.entry("PARK", "园区"),
			Map.entry("ENCLAVE", "飞地"), Map.entry("ALLIANCE", "联盟"), Map.entry("SERVICE_PLATFORM", "服务平台"),
			Map.entry("EVENT", "活动"));

	private static final Map<String, String> METRICS = Map.of("CAPACITY", "产能", "OUTPUT", "产量", "SHARE", "占比", "COUNT",
			"数量", "OUTPUT_VALUE", "产值");

	private final AnalysisSettings settings;

	GapFinder(AnalysisSettings settings) {
		this.settings = settings;
	}

	/** Gaps of one chain, or of every chain when chainId is null, most severe first. */
	List<Gap> find(LocalGraph graph, Scenario scenario, String chainId) {
		Balances balances = graph.balances(scenario);
		Balances planned = graph.balances(Scenario.PLANNED);
		List<Gap> gaps = new ArrayList<>();
		for (ChainInfo chain : graph.chains()) {
			if (chainId != null && !chain.chain().id().equals(chainId)) {
				continue;
			}
			Span span = Span.of(chain, balances);
			for (SegmentInfo segment : chain.segments()) {
				for (Product product : segment.products()) {
					productGaps(segment, product, balances, planned, span, gaps);
				}
				segmentGap(segment, balances, gaps);
			}
		}
		gaps.sort(Comparator.comparingDouble(Gap::severity)
			.reversed()
			.thenComparing(Gap::kind)
			.thenComparing(g -> g.chain().id())
			.thenComparing(g -> g.product().id()));
		return gaps.stream().map(g -> g.inRegion(graph.region())).toList();
	}

	private void productGaps(SegmentInfo segment, Product product, Balances balances, Balances planned, Span span,
			List<Gap> gaps) {
		ProductBalance b = balances.of(product.id());
		LocalGraph graph = balances.graph();
		String region = graph.regionName();
		List<Target> targets = targetsAtStake(graph, product.id());
		List<String> self = List.of(product.id());
		if (b.producerCount() == 0) {
			ProductBalance pipeline = planned.of(product.id());
			boolean pipelineOnly = balances.scenario() == Scenario.CURRENT && pipeline.producerCount() > 0;
			GapKind kind = pipelineOnly ? GapKind.PIPELINE_ONLY : GapKind.MISSING;
			String headline = pipelineOnly
					? "仅有在建/规划项目：" + region + "尚无在产企业生产" + product.nameZh() + "，在建或规划中的有 "
							+ Words.companies(pipeline.producers()) + "（" + pipeline.siteCount() + "个基地，产能 "
							+ Words.capacity(pipeline) + unknownSites(pipeline.sitesWithUnknownCapacity()) + "）。"
					: "缺链：" + region + "没有企业生产" + product.nameZh() + "（任何状态都没有）。";
			Placement placement = span.place(segment, region);
			Severity severity = severity(kind, 1, b.consumers().size(), 1, targets.size());
			gaps.add(gap(segment, product, kind, b, severity, placement.action(),
					headline + demand(b) + "。" + affected(b.consumers(), "本地下游企业") + targetWords(graph, targets)
							+ placement.words() + severity.words(),
					targets, self));
			return;
		}
		if (b.producerCount() <= settings.singleSourceMaxProducers()) {
			Severity severity = severity(GapKind.SINGLE_SOURCE, 1, b.consumers().size(), 1, targets.size());
			gaps.add(gap(segment, product, GapKind.SINGLE_SOURCE, b, severity, Gap.STRENGTHEN,
					"单一来源：" + region + "只有" + b.producerCount() + "家企业生产" + product.nameZh() + "（"
							+ Words.companies(b.producers()) + "）。" + supply(b) + "；" + demand(b) + selfSufficiency(b)
							+ "。" + affected(b.consumers(), "本地下游企业") + targetWords(graph, targets)
							+ (b.producerCount() == 1 ? "一家停产即断供" : "来源集中") + " → 强链（引进新供应商或扶持扩产）。" + severity.words(),
					targets, self));
		}
		// A ratio against a figure that is wholly unknown (every producer's, or every
		// consumer's, capacity missing) says nothing: no SHORTFALL or EXTENSION is
		// claimed on it.
		boolean supplyUnknown = b.supplyUnknown();
		boolean demandUnknown = b.demandUnknown();
		if (!supplyUnknown && !demandUnknown && b.knownDemand() > 0
				&& b.knownCapacity() < settings.shortfallThreshold() * b.knownDemand()) {
			double unmet = 1 - b.knownCapacity() / b.knownDemand();
			boolean lowerBound = !b.supplyComplete();
			Severity severity = severity(GapKind.SHORTFALL, unmet, b.consumers().size(),
					lowerBound ? settings.incompleteDiscount() : 1, targets.size());
			gaps.add(gap(segment, product, GapKind.SHORTFALL, b, severity, Gap.STRENGTHEN, "供给不足：" + region
					+ product.nameZh() + "的本地产能低于本地需求（阈值：自给率低于 " + percent(settings.shortfallThreshold()) + "）。"
					+ supply(b) + "；" + demand(b) + selfSufficiency(b) + "，缺口 "
					+ difference(b.knownDemand(), b.demandBound(), b.knownCapacity(), b.capacityBound(), b.unit()) + "。"
					+ (lowerBound ? "本地产能为下限（" + b.sitesWithUnknownCapacity() + "个基地产能未知），缺口可能被高估，严重度按 ×"
							+ num(settings.incompleteDiscount()) + " 计。" : "")
					+ (b.demandComplete() ? "" : "本地需求为下限，实际缺口可能更大。") + affected(b.consumers(), "本地下游企业")
					+ targetWords(graph, targets) + "→ 强链（扩产或引进同类企业补足缺口）。" + severity.words(), targets, self));
		}
		List<Feed> outputs = graph.feedsFrom(product.id());
		if (!outputs.isEmpty() && !demandUnknown && !supplyUnknown && b.knownCapacity() > 0
				&& b.knownCapacity() > settings.extensionFactor() * b.knownDemand()) {
			double surplus = 1 - b.knownDemand() / b.knownCapacity();
			boolean lowerBound = !b.demandComplete();
			Severity severity = severity(GapKind.EXTENSION, surplus, b.producerCount(),
					lowerBound ? settings.incompleteDiscount() : 1, targets.size());
			List<String> downstream = outputs.stream().map(Feed::outputId).distinct().toList();
			String ratio = b.knownDemand() > 0 ? "本地产能是本地需求的 " + (b.demandComplete() ? "" : "至多 ")
					+ num(b.knownCapacity() / b.knownDemand()) + " 倍" : "本地产能没有本地下游使用";
			gaps.add(gap(segment, product, GapKind.EXTENSION, b, severity, Gap.EXTEND,
					"产能富余：" + region + product.nameZh() + ratio + "（阈值 " + num(settings.extensionFactor()) + " 倍），富余 "
							+ difference(
									b.knownCapacity(), b.capacityBound(), b.knownDemand(), b.demandBound(), b.unit())
							+ "。" + supply(b) + "；" + demand(b) + selfSufficiency(b) + "。"
							+ (lowerBound ? "本地需求为下限（" + b.consumerSitesWithUnknownCapacity()
									+ "个下游基地产能未知），富余可能被高估，严重度按 ×" + num(settings.incompleteDiscount()) + " 计。" : "")
							+ affected(b.producers(), "本地生产企业") + targetWords(graph, targets) + "富余可由下游 "
							+ Words.names(downstream, id -> graph.product(id).nameZh()) + " 吸纳 → 延链（引进下游企业）。"
							+ severity.words(),
					targets, downstream));
		}
	}

	private void segmentGap(SegmentInfo segment, Balances balances, List<Gap> gaps) {
		if (segment.products().isEmpty()) {
			return;
		}
		LocalGraph graph = balances.graph();
		Scenario scenario = balances.scenario();
		List<PlatformSupport> platforms = graph.platformsOf(segment.segment().id());
		List<PlatformSupport> counted = platforms.stream()
			.filter(p -> settings.innovationPlatformKinds().contains(p.kind()) && scenario.counts(p.status()))
			.toList();
		if (!counted.isEmpty()) {
			return;
		}
		Product atStake = segment.products().get(0);
		Map<String, Company> producers = new TreeMap<>();
		Map<String, Target> targets = new LinkedHashMap<>();
		for (Product product : segment.products()) {
			ProductBalance b = balances.of(product.id());
			ProductBalance best = balances.of(atStake.id());
			if (b.producerCount() + b.consumers().size() > best.producerCount() + best.consumers().size()) {
				atStake = product;
			}
			b.producers().forEach(c -> producers.put(c.id(), c));
			graph.targetsOf(product.id()).forEach(t -> targets.put(t.id(), t));
		}
		ProductBalance b = balances.of(atStake.id());
		List<Target> targetList = List.copyOf(targets.values());
		Severity severity = severity(GapKind.NO_INNOVATION_SUPPORT, 1, producers.size(), 1, targetList.size());
		String notCounted = platforms
			.isEmpty()
					? ""
					: "（不计入："
							+ Words.names(platforms,
									p -> p.nameZh() + "（" + PLATFORM_KINDS.getOrDefault(p.kind(), p.kind())
											+ (scenario.counts(p.status()) ? "" : "，" + status(p.status())) + "）")
							+ "）";
		gaps.add(gap(segment, atStake, GapKind.NO_INNOVATION_SUPPORT, b, severity, Gap.STRENGTHEN,
				"创新支撑不足：" + segment.chain().nameZh() + "环节「" + segment.segment().nameZh() + "」没有"
						+ (scenario == Scenario.CURRENT ? "在运行的" : "") + "创新平台（实验室、研发/检测/中试/认证中心、联盟、服务平台、飞地）支撑"
						+ notCounted + "。" + affected(List.copyOf(producers.values()), "本环节本地企业")
						+ "以本环节本地生产与下游企业最多的产品「" + atStake.nameZh() + "」为代表：" + supply(b) + "。"
						+ targetWords(graph, targetList) + "→ 强链（建设研发、检测或中试等创新平台）。" + severity.words(),
				targetList, List.of()));
	}

	private Gap gap(SegmentInfo segment, Product product, GapKind kind, ProductBalance b, Severity severity,
			String action, String explanation, List<Target> targets, List<String> candidateProducts) {
		return new Gap(segment.chain(), product, segment.segment(), kind, severity.value(), explanation, action, b,
				severity.affected(), targets, new CandidatePool(product.id(), candidateProducts));
	}

	/**
	 * Targets on the product, or on a product it feeds directly: what a gap in it puts at
	 * stake.
	 */
	static List<Target> targetsAtStake(LocalGraph graph, String productId) {
		Map<String, Target> targets = new LinkedHashMap<>();
		graph.targetsOf(productId).forEach(t -> targets.put(t.id(), t));
		graph.feedsFrom(productId).forEach(f -> graph.targetsOf(f.outputId()).forEach(t -> targets.put(t.id(), t)));
		return List.copyOf(targets.values());
	}

	private Severity severity(GapKind kind, double magnitude, int affected, double discount, int targets) {
		return new Severity(settings.kindWeights().of(kind), magnitude, affected, discount, settings.targetWeight(),
				targets);
	}

	/**
	 * severity = weight × magnitude × (1 + affected) × discount + targetWeight × targets.
	 */
	record Severity(double weight, double magnitude, int affected, double discount, double targetWeight, int targets) {

		double value() {
			return weight * magnitude * (1 + affected) * discount + targetWeight * targets;
		}

		String words() {
			return "严重度 = " + num(weight) + " × " + num(magnitude) + " × (1 + " + affected + ")"
					+ (discount == 1 ? "" : " × " + num(discount)) + " + " + num(targetWeight) + " × " + targets + " = "
					+ num(value()) + "。";
		}

	}

	/**
	 * The stages of a chain present in the region (segments, other than supporting ones,
	 * where a product is made locally in the scenario), from the first to the last
	 * position.
	 */
	record Span(List<SegmentInfo> present) {

		static Span of(ChainInfo chain, Balances balances) {
			return new Span(chain.segments()
				.stream()
				.filter(s -> !"SUPPORTING".equals(s.segment().stage()))
				.filter(s -> s.products().stream().anyMatch(p -> balances.of(p.id()).producerCount() > 0))
				.sorted(Comparator.comparingInt(s -> s.segment().position()))
				.toList());
		}

		/**
		 * 补链 when the product's segment lies between present stages, 延链 at either end or
		 * beyond.
		 */
		Placement place(SegmentInfo segment, String region) {
			String here = "第" + segment.segment().position() + "环节「" + segment.segment().nameZh() + "」";
			if (present.isEmpty()) {
				return new Placement(Gap.EXTEND, "本链在" + region + "尚无本地环节，" + here + "属新建链条 → 延链。");
			}
			SegmentInfo first = present.get(0);
			SegmentInfo last = present.get(present.size() - 1);
			String span = "本地已有环节从第" + first.segment().position() + "环节「" + first.segment().nameZh() + "」到第"
					+ last.segment().position() + "环节「" + last.segment().nameZh() + "」";
			int position = segment.segment().position();
			if ("SUPPORTING".equals(segment.segment().stage())) {
				return new Placement(Gap.FILL, span + "，" + here + "是其配套环节 → 补链。");
			}
			if (position < first.segment().position()) {
				return new Placement(Gap.EXTEND, span + "，" + here + "在其上游端之外 → 延链（向上游延伸）。");
			}
			if (position > last.segment().position()) {
				return new Placement(Gap.EXTEND, span + "，" + here + "在其下游端之外 → 延链（向下游延伸）。");
			}
			return new Placement(Gap.FILL, span + "，" + here + "在其间 → 补链。");
		}

	}

	record Placement(String action, String words) {
	}

	private static String supply(ProductBalance b) {
		if (b.producerCount() == 0) {
			return "本地无企业生产";
		}
		String known = switch (b.capacityBound()) {
			case UNKNOWN -> "；各基地产能均未知（有生产、产能未知）";
			case AT_LEAST -> "；其中" + b.sitesWithUnknownCapacity() + "个基地产能未知，产能为下限";
			default -> "";
		};
		return "本地产能 " + Words.capacity(b) + "（" + b.siteCount() + "个基地、" + b.producerCount() + "家企业："
				+ Words.companies(b.producers())
				+ (b.yieldedCapacity() > 0 ? "；其中联产 " + amount(b.yieldedCapacity(), b.unit()) : "") + known
				+ Words.estimatePart(b).replaceFirst("^，", "；") + "）";
	}

	private static String demand(ProductBalance b) {
		if (b.demandBy().isEmpty()) {
			return "本地没有使用该产品的下游企业";
		}
		StringBuilder words = new StringBuilder("本地需求 " + Words.demand(b) + "：");
		String separator = "";
		for (ProductBalance.DemandShare share : b.demandBy()) {
			String unit = share.product().unit();
			words.append(separator).append(share.product().nameZh());
			if (share.perUnit() == null) {
				words.append(" 投入系数未知（").append(share.siteCount()).append("个基地）");
			}
			else if (share.demand() == null) {
				words.append(" 本地产能未知（").append(share.siteCount()).append("个基地），需求未知");
			}
			else {
				words.append(" 本地产能 ")
					.append(amount(share.consumerCapacity(), unit))
					.append(" × ")
					.append(num(share.perUnit()))
					.append(' ')
					.append(b.unit())
					.append('/')
					.append(unit)
					.append(" = ")
					.append(amount(share.demand(), b.unit()));
				if (share.sitesWithUnknownCapacity() > 0) {
					words.append("（另有").append(share.sitesWithUnknownCapacity()).append("个基地产能未知）");
				}
			}
			separator = "；";
		}
		if (b.demandBound() == Bound.AT_LEAST) {
			words.append("；需求为下限");
		}
		return words.toString();
	}

	private static String selfSufficiency(ProductBalance b) {
		Bound bound = b.selfSufficiencyBound();
		if (bound == null) {
			return "";
		}
		if (bound == Bound.UNKNOWN) {
			String why = b.supplyUnknown() ? "本地产能未知" : b.demandUnknown() ? "本地需求未知" : "本地产能与需求均为下限";
			return "；自给率未知（" + why + "）";
		}
		return "；自给率 " + Words.percent(b.selfSufficiency(), bound);
	}

	private static String affected(List<Company> companies, String who) {
		return companies.isEmpty() ? who + "：无。"
				: who + " " + companies.size() + " 家：" + Words.companies(companies) + "。";
	}

	/**
	 * a − b with its bound; where both are lower bounds the difference has none, and the
	 * figure from known capacities is given as such.
	 */
	private static String difference(double a, Bound aBound, double b, Bound bBound, String unit) {
		Bound bound = Bound.ofDifference(aBound, bBound);
		if (bound == Bound.UNKNOWN) {
			return "未知（按已知数字为 " + amount(a - b, unit) + "，两端均为下限）";
		}
		return Words.amount(a - b, bound, unit);
	}

	private static String unknownSites(int count) {
		return count == 0 ? "" : "，" + count + "个基地产能未知";
	}

	private static String targetWords(LocalGraph graph, List<Target> targets) {
		if (targets.isEmpty()) {
			return "";
		}
		return "涉及目标 " + targets.size() + " 个：" + Words.names(targets, t -> {
			Product product = graph.product(t.productId());
			return (product == null ? "" : product.nameZh()) + METRICS.getOrDefault(t.metric(), t.metric()) + " "
					+ num(t.value()) + " " + t.unit() + "（" + t.year() + "年）";
		}) + "。";
	}

	private static String status(String status) {
		return switch (status) {
			case "UNDER_CONSTRUCTION" -> "在建，不计入现状";
			case "PLANNED" -> "规划，不计入现状";
			default -> status;
		};
	}

}
