package io.chainlens.company;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

import graphql.schema.DataFetchingEnvironment;
import io.chainlens.chain.Chain;
import io.chainlens.chain.Product;
import io.chainlens.chain.Region;
import io.chainlens.web.BadArgument;
import io.chainlens.web.Connection;
import io.chainlens.web.Cursors;
import io.chainlens.web.GraphQlLimits;
import reactor.core.publisher.Mono;

/**
 * The connection fields of products, chains and regions. A cursor is checked here, before
 * the field joins its batch, so that a bad one fails its own field only.
 */
@Controller
class NestedPagesController {

	private static final String PRODUCERS = "Product.producersConnection";

	private static final String CHAIN_COMPANIES = "Chain.companiesConnection";

	private static final String REGION_COMPANIES = "Region.companiesConnection";

	private static final String REGION_SITES = "Region.sitesConnection";

	private final GraphQlLimits limits;

	NestedPagesController(NestedPages pages, GraphQlLimits limits, BatchLoaderRegistry registry) {
		this.limits = limits;
		register(registry, PRODUCERS, pages::producers);
		register(registry, CHAIN_COMPANIES, pages::chainCompanies);
		register(registry, REGION_COMPANIES, pages::regionCompanies);
		register(registry, REGION_SITES, pages::regionSites);
	}

	private static <T> void register(BatchLoaderRegistry registry, String name,
			Function<Set<NestedPages.Key>, Map<NestedPages.Key, Connection<T>>> read) {
		registry.<NestedPages.Key, Connection<T>>forName(name)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> read.apply(keys)));
	}

	@SchemaMapping(typeName = "Product", field = "producersConnection")
	CompletableFuture<Connection<Production>> producersConnection(Product product, @Argument Boolean localOnly,
			@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
		List<String> position = null;
		if (after != null) {
			position = Cursors.decode(after, NestedPages.producersList(product.id()), 4);
			if (!Set.of("0", "1").contains(position.get(0))) {
				throw new BadArgument("after",
						"is not a cursor of this list: take endCursor or an edge's cursor as given");
			}
			Cursors.number(position.get(1));
		}
		return load(env, PRODUCERS, product.id(), Boolean.TRUE.equals(localOnly), first, position);
	}

	@SchemaMapping(typeName = "Chain", field = "companiesConnection")
	CompletableFuture<Connection<Company>> chainCompanies(Chain chain, @Argument Integer first, @Argument String after,
			DataFetchingEnvironment env) {
		return load(env, CHAIN_COMPANIES, chain.id(), false, first, companyPosition(after));
	}

	@SchemaMapping(typeName = "Region", field = "companiesConnection")
	CompletableFuture<Connection<Company>> regionCompanies(Region region, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment env) {
		return load(env, REGION_COMPANIES, region.id(), false, first, companyPosition(after));
	}

	@SchemaMapping(typeName = "Region", field = "sitesConnection")
	CompletableFuture<Connection<Site>> regionSites(Region region, @Argument Integer first, @Argument String after,
			DataFetchingEnvironment env) {
		return load(env, REGION_SITES, region.id(), false, first,
				after == null ? null : Cursors.decode(after, NestedPages.sitesList(region.id()), 1));
	}

	/** A cursor of the companies' NAME order: its name and id. */
	private static List<String> companyPosition(String after) {
		return after == null ? null : List.of(CompanyPages.decode(after, CompanyPages.Order.NAME));
	}

	private <T> CompletableFuture<Connection<T>> load(DataFetchingEnvironment env, String name, String parentId,
			boolean localOnly, Integer first, List<String> after) {
		// an explicit null means the schema's default, as when first is left out
		int page = limits.checkFirst(first == null ? 20 : first);
		DataLoader<NestedPages.Key, Connection<T>> loader = env.getDataLoader(name);
		return loader.load(new NestedPages.Key(parentId, localOnly, page, after));
	}

}
