package io.chainlens.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.chainlens.analysis.LocalGraph.Feed;
import io.chainlens.analysis.LocalGraph.Make;
import io.chainlens.company.Company;

/**
 * Removes one company's local sites and recomputes the balances. A product it makes
 * locally (or yields as a co-product) is affected when other local companies consume it
 * and its local self-sufficiency drops (where figures allow a ratio; otherwise when its
 * known capacity or its number of local producers drops). The walk then follows FEEDS
 * downstream, hop by hop, to the local companies whose supply is at risk, up to the
 * configured depth.
 */
final class ImpactAnalysis {

	private final int depth;

	ImpactAnalysis(AnalysisSettings settings) {
		this.depth = settings.impactDepth();
	}

	Impact of(LocalGraph graph, Scenario scenario, Company company) {
		Balances with = graph.balances(scenario);
		Balances without = new Balances(graph, scenario, company.id());
		Set<String> made = new LinkedHashSet<>();
		for (Make make : graph.makes()) {
			if (make.company().id().equals(company.id()) && scenario.counts(make.status())) {
				made.add(make.productId());
				graph.yieldsFrom(make.productId()).forEach(y -> made.add(y.productId()));
			}
		}
		List<String> affected = made.stream()
			.filter(p -> graph.product(p) != null && drops(with.of(p), without.of(p)))
			.sorted()
			.toList();
		Map<String, Impact.Step> steps = new LinkedHashMap<>();
		Set<String> visited = new HashSet<>(affected);
		List<String> frontier = affected;
		for (int hop = 1; hop <= depth && !frontier.isEmpty(); hop++) {
			List<String> next = new ArrayList<>();
			for (String input : frontier) {
				for (Feed feed : graph.feedsFrom(input)) {
					List<Make> consumers = without.direct(feed.outputId());
					for (Make consumer : consumers) {
						steps.putIfAbsent(consumer.company().id() + "|" + feed.outputId(), new Impact.Step(hop,
								consumer.company(), graph.product(feed.outputId()), graph.product(input)));
					}
					if (!consumers.isEmpty() && visited.add(feed.outputId())) {
						next.add(feed.outputId());
					}
				}
			}
			frontier = next;
		}
		List<Impact.Step> ordered = steps.values()
			.stream()
			.sorted(Comparator.comparingInt(Impact.Step::hop)
				.thenComparing(s -> s.company().id())
				.thenComparing(s -> s.product().id()))
			.toList();
		Map<String, Company> companies = new LinkedHashMap<>();
		Map<String, Company> groupUnits = new LinkedHashMap<>();
		ordered.forEach(s -> (graph.sameGroup(company.id(), s.company().id()) ? groupUnits : companies)
			.putIfAbsent(s.company().id(), s.company()));
		List<ProductBalance> after = affected.stream().map(without::of).toList();
		List<ProductBalance> before = affected.stream().map(with::of).toList();
		return new Impact(company, after, List.copyOf(companies.values()), scenario, before, ordered,
				explanation(graph, company, made, before, after, ordered), List.copyOf(groupUnits.values()));
	}

	/**
	 * Whether other local consumers lose supply. Where both balances rest on known
	 * capacities the self-sufficiency decides (a company that consumed much of its own
	 * output may leave the others better off); otherwise losing capacity or a producer is
	 * enough, as a ratio on unknown capacities means nothing.
	 */
	private static boolean drops(ProductBalance with, ProductBalance without) {
		if (without.consumers().isEmpty()) {
			return false;
		}
		if (with.supplyComplete() && with.selfSufficiency() != null && without.selfSufficiency() != null) {
			return without.selfSufficiency() < with.selfSufficiency();
		}
		return without.knownCapacity() < with.knownCapacity() || without.producerCount() < with.producerCount();
	}

	private String explanation(LocalGraph graph, Company company, Set<String> made, List<ProductBalance> before,
			List<ProductBalance> after, List<Impact.Step> steps) {
		String who = company.nameZh() + "在" + graph.regionName() + "的基地停产";
		if (made.isEmpty()) {
			return who + "：该企业在本情景下没有本地产能记录，不影响本地供给。";
		}
		if (after.isEmpty()) {
			return who + "：其本地产品（" + Words.names(made, p -> graph.product(p).nameZh()) + "）没有其他本地企业使用，本地配套不受影响。";
		}
		StringBuilder words = new StringBuilder(who + "后：");
		for (int i = 0; i < after.size(); i++) {
			ProductBalance b = before.get(i);
			ProductBalance a = after.get(i);
			words.append(i == 0 ? "" : "；")
				.append(a.product().nameZh())
				.append(" 本地产能 ")
				.append(Words.capacity(b))
				.append(" → ")
				.append(Words.capacity(a))
				.append("，生产企业 ")
				.append(b.producerCount())
				.append(" → ")
				.append(a.producerCount())
				.append(" 家");
			if (b.supplyComplete() && b.selfSufficiency() != null && a.selfSufficiency() != null) {
				words.append("，自给率 ")
					.append(Words.percent(b.selfSufficiency(), b.selfSufficiencyBound()))
					.append(" → ")
					.append(Words.percent(a.selfSufficiency(), a.selfSufficiencyBound()));
			}
			if (!a.complete()) {
				words.append("（部分基地产能未知）");
			}
		}
		words.append("。下游受影响的本地企业（").append(depth).append(" 跳以内）：");
		List<Impact.Step> own = steps.stream().filter(s -> graph.sameGroup(company.id(), s.company().id())).toList();
		steps = steps.stream().filter(s -> !own.contains(s)).toList();
		if (steps.isEmpty()) {
			words.append("无其他企业");
		}
		Map<Integer, List<Impact.Step>> byHop = steps.stream()
			.collect(Collectors.groupingBy(Impact.Step::hop, LinkedHashMap::new, Collectors.toList()));
		words
			.append(byHop.entrySet()
				.stream()
				.map(e -> "第" + e.getKey() + "跳 " + Words.names(e.getValue(),
						s -> s.company().nameZh() + "（用" + s.input().nameZh() + "生产" + s.product().nameZh() + "）"))
				.collect(Collectors.joining("；")));
		if (!own.isEmpty()) {
			words.append("。同一集团的本企业单位也受波及：")
				.append(Words.names(own.stream().map(s -> s.company().nameZh()).distinct().toList(), n -> n));
		}
		return words.append("。").toString();
	}

}
