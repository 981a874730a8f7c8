package io.chainlens.seed;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

@ChainlensTest
class BulkImportTest {

	@Autowired
	BulkImport bulkImport;

	@Autowired
	TestGraph graph;

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

}
