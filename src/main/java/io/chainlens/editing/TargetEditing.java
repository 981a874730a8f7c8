package io.chainlens.editing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chainlens.audit.AuditTrail;
import io.chainlens.audit.Written;
import io.chainlens.editing.Inputs.TargetInput;
import io.chainlens.editing.Lookups.ProductRef;
import io.chainlens.security.Caller;
import io.chainlens.security.WriteRights;
import io.chainlens.seed.Units;
import io.chainlens.web.BadArgument;

import static io.chainlens.editing.Lookups.params;

/**
 * setTarget: a chain's or product's goal for a year, created or replaced whole. Units
 * follow the seed's rules: a quantity of a product is stored in the product's unit; a
 * share, count or amount of money keeps its own.
 */
@Service
class TargetEditing {

	static final String OPERATION = "setTarget";

	private static final Pattern METRIC = Pattern.compile("[A-Z][A-Z_]{1,39}");

	private static final String SNAPSHOT = """
			MATCH (t:Target {id: $id})
			RETURN t {.*, chain: COLLECT { MATCH (t)-[:FOR_CHAIN]->(c) RETURN c.id }[0],
			          product: COLLECT { MATCH (t)-[:FOR_PRODUCT]->(p) RETURN p.id }[0],
			          item: COLLECT { MATCH (t)-[:UNDER_ITEM]->(i) RETURN i.number }[0]} AS snapshot""";

	private final Lookups lookups;

	private final AuditTrail audit;

	TargetEditing(Lookups lookups, AuditTrail audit) {
		this.lookups = lookups;
		this.audit = audit;
	}

	@Transactional
	String setTarget(Caller caller, TargetInput in) {
		String chainId = Check.optionalId("chainId", in.chainId());
		String productId = Check.optionalId("productId", in.productId());
		if (chainId == null && productId == null) {
			throw new BadArgument("chainId", "or productId is required: a target is of a chain or of a product");
		}
		String metric = Check.text("metric", in.metric(), 40);
		if (!METRIC.matcher(metric).matches()) {
			throw new BadArgument("metric", "must be upper case, e.g. CAPACITY, OUTPUT_VALUE, COUNT, SHARE");
		}
		double value = Check.amount("value", in.value());
		String unit = Check.text("unit", in.unit(), Check.UNIT);
		int year = Check.year("year", in.year(), true);
		Integer item = Check.item(in.item());
		String source = Check.source(in.source());
		String note = Check.optionalNote(in.note());
		String id = in.id() != null ? Check.id("id", in.id()) : (productId != null ? productId : chainId) + "-"
				+ metric.toLowerCase(Locale.ROOT).replace('_', '-') + "-" + year;

		ProductRef product = productId == null ? null : lookups.product("productId", productId);
		Map<String, String> chain = chainId != null ? lookups.chains("chainId", List.of(chainId)) : product.chains();
		if (product != null && chainId != null && !product.chains().containsKey(chainId)) {
			throw new BadArgument("chainId",
					"'" + chainId + "' is not the chain of product " + productId + ": " + product.chains().keySet());
		}
		if (chain.size() != 1) {
			throw new BadArgument("chainId", "is required: product " + productId + " is in several chains "
					+ chain.keySet() + "; say which the target is for");
		}
		lookups.requireItem(item);
		// the chain's lock covers a target that does not exist yet; the target's, one
		// that moves from another chain
		chain.keySet().forEach(c -> lookups.lock("Chain", c));
		lookups.lock("Target", id);
		Map<String, Object> before = lookups.snapshot(SNAPSHOT, params("id", id));
		Map<String, String> chains = new TreeMap<>(chain);
		if (before != null) {
			chains.putAll(chainsOf(before));
		}
		WriteRights.requireEvery(caller, OPERATION, "target '" + id + "'", chains);
		Map<String, Object> amount = amount(value, unit, product);

		Map<String, Object> write = params("id", id, "metric", metric, "year", year, "source", source, "note", note,
				"chainId", chain.keySet().iterator().next(), "productId", productId, "item", item);
		write.putAll(amount);
		lookups
			.write("""
					MERGE (t:Target {id: $id})
					SET t.metric = $metric, t.value = $value, t.unit = $unit, t.writtenAs = $writtenAs, t.year = $year,
					    t.source = $source, t.note = $note
					WITH t
					OPTIONAL MATCH (t)-[old:FOR_CHAIN|FOR_PRODUCT|UNDER_ITEM]->()
					DELETE old
					WITH DISTINCT t
					MATCH (c:Chain {id: $chainId})
					CREATE (t)-[:FOR_CHAIN]->(c)
					WITH t
					CALL (t) { WITH t WHERE $productId IS NOT NULL MATCH (p:Product {id: $productId}) CREATE (t)-[:FOR_PRODUCT]->(p) }
					CALL (t) { WITH t WHERE $item IS NOT NULL MATCH (i:PolicyItem {number: $item}) CREATE (t)-[:UNDER_ITEM]->(i) }""",
					write);
		audit.record(caller, OPERATION, source,
				new Written("Target", id, before, lookups.snapshot(SNAPSHOT, params("id", id)), chains.keySet()));
		return id;
	}

	/** The chains a target is of now: its chain and its product's. */
	private Map<String, String> chainsOf(Map<String, Object> target) {
		Map<String, String> chains = new TreeMap<>();
		if (target.get("chain") instanceof String chainId) {
			chains.putAll(lookups.chains("id", List.of(chainId)));
		}
		if (target.get("product") instanceof String productId) {
			chains.putAll(lookups.product("id", productId).chains());
		}
		return chains;
	}

	/**
	 * value, unit and writtenAs by the seed's rule for targets: a quantity of the product
	 * in the product's unit; a count keeps its word; anything else that measures in its
	 * dimension's canonical unit (万元 → 亿元).
	 */
	private static Map<String, Object> amount(double value, String unit, ProductRef product) {
		boolean notAQuantity = Units.COUNTS.contains(unit) || Units.factor(unit, "亿元").isPresent();
		if (product != null && !notAQuantity) {
			return converted(value, unit, product.unit(), product.factorFrom(unit));
		}
		if (Units.COUNTS.contains(unit)) {
			return converted(value, unit, unit, 1);
		}
		String canonical = Units.canonicalOf(unit)
			.orElseThrow(() -> new BadArgument("unit",
					"'" + unit + "' is not a known unit; use a product unit (t, "
							+ "GW, GWh, MW, units, Mm2), money (亿元, 万元) or a count or share "
							+ Units.COUNTS.stream().sorted().toList()));
		return converted(value, unit, canonical, Units.factor(unit, canonical).orElseThrow());
	}

	private static Map<String, Object> converted(double value, String unit, String to, double factor) {
		String writtenAs = Units.writtenAs(value, unit);
		return params("value", Check.stored("value", value * factor, to, writtenAs), "unit", to, "writtenAs",
				writtenAs);
	}

}
