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
			double demand = fromChain.stream().mapToDouble(ProductBalance.DemandShare::demand).sum();
			if (demand > 0) {
				counted.add(new LocalSupport.Input(input, demand, b.localCapacity(), b.localDemand(),
						Math.min(1, b.localCapacity() / b.localDemand()), b.complete()));
			}
		}
		Double rate = counted.isEmpty() ? null
				: counted.stream().mapToDouble(LocalSupport.Input::coverage).average().orElseThrow();
		String explanation = rate == null ? chain.chain().nameZh() + "的本地生产没有已知需求量的投入品，本地配套率无从计算。"
				: chain.chain().nameZh() + "本地配套率 " + percent(rate) + " = " + counted.size() + " 种投入品本地覆盖率的平均："
						+ Words.names(counted,
								i -> i.product().nameZh() + " " + amount(i.localCapacity(), i.product().unit()) + " / "
										+ amount(i.localDemand(), i.product().unit()) + "（本链需求 "
										+ amount(i.demand(), i.product().unit()) + "）→ " + percent(i.coverage()))
						+ "。" + (complete ? "" : "部分基地产能未知，仅按已知数字计算。");
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
		double share = b.localCapacity() / target.value();
		return new TargetProgress(balances.scenario(), b.localCapacity(), product.unit(), share, b.producerCount(),
				b.sitesWithUnknownCapacity(), b.supplyComplete(),
				product.nameZh() + "本地已知产能 " + amount(b.localCapacity(), product.unit()) + "（"
						+ (balances.scenario() == Scenario.CURRENT ? "在产" : "含在建与规划") + "，" + b.producerCount() + "家企业"
						+ (b.supplyComplete() ? "" : "，另有" + b.sitesWithUnknownCapacity() + "个基地产能未知") + "），为"
						+ target.year() + "年目标 " + amount(target.value(), target.unit()) + " 的 " + percent(share)
						+ (b.supplyComplete() ? "" : "（下限）") + "。");
	}

}
