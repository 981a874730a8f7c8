package io.chainlens.generate;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;
import io.chainlens.seed.BulkImport;
import io.chainlens.seed.ImportReport;

import static org.assertj.core.api.Assertions.assertThat;

@ChainlensTest
class NationalGraphImportTest {

	@Autowired
	BulkImport bulkImport;

	@Autowired
	TestGraph graph;

	@TempDir
	Path dir;

	@AfterEach
	void graphWasWritten() {
		graph.changed();
	}

	@Test
	void aGeneratedGraphImportsOnTheSeedWithoutRejections() {
		graph.seed();
		NationalGraph.Written written = NationalGraph.write(dir, NationalGraphTest.TINY, 42, "classpath:graph-seed");

		ImportReport report = bulkImport.run(dir, 500);

		assertThat(report.rejections()).isEmpty();
		assertThat(report.rejected()).isZero();
		assertThat(report.read()).isEqualTo(written.total());
		assertThat(report.created()).isEqualTo(written.total());
		assertThat(graph.count("MATCH (c:Company) WHERE c.id STARTS WITH 'co-' RETURN count(c)")).isEqualTo(200);
		assertThat(graph.count("""
				MATCH (:Region {id: 'baotou'})<-[:PART_OF*0..1]-(:Region)<-[:IN_REGION]-(s:Site)
				WHERE s.id STARTS WITH 'co-' RETURN count(s)""")).isPositive();
	}

}
