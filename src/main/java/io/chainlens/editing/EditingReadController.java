package io.chainlens.editing;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.chainlens.chain.Chain;
import io.chainlens.chain.Product;
import io.chainlens.company.Platform;
import io.chainlens.security.Caller;

import static io.chainlens.database.Batched.byKey;
import static io.chainlens.database.Batched.ids;

/**
 * The fields an editing client needs to offer only the writes the login may make; the
 * mutations check the same rules again (WriteRights), so these only spare a refusal.
 */
@Controller
class EditingReadController {

	private final EditingReads reads;

	EditingReadController(EditingReads reads) {
		this.reads = reads;
	}

	@SchemaMapping(typeName = "Chain", field = "editable")
	boolean editable(Chain chain) {
		Caller caller = Caller.current();
		return caller.isAdmin() || caller.leads(chain.id());
	}

	@BatchMapping(typeName = "Product", field = "acceptedUnits")
	Map<Product, List<String>> acceptedUnits(List<Product> products) {
		return byKey(products, Product::id, reads.acceptedUnits(ids(products, Product::id)));
	}

	@BatchMapping(typeName = "Platform", field = "chains")
	Map<Platform, List<Chain>> chainsOfPlatforms(List<Platform> platforms) {
		return byKey(platforms, Platform::id, reads.chainsOfPlatforms(ids(platforms, Platform::id)));
	}

}
