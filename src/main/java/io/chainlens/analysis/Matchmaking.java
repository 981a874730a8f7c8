package io.chainlens.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.chainlens.analysis.LocalGraph.ChainInfo;
import io.chainlens.analysis.LocalGraph.Feed;
import io.chainlens.analysis.LocalGraph.Make;
import io.chainlens.chain.Product;
import io.chainlens.company.Company;

/**
 * 包材包用 (seed §22): the local companies that make a product and the local companies that
 * use it, paired where no supply link between them is observed, ranked by what they could
 * trade. Only operating lines count: an order is placed with what runs today. Units of
 * one group are not paired (they supply each other already, or decide together).
 */
final class Matchmaking {

	private Matchmaking() {
	}

	/**
	 * @param supplierCapacity known capacity of the supplier's local lines; null when
	 * none is known
	 * @param customerDemand the customer's need: its known output of the consuming
	 * product × the FEEDS factor; null when the factor or its output is unknown
	 * @param volume the smaller of the two; null when either is unknown
	 */
	record Match(Product product, Company supplier, Company customer, Double supplierCapacity, Double customerDemand,
			Double volume, String unit, String explanation) {
	}

	/**
	 * @param observed keys {@code supplierId/customerId/productId} of the observed supply
	 * links
	 */
	static List<Match> find(LocalGraph graph, String chainId, Set<String> observed) {
		List<Match> matches = new ArrayList<>();
		Set<String> paired = new HashSet<>();
		for (ChainInfo chain : graph.chains()) {
			if (chainId != null && !chain.chain().id().equals(chainId)) {
				continue;
			}
			chain.segments().stream().flatMap(s -> s.products().stream()).distinct().forEach(product -> {
				Map<String, Figure> suppliers = operating(graph.makesOf(product.id()), 1.0);
				// a co-product comes from the sites of its process (PrNd oxide from
				// separation)
				for (LocalGraph.Yield yield : graph.yieldsInto(product.id())) {
					operating(graph.makesOf(yield.processId()), yield.share())
						.forEach((id, figure) -> suppliers.merge(id, figure, Figure::plus));
				}
				Map<String, Figure> customers = new LinkedHashMap<>();
				Map<String, String> usedFor = new LinkedHashMap<>();
				for (Feed feed : graph.feedsFrom(product.id())) {
					Map<String, Figure> users = operating(graph.makesOf(feed.outputId()), feed.perUnit());
					users.forEach((id, figure) -> {
						customers.merge(id, figure, Figure::plus);
						Product made = graph.product(feed.outputId());
						usedFor.merge(id, made == null ? feed.outputId() : made.nameZh(), (a, b) -> a + "、" + b);
					});
				}
				for (Figure supplier : suppliers.values()) {
					for (Figure customer : customers.values()) {
						String s = supplier.company().id();
						String c = customer.company().id();
						String key = s + "/" + c + "/" + product.id();
						// a product in two chains is paired once
						if (s.equals(c) || graph.sameGroup(s, c) || observed.contains(key) || !paired.add(key)) {
							continue;
						}
						matches.add(match(product, supplier, customer, usedFor.get(c)));
					}
				}
			});
		}
		matches.sort(Comparator.comparing((Match m) -> m.volume() == null ? -1 : m.volume())
			.reversed()
			.thenComparing(m -> m.product().id())
			.thenComparing(m -> m.supplier().id())
			.thenComparing(m -> m.customer().id()));
		return matches;
	}

	private static Match match(Product product, Figure supplier, Figure customer, String usedFor) {
		Double capacity = supplier.known();
		Double demand = customer.known();
		Double volume = capacity == null || demand == null ? null : Math.min(capacity, demand);
		String unit = product.unit();
		String explanation = supplier.company().nameZh() + "在本地生产" + product.nameZh() + "（在产产能 "
				+ amount(supplier, unit) + "），" + customer.company().nameZh() + "在本地生产" + usedFor + "，需用"
				+ product.nameZh() + " " + amount(customer, unit) + "；两者之间尚无已记录的供货关系"
				+ (volume == null ? "，可供量未知（一方数据缺失）。" : "，可对接量约 " + Words.num(volume) + " " + unit + "。");
		return new Match(product, supplier.company(), customer.company(), capacity, demand, volume, unit, explanation);
	}

	private static String amount(Figure figure, String unit) {
		if (figure.known() == null) {
			return "未知";
		}
		return (figure.someUnknown() ? "≥ " : "") + Words.num(figure.known()) + " " + unit;
	}

	/**
	 * Per company, its operating lines' capacity × factor; unknown when the factor is or
	 * no line's capacity is known.
	 */
	private static Map<String, Figure> operating(List<Make> makes, Double factor) {
		Map<String, Figure> byCompany = new LinkedHashMap<>();
		for (Make make : makes) {
			if (!Scenario.CURRENT.counts(make.status())) {
				continue;
			}
			Double amount = factor == null || make.capacity() == null ? null : factor * make.capacity();
			byCompany.merge(make.company().id(), new Figure(make.company(), amount, amount == null), Figure::plus);
		}
		return byCompany;
	}

	private record Figure(Company company, Double known, boolean someUnknown) {

		Figure plus(Figure other) {
			Double sum = known == null ? other.known : other.known == null ? known : known + other.known;
			return new Figure(company, sum, someUnknown || other.someUnknown);
		}

	}

}
