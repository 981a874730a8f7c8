package io.chainlens.editing;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chainlens.audit.AuditTrail;
import io.chainlens.audit.Written;
import io.chainlens.company.SupplyLink;
import io.chainlens.editing.Inputs.SupplyLinkInput;
import io.chainlens.editing.Lookups.ProductRef;
import io.chainlens.security.Caller;
import io.chainlens.security.WriteRights;
import io.chainlens.web.BadArgument;
import io.chainlens.web.NotFound;

import static io.chainlens.editing.Lookups.params;

/** Observed supply links between companies; the product's chain decides who may write. */
@Service
class SupplyEditing {

	static final String ADD = "addSupplyLink";

	static final String REMOVE = "removeSupplyLink";

	private static final String SNAPSHOT = """
			MATCH (s:Company {id: $supplierId})-[l:SUPPLIES {productId: $productId}]->(cu:Company {id: $customerId})
			RETURN l {.*, supplier: s.id, customer: cu.id} AS snapshot""";

	private final Lookups lookups;

	private final AuditTrail audit;

	SupplyEditing(Lookups lookups, AuditTrail audit) {
		this.lookups = lookups;
		this.audit = audit;
	}

	private record Link(String supplierId, String customerId, ProductRef product, String source, String note) {

		Map<String, Object> key() {
			return params("supplierId", supplierId, "customerId", customerId, "productId", product.id());
		}

		String id() {
			return supplierId + "/" + customerId + "/" + product.id();
		}

		SupplyLink value() {
			return new SupplyLink(supplierId, customerId, product.id(), source, note);
		}

	}

	/**
	 * Checks the input, looks up its ids and the caller's rights on the product's chain.
	 */
	private Link link(Caller caller, String operation, SupplyLinkInput in) {
		String supplierId = Check.id("supplierId", in.supplierId());
		String customerId = Check.id("customerId", in.customerId());
		String productId = Check.id("productId", in.productId());
		String source = Check.source(in.source());
		String note = Check.optionalNote(in.note());
		if (supplierId.equals(customerId)) {
			throw new BadArgument("customerId", "must be another company than the supplier");
		}
		// the supplier's lock makes the link's "before" the value this write replaces
		lookups.lock("Company", supplierId);
		lookups.requireCompany("supplierId", supplierId);
		lookups.requireCompany("customerId", customerId);
		ProductRef product = lookups.product("productId", productId);
		WriteRights.requireEvery(caller, operation, "product '" + productId + "'", product.chains());
		return new Link(supplierId, customerId, product, source, note);
	}

	@Transactional
	SupplyLink add(Caller caller, SupplyLinkInput in) {
		Link link = link(caller, ADD, in);
		Map<String, Object> before = lookups.snapshot(SNAPSHOT, link.key());
		Map<String, Object> write = params("source", link.source(), "note", link.note());
		write.putAll(link.key());
		lookups.write("""
				MATCH (s:Company {id: $supplierId}), (cu:Company {id: $customerId})
				MERGE (s)-[l:SUPPLIES {productId: $productId}]->(cu)
				SET l.source = $source, l.note = $note""", write);
		audit.record(caller, ADD, link.source(), new Written("SupplyLink", link.id(), before,
				lookups.snapshot(SNAPSHOT, link.key()), link.product().chains().keySet()));
		return link.value();
	}

	@Transactional
	SupplyLink remove(Caller caller, SupplyLinkInput in) {
		Link link = link(caller, REMOVE, in);
		Map<String, Object> before = lookups.snapshot(SNAPSHOT, link.key());
		if (before == null) {
			throw new NotFound("There is no supply link of " + link.product().id() + " from " + link.supplierId()
					+ " to " + link.customerId());
		}
		lookups.write("""
				MATCH (:Company {id: $supplierId})-[l:SUPPLIES {productId: $productId}]->(:Company {id: $customerId})
				DELETE l""", link.key());
		audit.record(caller, REMOVE, link.source(),
				new Written("SupplyLink", link.id(), before, null, link.product().chains().keySet()));
		return new SupplyLink(link.supplierId(), link.customerId(), link.product().id(), (String) before.get("source"),
				(String) before.get("note"));
	}

}
