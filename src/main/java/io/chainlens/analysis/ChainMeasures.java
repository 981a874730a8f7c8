package io.chainlens.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.chainlens.analysis.LocalGraph.ChainInfo;
import io.chainlens.analysis.LocalGraph.Feed;
import io.chainlens.analysis.LocalGraph.SegmentInfo;
import io.chainlens.chain.Product;
import io.chainlens.chain.Target;

import static io.chainlens.analysis.Words.amount;
import static io.chainlens.analysis.Words.percent;

/**
 * Chain-level measures on balances: the local support rate and progress against targets.
 */
final class ChainMeasures {

	private ChainMeasures() {
	}

	static LocalSupport localSupport(ChainInfo chain, Balances balances) {
		Set<String> products = chain.segments()
			.stream()
			.flatMap(s -> s.products().stream())
			.map(Product::id)
			.collect(Collectors.toSet());
		LocalGraph graph = balances.graph();
		Map<String, Product> inputs = new LinkedHashMap<>();
		for (SegmentInfo segment : chain.segments()) {
			for (Product product : segment.products()) {
				for (Feed feed : graph.feedsInto(product.id())) {
					inputs.putIfAbsent(feed.inputId(), graph.product(feed.inputId()));
				}
			}
		}
		List<LocalSupport.Input> counted = new ArrayList<>();
		boolean complete = true;
		for (Product input : inputs.values()) {
			ProductBalance b = balances.of(input.id());
			List<ProductBalance.DemandShare> fromChain = b.demandBy()
				.stream()
				.filter(s -> products.contains(s.product().id()))
				.toList();
			if (fromChain.isEmpty()) {
				continue;
			}
			complete &= b.complete();
			double demand = fromChain.stream()
				.map(ProductBalance.DemandShare::demand)
				.filter(d -> d != null)
				.mapToDouble(Double::doubleValue)
				.sum();
			if (demand > 0) {
				// an input whose local capacity is wholly unknown has an unknown
				// coverage: it
				// is listed, and left out of the mean rather than counted as 0
				counted.add(new LocalSupport.Input(input, demand, b.localCapacity(), b.knownDemand(),
						b.supplyUnknown() ? null : Math.min(1, b.knownCapacity() / b.knownDemand()), b.complete()));
			}
		}
		List<LocalSupport.Input> known = counted.stream().filter(i -> i.coverage() != null).toList();
		List<LocalSupport.Input> unknown = counted.stream().filter(i -> i.coverage() == null).toList();
		Double rate = known.isEmpty() ? null
				: known.stream().mapToDouble(LocalSupport.Input::coverage).average().orElseThrow();
		String unknownWords = unknown.isEmpty() ? ""
				: "本地产能未知、未计入平均的投入品：" + Words.names(unknown, i -> i.product().nameZh()) + "。";
		String explanation = rate == null ? chain.chain().nameZh() + "的本地生产没有已知需求量、已知本地产能的投入品，本地配套率无从计算。" + unknownWords
				: chain.chain().nameZh() + "本地配套率 " + percent(rate) + " = " + known.size() + " 种投入品本地覆盖率的平均："
						+ Words.names(known,
								i -> i.product().nameZh() + " " + amount(i.localCapacity(), i.product().unit()) + " / "
										+ amount(i.localDemand(), i.product().unit()) + "（本链需求 "
										+ amount(i.demand(), i.product().unit()) + "）→ " + percent(i.coverage()))
						+ "。" + unknownWords + (complete ? "" : "部分基地产能未知，仅按已知数字计算。");
		return new LocalSupport(rate, balances.scenario(), complete, List.copyOf(counted), explanation);
	}

	/**
	 * Progress against a CAPACITY target of a product in the product's unit; null where
	 * not comparable.
	 */
	static TargetProgress progress(Target target, Balances balances) {
		Product product = target.productId() == null ? null : balances.graph().product(target.productId());
		if (product == null || !"CAPACITY".equals(target.metric()) || !product.unit().equals(target.unit())
				|| target.value() <= 0) {
			return null;
		}
		ProductBalance b = balances.of(product.id());
		Double share = b.supplyUnknown() ? null : b.knownCapacity() / target.value();
		String scenario = switch (balances.scenario()) {
			case CURRENT -> "在产";
			case PLANNED -> "含" + target.year() + "年及以前到期的在建与规划";
			case PIPELINE -> "含" + target.year() + "年及以前到期的在建与规划，及前期推进中、尚未签约的招商线索";
		};
		String goal = target.year() + "年目标 " + amount(target.value(), target.unit());
		String explanation = b.supplyUnknown()
				? product.nameZh() + "本地有生产、产能未知（" + scenario + "，" + b.producerCount() + "家企业、"
						+ b.sitesWithUnknownCapacity() + "个基地产能均未知），对" + goal + "的完成度未知。"
				: product.nameZh() + "本地产能 " + Words.capacity(b) + "（" + scenario + "，" + b.producerCount() + "家企业"
						+ (b.supplyComplete() ? "" : "，另有" + b.sitesWithUnknownCapacity() + "个基地产能未知")
						+ Words.estimatePart(b) + "），为" + goal + " 的 " + Words.percent(share, b.capacityBound())
						+ (b.supplyComplete() ? "" : "（下限）") + "。";
		return new TargetProgress(balances.scenario(), b.localCapacity(), product.unit(), share, b.producerCount(),
				b.sitesWithUnknownCapacity(), b.supplyComplete(), b.capacityBound(), b.estimatedCapacity(),
				explanation);
	}

}
