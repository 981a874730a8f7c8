package io.chainlens.seed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

	/** Writing the accepted rows when some are refused, as import-small has two. */
	private static ImportOptions partially(int batchSize) {
		return ImportOptions.allOrNothing(batchSize).partially();
	}

	@Test
	void importsGoodRowsInBatchesAndReportsEachRejectedRowWithFileLineAndReason() throws IOException {
		graph.seed();

		ImportReport report = bulkImport.run(folder(), partially(2));

		assertThat(report.read()).isEqualTo(9);
		assertThat(report.created()).isEqualTo(7);
		assertThat(report.rejected()).isEqualTo(2);
		assertThat(report.rejections()).extracting(Object::toString)
			.containsExactly(
					"east/capacities.csv:5 [unit]: 'barrels' does not convert to t, the unit of pv-polysilicon; accepted: t, g, kg, 吨, kt, 万t, 万吨, Mt",
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

	/** Nodes and relationships, but the import's own records of itself. */
	private static final String SIZE_BUT_THE_AUDIT_TRAIL = """
			MATCH (n) WHERE NOT n:Change
			RETURN count(n) + COUNT { MATCH (a)-[]->() WHERE NOT a:Change } * 1000000""";

	@Test
	void importingTwiceCreatesNothingNew() throws IOException {
		graph.seed();
		bulkImport.run(folder(), partially(100));
		long size = graph.count(SIZE_BUT_THE_AUDIT_TRAIL);

		ImportReport again = bulkImport.run(folder(), partially(100));

		assertThat(again.created()).isZero();
		assertThat(again.updated()).isEqualTo(7);
		assertThat(graph.count(SIZE_BUT_THE_AUDIT_TRAIL)).isEqualTo(size);
		assertThat(again.overwritten()).as("the same values again are no change").isZero();
	}

	@Test
	void importedCompaniesAreFoundBySearch() throws IOException {
		graph.seed();
		bulkImport.run(folder(), partially(100));

		assertThat(graph.count("""
				CALL db.index.fulltext.queryNodes('company_names', 'sunrise') YIELD node
				WHERE node.id = 'test-sunrise' RETURN count(node)""")).isEqualTo(1);
	}

	@Test
	void anImportShowsInTheBalanceOfTheNextRequest() throws IOException {
		graph.seed();
		double before = localCapacity("pv", "pv-cell");

		bulkImport.run(folder(), partially(2));

		assertThat(localCapacity("pv", "pv-cell")).as("12 GW operating at a site in 青山区").isEqualTo(before + 12);
	}

	@Test
	void anImportRecountsTheMakersOfTheProductsItWroteCapacitiesFor() throws IOException {
		graph.seed();
		long wafer = makers("pv-wafer");
		long cell = makers("pv-cell");

		bulkImport.run(folder(), partially(2));

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
		bulkImport.run(folder(), partially(100));
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

	@Test
	void aReimportThatMovesAHeadquartersOrASiteLeavesOneLinkEach(@TempDir Path dir) throws IOException {
		graph.seed();
		bulkImport.run(folder(), partially(100));
		Files.writeString(dir.resolve("companies.csv"), """
				id,name_zh,name_en,aliases,hq_region_id,source
				test-sunrise,旭日光能,Sunrise Solar,旭日|Sunrise,zhejiang,public: moved its seat (test fixture)
				""");
		Files.writeString(dir.resolve("sites.csv"),
				"""
						id,company_id,name_zh,region_id,source
						test-sunrise-qingshan,test-sunrise,旭日包头基地,baotou-kundulun,public: the district was corrected (test fixture)
						""");

		ImportReport report = bulkImport.run(dir, 10);

		assertThat(report.rejections()).isEmpty();
		assertThat(graph.rows("MATCH (:Company {id: 'test-sunrise'})-[:HEADQUARTERED_IN]->(r) RETURN r.id AS id",
				Map.of()))
			.containsExactly(Map.of("id", "zhejiang"));
		assertThat(
				graph.rows("MATCH (:Site {id: 'test-sunrise-qingshan'})-[:IN_REGION]->(r) RETURN r.id AS id", Map.of()))
			.containsExactly(Map.of("id", "baotou-kundulun"));
	}

	private static final String SUNRISE = "MATCH (c:Company {id: 'test-sunrise'}) RETURN count(c)";

	@Test
	void byDefaultOneRefusedRowRefusesTheWholeImportAndNothingIsWritten() throws IOException {
		graph.seed();
		String before = graph.fingerprint();

		ImportReport report = bulkImport.run(folder(), 2);

		assertThat(report.outcome()).isEqualTo(ImportReport.Outcome.REFUSED);
		assertThat(report.outcome().exitCode).isEqualTo(1);
		assertThat(report.accepted()).isEqualTo(7);
		assertThat(report.rejected()).isEqualTo(2);
		assertThat(report.written()).isZero();
		assertThat(report.rejections()).hasSize(2);
		assertThat(graph.fingerprint()).as("not a node, not a change record").isEqualTo(before);
	}

	@Test
	void aLineThatIsNotUtf8IsReportedWithItsByteAndTheFilesBeforeItAreNotWritten(@TempDir Path dir) throws IOException {
		graph.seed();
		Files.writeString(dir.resolve("companies.csv"), """
				id,name_zh,name_en,aliases,hq_region_id,source
				test-sunrise,旭日光能,Sunrise Solar,,jiangsu,estimate: test fixture
				""");
		byte[] head = """
				id,company_id,name_zh,region_id,source
				test-sunrise-a,test-sunrise,""".getBytes(StandardCharsets.UTF_8);
		byte[] tail = """
				,zhejiang,estimate: test fixture
				test-sunrise-b,test-sunrise,旭日浙江,zhejiang,estimate: test fixture
				""".getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream sites = new ByteArrayOutputStream();
		sites.write(head);
		sites.write(new byte[] { (byte) 0xE6, (byte) 0x97 }); // 旭 without its last byte
		sites.write(tail);
		Files.write(dir.resolve("sites.csv"), sites.toByteArray());

		ImportReport refused = bulkImport.run(dir, 100);

		assertThat(refused.outcome()).isEqualTo(ImportReport.Outcome.REFUSED);
		assertThat(refused.rejections()).extracting(Object::toString)
			.containsExactly("sites.csv:2: is not UTF-8 at byte " + head.length + " of the file (counted from 0)");
		assertThat(graph.count(SUNRISE)).as("companies.csv, read before, is not written either").isZero();

		ImportReport partial = bulkImport.run(dir, partially(100));

		assertThat(partial.outcome()).isEqualTo(ImportReport.Outcome.PARTIAL);
		assertThat(partial.outcome().exitCode).isEqualTo(2);
		assertThat(partial.created()).isEqualTo(2);
		assertThat(graph.rows("MATCH (s:Site) WHERE s.id STARTS WITH 'test-sunrise-' RETURN s.id AS id", Map.of()))
			.containsExactly(Map.of("id", "test-sunrise-b"));
	}

	@Test
	void aLineLongerThanTheLimitIsRefusedAndTheRowsAfterItAreRead(@TempDir Path dir) throws IOException {
		graph.seed();
		Files.writeString(dir.resolve("companies.csv"), """
				id,name_zh,name_en,aliases,hq_region_id,source
				test-long,长,%s,,jiangsu,estimate: test fixture
				test-sunrise,旭日光能,Sunrise Solar,,jiangsu,estimate: test fixture
				""".formatted("x".repeat(5000)));

		ImportReport report = bulkImport.run(dir, partially(100).withMaxLineLength(1000));

		assertThat(report.rejections()).extracting(Object::toString)
			.containsExactly(
					"companies.csv:2: is longer than 1000 characters (chainlens.import.max-line-length); nothing of it is read");
		assertThat(report.created()).isOne();
		assertThat(graph.count(SUNRISE)).isOne();
	}

	@Test
	void aRowWithTheWrongNumberOfCellsIsRefusedAndNotWritten(@TempDir Path dir) throws IOException {
		graph.seed();
		Files.writeString(dir.resolve("companies.csv"), """
				id,name_zh,name_en,aliases,hq_region_id,source
				test-sunrise,旭日光能,Sunrise Solar,,jiangsu,estimate: test fixture,an extra cell
				test-moonwafer,月影硅片,Moon Wafer,,zhejiang,estimate: test fixture
				""");

		ImportReport report = bulkImport.run(dir, partially(100));

		assertThat(report.rejections()).extracting(Object::toString)
			.containsExactly("companies.csv:2: has 7 cells but the header has 6");
		assertThat(report.rejected()).isOne();
		assertThat(graph.count(SUNRISE)).isZero();
		assertThat(graph.count("MATCH (c:Company {id: 'test-moonwafer'}) RETURN count(c)")).isOne();
	}

	@Test
	void aFigureBeyondTheBoundOfItsUnitAfterConversionIsRefused(@TempDir Path dir) throws IOException {
		graph.seed();
		Files.writeString(dir.resolve("capacities.csv"), """
				site_id,product_id,capacity,unit,status,year,source
				tongwei-kundulun,pv-polysilicon,1e308,万t,PLANNED,2030,estimate: overflows in t
				""");

		ImportReport report = bulkImport.run(dir, 100);

		assertThat(report.outcome()).isEqualTo(ImportReport.Outcome.REFUSED);
		assertThat(report.rejections()).extracting(Object::toString)
			.containsExactly("capacities.csv:2 [capacity]: 1.0E308 万t is not a finite number in t");
		assertThat(graph.count("MATCH ()-[m:MAKES]->() WHERE m.capacity > 1e10 RETURN count(m)")).isZero();
	}

	@Test
	void aRefusedRowDoesNotClaimItsKeyFromALaterValidRow(@TempDir Path dir) throws IOException {
		graph.seed();
		Files.writeString(dir.resolve("capacities.csv"), """
				site_id,product_id,capacity,unit,status,year,source
				tongwei-kundulun,pv-polysilicon,5,barrels,PLANNED,2030,estimate: a unit that does not convert
				tongwei-kundulun,pv-polysilicon,5,万t,PLANNED,2030,estimate: the corrected row
				""");

		ImportReport report = bulkImport.run(dir, partially(100));

		assertThat(report.rejections()).extracting(Object::toString)
			.containsExactly(
					"capacities.csv:2 [unit]: 'barrels' does not convert to t, the unit of pv-polysilicon; accepted: t, g, kg, 吨, kt, 万t, 万吨, Mt");
		assertThat(report.written()).isOne();
		assertThat(graph.count("""
				MATCH (:Site {id: 'tongwei-kundulun'})-[m:MAKES {status: 'PLANNED'}]->(:Product {id: 'pv-polysilicon'})
				RETURN toInteger(m.capacity)""")).isEqualTo(50_000);
	}

	@Test
	void anImportRecordsItselfAndEachExistingThingItChangedWithBeforeAndAfter(@TempDir Path dir) throws IOException {
		graph.seed();
		bulkImport.run(folder(), partially(100));
		Files.writeString(dir.resolve("companies.csv"), """
				id,name_zh,name_en,aliases,hq_region_id,source
				test-sunrise,旭日光能,Sunrise Solar Energy,旭日|Sunrise,zhejiang,estimate: renamed and moved
				test-moonwafer,月影硅片,Moon Wafer,,zhejiang,estimate: test fixture
				test-newco,新星材料,Nova Materials,,zhejiang,estimate: test fixture
				""");

		ImportReport report = bulkImport.run(dir, ImportOptions.allOrNothing(100).as("data-office"));

		assertThat(report.outcome()).isEqualTo(ImportReport.Outcome.WRITTEN);
		assertThat(report.created()).isOne();
		assertThat(report.updated()).isEqualTo(2);
		assertThat(report.overwritten()).as("test-moonwafer got the values it had").isOne();
		List<Map<String, Object>> changes = graph.rows("""
				MATCH (ch:Change {importId: $importId})
				RETURN ch.user AS user, ch.operation AS operation, ch.entity AS entity, ch.entityId AS entityId,
				       ch.before AS before, ch.after AS after,
				       COLLECT { MATCH (ch)-[:ON_CHAIN]->(c:Chain) RETURN c.id ORDER BY c.id } AS chains
				ORDER BY ch.at, ch.entity""", Map.of("importId", report.importId()));
		assertThat(changes).extracting(c -> c.get("user"), c -> c.get("operation"), c -> c.get("entity"))
			.containsOnly(org.assertj.core.groups.Tuple.tuple("data-office", "import", "Company"),
					org.assertj.core.groups.Tuple.tuple("data-office", "import", "Import"));
		Map<String, Object> company = changes.stream()
			.filter(c -> c.get("entity").equals("Company"))
			.findFirst()
			.orElseThrow();
		assertThat(company.get("entityId")).isEqualTo("test-sunrise");
		assertThat((String) company.get("before")).contains("\"name\":\"Sunrise Solar\"")
			.contains("HEADQUARTERED_IN → jiangsu");
		assertThat((String) company.get("after")).contains("\"name\":\"Sunrise Solar Energy\"")
			.contains("HEADQUARTERED_IN → zhejiang");
		assertThat(company.get("chains")).as("it makes PV cells and modules").isEqualTo(List.of("pv"));
		List<Map<String, Object>> imports = changes.stream().filter(c -> c.get("entity").equals("Import")).toList();
		assertThat(imports).as("when it started writing, and when it ended").hasSize(2);
		assertThat((String) imports.get(1).get("after")).contains("\"status\":\"WRITTEN\"")
			.contains("\"files\":[\"companies.csv\"]")
			.contains("\"created\":1")
			.contains("\"overwritten\":1");
		assertThat((List<?>) imports.get(0).get("chains")).as("every chain's lead sees that an import ran")
			.hasSize((int) graph.count("MATCH (c:Chain) RETURN count(c)"));
	}

}
