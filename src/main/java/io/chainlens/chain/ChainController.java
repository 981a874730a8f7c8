package io.chainlens.chain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import graphql.schema.DataFetchingEnvironment;

import io.chainlens.web.BadArgument;
import io.chainlens.web.Primed;
import io.chainlens.web.Selected;
import io.chainlens.web.NotFound;

import static io.chainlens.database.Batched.byKey;
import static io.chainlens.database.Batched.ids;

@Controller
class ChainController {

	private final ChainQueries queries;

	private final ProductLookup products;

	ChainController(ChainQueries queries, ProductLookup products) {
		this.queries = queries;
		this.products = products;
	}

	@QueryMapping
	List<Chain> chains() {
		return queries.chains();
	}

	@QueryMapping
	Chain chain(@Argument String id, DataFetchingEnvironment env) {
		if (!Selected.path(env, "segments", "products")) {
			return queries.chain(id).orElse(null);
		}
		// A chain's outline (the map page's first question, and a client's usual one)
		// asks for its segments and their products, often with producer counts: one
		// query reads them and hands them to those fields' data loaders, which would
		// otherwise read them level by level, a round trip each.
		return queries.outline(id).map(outline -> {
			Primed.prime(env, "Chain.segments", outline.chain(),
					outline.parts().stream().map(ChainQueries.Part::segment).toList());
			outline.parts().forEach(part -> {
				Primed.prime(env, "Segment.products", part.segment(), part.products());
				// a count no write has kept yet is left to the field's own query
				part.makers().forEach((product, makers) -> Primed.prime(env, "Product.producerCount", product, makers));
			});
			return outline.chain();
		}).orElse(null);
	}

	@QueryMapping
	Product product(@Argument String id) {
		return queries.product(id).orElse(null);
	}

	@QueryMapping
	Region focusRegion() {
		return queries.focusRegion();
	}

	@QueryMapping
	List<Region> regions(@Argument String parent, @Argument String level) {
		if (level != null && !Region.LEVELS.contains(level)) {
			throw new BadArgument("level",
					"must be one of " + String.join(", ", Region.LEVELS) + ", not '" + level + "'");
		}
		String parentId = null;
		if (parent != null) {
			parentId = queries.region(parent)
				.orElseThrow(
						() -> new NotFound("There is no region with id or name '" + parent + "' (argument 'parent')"))
				.id();
		}
		return queries.regions(parentId, level);
	}

	@BatchMapping(typeName = "Region", field = "parent")
	Map<Region, Region> parentOfRegions(List<Region> regions) {
		return byKey(regions, Region::id, queries.parentsOfRegions(ids(regions, Region::id)));
	}

	@QueryMapping
	List<PolicyItem> policyItems() {
		return queries.policyItems();
	}

	@QueryMapping
	PolicyItem policyItem(@Argument int number) {
		return queries.policyItem(number).orElse(null);
	}

	@QueryMapping
	List<Target> targets(@Argument Integer item, @Argument String chainId) {
		if (chainId != null && queries.chain(chainId).isEmpty()) {
			throw new NotFound("chain", chainId);
		}
		return queries.targets(item, chainId);
	}

	@QueryMapping
	List<GovUnit> govUnits() {
		return queries.govUnits();
	}

	@BatchMapping(typeName = "PolicyItem", field = "targets")
	Map<PolicyItem, List<Target>> targetsOfItems(List<PolicyItem> items) {
		return byKey(items, PolicyItem::id, queries.targetsOfItems(ids(items, PolicyItem::id)));
	}

	@BatchMapping(typeName = "Target", field = "chain")
	Map<Target, Chain> chainOfTargets(List<Target> targets) {
		return byKey(targets, Target::id, queries.chainOfTargets(ids(targets, Target::id)));
	}

	@BatchMapping(typeName = "GovUnit", field = "leads")
	Map<GovUnit, List<PolicyItem>> itemsLed(List<GovUnit> units) {
		return byKey(units, GovUnit::id, queries.itemsOfUnits(ids(units, GovUnit::id), true));
	}

	@BatchMapping(typeName = "GovUnit", field = "responsibleFor")
	Map<GovUnit, List<PolicyItem>> itemsResponsibleFor(List<GovUnit> units) {
		return byKey(units, GovUnit::id, queries.itemsOfUnits(ids(units, GovUnit::id), false));
	}

