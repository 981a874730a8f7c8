package io.chainlens.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.chainlens.ChainlensTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Suppliers, customers and supply links on the {@code analysis} fixture. */
@ChainlensTest
class CompanyLinksTest extends OnAnalysisFixture {

	record Ref(String id) {
	}

	record Other(String id, boolean local) {
	}

	record Link(Other company, Ref product, String direction, String kind, String source) {
	}

	@Test
	void derivesLocalSuppliersAndCustomersFromFeedsBetweenLocalSites() {
		// cells consume anode (anodeco) and electrolyte (elyco, a project: any status
		// counts); packs
		// and storage systems consume cells
		var company = graphQl.documentName("companyLinks").variable("id", "cellco").execute();
		assertThat(company.path("company.suppliers[*].id").entityList(String.class).get()).containsExactly("anodeco",
				"elyco");
		assertThat(company.path("company.customers[*].id").entityList(String.class).get()).containsExactly("packco",
				"sysco", "sysunk");
	}

	@Test
	void tellsObservedSupplyLinksFromPotentialOnes() {
		List<Link> links = graphQl.documentName("companyLinks")
			.variable("id", "cellco")
			.execute()
			.path("company.links")
			.entityList(Link.class)
			.get();
		assertThat(links).extracting(l -> l.company().id(), l -> l.product().id(), Link::direction, Link::kind)
			.containsExactly(tuple("catho1", "battery-cathode", "SUPPLIER", "OBSERVED"),
					tuple("anodeco", "battery-anode", "SUPPLIER", "POTENTIAL"),
					tuple("elyco", "battery-electrolyte", "SUPPLIER", "POTENTIAL"),
					tuple("packco", "battery-cell", "CUSTOMER", "POTENTIAL"),
					tuple("sysco", "battery-cell", "CUSTOMER", "POTENTIAL"),
					tuple("sysunk", "battery-cell", "CUSTOMER", "POTENTIAL"));
		// the observed supplier is outside the region: a link, but not a local supplier
		assertThat(links.get(0).company().local()).isFalse();
		assertThat(links.get(0).source()).isEqualTo("estimate: test fixture");
	}

	@Test
	void makersOfAProcessProductSupplyItsCoProducts() {
		var magco = graphQl.documentName("companyLinks").variable("id", "magco").execute();
		assertThat(magco.path("company.suppliers[*].id").entityList(String.class).get()).containsExactly("oxco",
				"prndnew");
		var oxco = graphQl.documentName("companyLinks").variable("id", "oxco").execute();
		assertThat(oxco.path("company.links").entityList(Link.class).get())
			.extracting(l -> l.company().id(), l -> l.product().id(), Link::direction)
			.containsExactly(tuple("magco", "magnet-prnd", "CUSTOMER"));
	}

}
