package io.chainlens.editing;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

import io.chainlens.SeedSharingWrites;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * setCapacity as the contract describes it: site resolution, unit conversion, upsert. The
 * tests write to different capacity lines, so they share one load of the seed graph.
 */
class SetCapacityTest extends SeedSharingWrites {

	private static Map<String, Object> input(String company, String product, String region, double capacity,
			String unit, String status) {
		return new java.util.HashMap<>(Map.of("companyId", company, "productId", product, "region", region, "capacity",
				capacity, "unit", unit, "status", status, "source", "public: test, 2024-05-01"));
	}

	@Test
	void storesTheCapacityInTheProductsUnitWithTheFigureAsWritten() {
		Login.LEAD_PV.as(graphQl)
			.documentName("setCapacity")
			.variable("input", input("tongwei", "pv-polysilicon", "昆都仑区", 25, "万t", "PLANNED"))
			.execute()
			.path("setCapacity.site.id")
			.entity(String.class)
			.isEqualTo("tongwei-kundulun")
			.path("setCapacity.capacity")
			.entity(Double.class)
			.isEqualTo(250000.0)
			.path("setCapacity.unit")
			.entity(String.class)
			.isEqualTo("t")
			.path("setCapacity.writtenAs")
			.entity(String.class)
			.isEqualTo("25 万t")
			.path("setCapacity.district")
			.entity(String.class)
			.isEqualTo("昆都仑区(昆区)");

		assertThat(graph.rows("""
				MATCH (:Site {id: 'tongwei-kundulun'})-[m:MAKES {status: 'PLANNED'}]->(:Product {id: 'pv-polysilicon'})
				RETURN m.capacity AS capacity, m.source AS source""", Map.of()))
			.containsExactly(Map.of("capacity", 250000.0, "source", "public: test, 2024-05-01"));
	}

	@Test
	void convertsAUnitThroughTheProductsOwnConversionAndKeepsIt() {
		// a test conversion: 1 t/d of PV-glass melting = 0.04 Mm2 a year
		graph.write("""
				MATCH (p:Product {id: 'pv-glass'})
				MERGE (c:Conversion {productId: 'pv-glass', fromUnit: 't/d'})
				SET c.toUnit = 'Mm2', c.factor = 0.04, c.source = 'estimate: test factor'
				MERGE (c)-[:OF]->(p)""", Map.of());

		Login.LEAD_PV.as(graphQl)
			.documentName("setCapacity")
			.variable("input", input("tongwei", "pv-glass", "昆都仑区", 1000, "t/d", "PLANNED"))
			.execute()
			.path("setCapacity.capacity")
			.entity(Double.class)
			.isEqualTo(40.0)
			.path("setCapacity.unit")
			.entity(String.class)
			.isEqualTo("Mm2")
			.path("setCapacity.writtenAs")
			.entity(String.class)
			.isEqualTo("1000 t/d")
			.path("setCapacity.conversion")
			.entity(String.class)
			.isEqualTo("1 t/d = 0.04 Mm2（estimate: test factor）");

		// a unit with no conversion for the product is refused, naming the accepted ones
		Login.LEAD_PV.as(graphQl)
			.documentName("setCapacity")
			.variable("input", input("tongwei", "pv-glass", "昆都仑区", 1000, "t/h", "PLANNED"))
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage()
				.contains("'t/h' does not convert to Mm2, the unit of pv-glass; use one of [Mm2, m2, 万m2, t/d]"));
	}

	@Test
	void createsASiteNamedAfterCompanyAndRegionWhenTheCompanyHasNoneThere() {
		Login.LEAD_PV.as(graphQl)
			.documentName("setCapacity")
			.variable("input", input("tongwei", "pv-polysilicon", "baotou-qingshan", 1000, "kt", "PLANNED"))
			.execute()
			.path("setCapacity.site.id")
			.entity(String.class)
			.isEqualTo("tongwei-baotou-qingshan")
			.path("setCapacity.capacity")
			.entity(Double.class)
			.isEqualTo(1_000_000.0);

		assertThat(graph.count("""
				MATCH (:Company {id: 'tongwei'})-[:HAS_SITE]->(s:Site {id: 'tongwei-baotou-qingshan'})
				      -[:IN_REGION]->(:Region {id: 'baotou-qingshan'})
				RETURN count(s)""")).isOne();
	}

	@Test
	void asksWhichSiteWhenTheCompanyHasSeveralInTheRegion() {
		Login.LEAD_PV.as(graphQl)
			.documentName("setCapacity")
			.variable("input", input("tongwei", "pv-polysilicon", "包头市", 1, "万t", "PLANNED"))
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().contains("'siteId'")
					&& e.getMessage().contains("tongwei-baotou-industrial-silicon")
					&& e.getMessage().contains("tongwei-kundulun"));

		Map<String, Object> withSite = input("tongwei", "pv-industrial-silicon", "包头市", 1, "万t", "PLANNED");
		withSite.put("siteId", "tongwei-kundulun");
		Login.LEAD_PV.as(graphQl)
			.documentName("setCapacity")
			.variable("input", withSite)
			.execute()
			.path("setCapacity.site.id")
			.entity(String.class)
			.isEqualTo("tongwei-kundulun");
	}

	@Test
	void replacesTheLineOfTheSameSiteProductAndStatus() {
		long lines = graph.count("MATCH ()-[m:MAKES]->() RETURN count(m)");
		long changes = graph.count("MATCH (c:Change {user: 'admin'}) RETURN count(c)");
		Login.ADMIN.as(graphQl)
			.documentName("setCapacity")
			.variable("input", input("tongwei", "pv-polysilicon", "baotou-kundulun", 8, "万t", "OPERATING"))
			.execute()
			.path("setCapacity.capacity")
			.entity(Double.class)
			.isEqualTo(80000.0);

		assertThat(graph.count("MATCH ()-[m:MAKES]->() RETURN count(m)")).isEqualTo(lines);
		assertThat(graph.rows(
				"""
						MATCH (:Site {id: 'tongwei-kundulun'})-[m:MAKES {status: 'OPERATING'}]->(:Product {id: 'pv-polysilicon'})
						RETURN m.capacity AS capacity""",
				Map.of()))
			.containsExactly(Map.of("capacity", 80000.0));
		assertThat(graph.count("MATCH (c:Change {user: 'admin'}) RETURN count(c)")).isEqualTo(changes + 1);
	}

}