	@BatchMapping(typeName = "GovUnit", field = "region")
	Map<GovUnit, Region> regionOfUnits(List<GovUnit> units) {
		return byKey(units, GovUnit::id, queries.regionOfUnits(ids(units, GovUnit::id)));
	}

	@BatchMapping
	Map<Chain, List<Segment>> segments(List<Chain> chains) {
		return byKey(chains, Chain::id, queries.segments(ids(chains, Chain::id)));
	}

	@BatchMapping
	Map<Chain, List<GovUnit>> leadUnits(List<Chain> chains) {
		return byKey(chains, Chain::id, queries.units(ids(chains, Chain::id), "LEADS"));
	}

	@BatchMapping
	Map<Chain, List<GovUnit>> responsibleUnits(List<Chain> chains) {
		return byKey(chains, Chain::id, queries.units(ids(chains, Chain::id), "RESPONSIBLE_FOR"));
	}

	@BatchMapping
	Map<Chain, List<Target>> targets(List<Chain> chains) {
		return byKey(chains, Chain::id, queries.targets(ids(chains, Chain::id)));
	}

	@BatchMapping(typeName = "Chain", field = "policyItems")
	Map<Chain, List<PolicyItem>> policyItemsOfChains(List<Chain> chains) {
		return byKey(chains, Chain::id, queries.policyItemsOfChains(ids(chains, Chain::id)));
	}

	@BatchMapping
	Map<Segment, List<Product>> products(List<Segment> segments) {
		return byKey(segments, Segment::id, queries.products(ids(segments, Segment::id)));
	}

	@BatchMapping(typeName = "Segment", field = "chain")
	Map<Segment, Chain> chainOfSegment(List<Segment> segments) {
		return byKey(segments, Segment::id, queries.chainOfSegments(ids(segments, Segment::id)));
	}

	@BatchMapping(typeName = "Product", field = "chains")
	Map<Product, List<Chain>> chainsOfProducts(List<Product> products) {
		return byKey(products, Product::id, queries.chainsOfProducts(ids(products, Product::id)));
	}

	@BatchMapping
	Map<Product, Integer> producerCount(List<Product> products) {
		return byKey(products, Product::id, queries.producerCounts(ids(products, Product::id)));
	}

	@BatchMapping(typeName = "Product", field = "segments")
	Map<Product, List<Segment>> segmentsOfProducts(List<Product> products) {
		return byKey(products, Product::id, queries.segmentsOfProducts(ids(products, Product::id)));
	}

	@BatchMapping
	Map<Product, List<ProductLink>> inputs(List<Product> products) {
		return byKey(products, Product::id, queries.inputs(ids(products, Product::id)));
	}

	@BatchMapping
	Map<Product, List<ProductLink>> outputs(List<Product> products) {
		return byKey(products, Product::id, queries.outputs(ids(products, Product::id)));
	}

	@BatchMapping
	Map<Product, List<CoProduct>> coProducts(List<Product> products) {
		return byKey(products, Product::id, queries.coProducts(ids(products, Product::id)));
	}

	@BatchMapping(typeName = "PolicyItem", field = "chains")
	Map<PolicyItem, List<Chain>> chainsOfItems(List<PolicyItem> items) {
		return byKey(items, PolicyItem::id, queries.chainsOfItems(ids(items, PolicyItem::id)));
	}

	@BatchMapping(typeName = "PolicyItem", field = "leadUnits")
	Map<PolicyItem, List<GovUnit>> leadUnitsOfItems(List<PolicyItem> items) {
		return byKey(items, PolicyItem::id, queries.unitsOfItems(ids(items, PolicyItem::id), true));
	}

	@BatchMapping(typeName = "PolicyItem", field = "responsibleUnits")
	Map<PolicyItem, List<GovUnit>> responsibleUnitsOfItems(List<PolicyItem> items) {
		return byKey(items, PolicyItem::id, queries.unitsOfItems(ids(items, PolicyItem::id), false));
	}

	@BatchMapping(typeName = "Target", field = "product")
	Map<Target, Product> productOfTarget(List<Target> targets) {
		List<String> productIds = targets.stream().map(Target::productId).filter(Objects::nonNull).distinct().toList();
		Map<String, Product> byId = products.byId(productIds);
		Map<Target, Product> result = new LinkedHashMap<>();
		targets.stream()
			.filter(t -> t.productId() != null && byId.containsKey(t.productId()))
			.forEach(t -> result.put(t, byId.get(t.productId())));
		return result;
	}

}
