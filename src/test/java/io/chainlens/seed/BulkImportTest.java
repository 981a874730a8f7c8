package io.chainlens.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

@ChainlensTest
class BulkImportTest {

	@Autowired
	BulkImport bulkImport;

	@Autowired
	TestGraph graph;

	@Autowired
	HttpGraphQlTester graphQl;

	@AfterEach
	void graphWasWritten() {
		graph.changed();
	}

	private static Path folder() throws IOException {
		return new ClassPathResource("fixtures/import-small").getFile().toPath();
	}

	@Test
	void importsGoodRowsInBatchesAndReportsEachRejectedRowWithFileLineAndReason() throws IOException {
		graph.seed();

		ImportReport report = bulkImport.run(folder(), 2);

		assertThat(report.read()).isEqualTo(9);
		assertThat(report.created()).isEqualTo(7);
		assertThat(report.rejected()).isEqualTo(2);
		assertThat(report.rejections()).extracting(Object::toString)
			.containsExactly(
					"east/capacities.csv:5 [unit]: 'barrels' does not convert to t, the unit of pv-polysilicon"
							+ "; accepted: t, g, kg, 吨, kt, 万t, 万吨, Mt",
					"sites.csv:4 [company_id]: 'test-ghost' is not a defined company");
		assertThat(graph.count(
				"MATCH (:Company {id: 'test-sunrise'})-[:HAS_SITE]->(s)-[m:MAKES]->(:Product {id: 'pv-module'}) RETURN toInteger(m.capacity)"))
			.as("8000 MW stored as GW")
			.isEqualTo(8);
		assertThat(graph.count("MATCH (s:Site {id: 'test-ghost-site'}) RETURN count(s)")).isZero();
		assertThat(graph.count("MATCH (:Site {id: 'test-moonwafer-zhejiang'})-[m:MAKES]->() RETURN count(m)"))
			.as("the rejected row of the same site wrote nothing")
			.isEqualTo(1);
	}

	@Test
	void importingTwiceCreatesNothingNew() throws IOException {
		graph.seed();
		bulkImport.run(folder(), 100);
		long size = graph.count("MATCH (n) RETURN count(n) + COUNT { ()-[]->() } * 1000000");

		ImportReport again = bulkImport.run(folder(), 100);

		assertThat(again.created()).isZero();
		assertThat(again.updated()).isEqualTo(7);
		assertThat(graph.count("MATCH (n) RETURN count(n) + COUNT { ()-[]->() } * 1000000")).isEqualTo(size);
	}

	@Test
	void importedCompaniesAreFoundBySearch() throws IOException {
		graph.seed();
		bulkImport.run(folder(), 100);

		assertThat(graph.count("""
				CALL db.index.fulltext.queryNodes('company_names', 'sunrise') YIELD node
				WHERE node.id = 'test-sunrise' RETURN count(node)""")).isEqualTo(1);
	}

	@Test
	void anImportShowsInTheBalanceOfTheNextRequest() throws IOException {
		graph.seed();
		double before = localCapacity("pv", "pv-cell");

		bulkImport.run(folder(), 2);

		assertThat(localCapacity("pv", "pv-cell")).as("12 GW operating at a site in 青山区").isEqualTo(before + 12);
	}

	@Test
	void anImportRecountsTheMakersOfTheProductsItWroteCapacitiesFor() throws IOException {
		graph.seed();
		long wafer = makers("pv-wafer");
		long cell = makers("pv-cell");

		bulkImport.run(folder(), 2);

		assertThat(makers("pv-wafer")).isEqualTo(wafer + 1);
		assertThat(makers("pv-cell")).isEqualTo(cell + 1);
		assertThat(graph
			.count("""
					MATCH (p:Product)
					WHERE coalesce(p.makers, -1) <> COUNT { MATCH (c:Company)-[:HAS_SITE]->(:Site)-[:MAKES]->(p) RETURN DISTINCT c }
					RETURN count(p)"""))
			.isZero();
	}

	private long makers(String productId) {
		return graph.count("MATCH (p:Product {id: '" + productId + "'}) RETURN p.makers");
	}

	private double localCapacity(String chainId, String productId) {
		return graphQl.documentName("balance")
			.variable("chainId", chainId)
			.execute()
			.path("balance[?(@.product.id == '" + productId + "')].localCapacity")
			.entityList(Double.class)
			.get()
			.get(0);
	}

	@Test
	void updatesRowsTheGraphHoldsAndCreatesTheNewOnesInTheSameImport(@TempDir Path dir) throws IOException {
		graph.seed();
		bulkImport.run(folder(), 100);
		Files.writeString(dir.resolve("companies.csv"), """
				id,name_zh,name_en,aliases,hq_region_id,source
				test-sunrise,旭日光能,Sunrise Solar Energy,旭日|Sunrise,jiangsu,estimate: test fixture
				test-newco,新星材料,Nova Materials,,zhejiang,estimate: test fixture
				""");
		Files.writeString(dir.resolve("sites.csv"), """
				id,company_id,name_zh,region_id,source
				test-sunrise-qingshan,test-sunrise,旭日青山基地,baotou-qingshan,estimate: test fixture
				test-newco-zhejiang,test-newco,,zhejiang,estimate: test fixture
				""");
		Files.writeString(dir.resolve("capacities.csv"), """
				site_id,product_id,capacity,unit,status,year,source
				test-sunrise-qingshan,pv-cell,14,GW,OPERATING,2025,estimate: test fixture
				test-sunrise-qingshan,pv-wafer,3,GW,PLANNED,2026,estimate: test fixture
				test-newco-zhejiang,pv-wafer,2,GW,OPERATING,2025,estimate: test fixture
				""");

		ImportReport report = bulkImport.run(dir, 2);

		assertThat(report.rejections()).isEmpty();
		assertThat(report.created()).as("test-newco, its site, its capacity and the new line of an old site")
			.isEqualTo(4);
		assertThat(report.updated()).isEqualTo(3);
		assertThat(graph.rows("""
				MATCH (c:Company)-[:HAS_SITE]->(s:Site {id: 'test-sunrise-qingshan'})
				RETURN c.name AS company, s.nameZh AS site""", Map.of()))
			.containsExactly(Map.of("company", "Sunrise Solar Energy", "site", "旭日青山基地"));
		assertThat(graph.count("""
				MATCH (:Site {id: 'test-sunrise-qingshan'})-[m:MAKES]->(:Product {id: 'pv-cell'})
				RETURN toInteger(sum(m.capacity)) * 1000 + count(m)""")).as("one pv-cell line, updated to 14 GW")
			.isEqualTo(14_001);
		assertThat(graph
			.count("""
					MATCH (:Company {id: 'test-newco'})-[:HAS_SITE]->(:Site {id: 'test-newco-zhejiang'})-[m:MAKES]->(:Product {id: 'pv-wafer'})
					RETURN count(m)"""))
			.isEqualTo(1);
		assertThat(graph.count("MATCH (c:Company) WHERE c.id STARTS WITH 'test-' RETURN count(c)")).isEqualTo(3);
	}

}
