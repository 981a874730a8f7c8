package io.chainlens.seed;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
					"east/capacities.csv:5 [unit]: 'barrels' does not convert to t, the unit of pv-polysilicon",
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

}
