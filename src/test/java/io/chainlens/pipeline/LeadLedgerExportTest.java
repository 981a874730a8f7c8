package io.chainlens.pipeline;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import io.chainlens.SeedSharingWrites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The 招商项目台账 obeys the read rules of the leads: the bureau gets every lead with its stage
 * history, a chain lead its chain's, an analyst and an anonymous caller no file; an
 * unknown investment is an empty cell, never 0.
 */
class LeadLedgerExportTest extends SeedSharingWrites {

	@Autowired
	MockMvc mvc;

	@BeforeAll
	void leads() {
		lead("ledger-pv", "pv-polysilicon", 5.5);
		lead("ledger-re", "rare-earth-ndfeb-magnet", null);
		graphQl.mutate()
			.headers(h -> h.setBasicAuth("admin", "admin-demo"))
			.build()
			.documentName("moveLead")
			.variable("input",
					Map.of("id", "ledger-pv", "stage", "SIGNED", "on", "2024-04-01", "source",
							"public: 签约公告（测试）, 2024-04-01"))
			.execute()
			.path("moveLead.stage")
			.entity(String.class)
			.isEqualTo("SIGNED");
		graph.changed();
	}

	@Test
	void theBureauGetsEveryLeadWithItsStagesAndAnUnknownInvestmentIsEmpty() throws Exception {
		MockHttpServletResponse response = download("investment", "investment-demo", "");
		assertThat(response.getStatus()).isEqualTo(200);
		Files.createDirectories(Path.of("target", "exports"));
		Files.write(Path.of("target", "exports", "招商项目台账.xlsx"), response.getContentAsByteArray());
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			Map<String, Row> all = rows(workbook.getSheet("招商项目台账"));
			long seeded = graph.count("MATCH (l:Lead {ownerLogin: 'seed'}) RETURN count(l)");
			assertThat(all.keySet().stream().filter(id -> id.startsWith("lead-seed-"))).as("the seed's leads")
				.hasSize((int) seeded);
			Map<String, Row> rows = withoutSeed(all);
			assertThat(rows).containsOnlyKeys("ledger-pv", "ledger-re");
			assertThat(rows.get("ledger-pv").getCell(5).getNumericCellValue()).isEqualTo(5.5);
			assertThat(rows.get("ledger-pv").getCell(6).getStringCellValue()).isEqualTo("签约落地");
			assertThat(rows.get("ledger-pv").getCell(4).getStringCellValue()).contains("多晶硅").contains("1 万t");
			assertThat(rows.get("ledger-re").getCell(5)).as("an unknown investment").isNull();
			Sheet steps = workbook.getSheet("阶段记录");
			assertThat(steps.getLastRowNum()).as("two steps of ledger-pv, one of ledger-re, one of each seed lead")
				.isEqualTo(3 + seeded);
		}
	}

	@Test
	void aChainLeadGetsItsChainsLeadsOnly() throws Exception {
		MockHttpServletResponse response = download("lead-pv", "pv-demo", "");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			Map<String, Row> all = rows(workbook.getSheet("招商项目台账"));
			assertThat(withoutSeed(all)).containsOnlyKeys("ledger-pv");
			assertThat(all.keySet()).as("the seed's leads of pv only")
				.hasSize(1 + (int) graph
					.count("MATCH (l:Lead {ownerLogin: 'seed'}) WHERE 'pv' IN l.chainIds RETURN count(l)"));
		}
		assertThat(download("lead-pv", "pv-demo", "rare-earth").getStatus()).isEqualTo(403);
	}

	@Test
	void anAnalystAndAnAnonymousCallerGetNoFile() throws Exception {
		MockHttpServletResponse analyst = download("analyst", "analyst-demo", "");
		assertThat(analyst.getStatus()).isEqualTo(403);
		assertThat(analyst.getContentAsString(StandardCharsets.UTF_8)).contains("leadCounts");
		assertThat(mvc.perform(get("/export/leads.xlsx")).andReturn().getResponse().getStatus()).isEqualTo(401);
	}

	private MockHttpServletResponse download(String user, String password, String chainId) throws Exception {
		return mvc
			.perform(get("/export/leads.xlsx").param("chainId", chainId)
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))))
			.andReturn()
			.getResponse();
	}

	/** The rows of the leads this test made, without the seed's own (leads.csv). */
	private static Map<String, Row> withoutSeed(Map<String, Row> rows) {
		Map<String, Row> made = new HashMap<>(rows);
		made.keySet().removeIf(id -> id.startsWith("lead-seed-"));
		return made;
	}

	private static Map<String, Row> rows(Sheet sheet) {
		Map<String, Row> rows = new HashMap<>();
		for (int r = 1; r <= sheet.getLastRowNum(); r++) {
			rows.put(sheet.getRow(r).getCell(0).getStringCellValue(), sheet.getRow(r));
		}
		return rows;
	}

	private void lead(String id, String productId, Double investment) {
		Map<String, Object> input = new HashMap<>(Map.of("id", id, "title", id, "companyId", "tongwei", "products",
				List.of(Map.of("productId", productId, "capacity", 1, "unit", "万t")), "ownerUnitId", "baotou-commerce",
				"stage", "PRELIMINARY", "on", "2024-02-01", "source", "public: 洽谈报道（测试）, 2024-02-01"));
		input.put("investment", investment);
		graphQl.mutate()
			.headers(h -> h.setBasicAuth("admin", "admin-demo"))
			.build()
			.documentName("createLead")
			.variable("input", input)
			.execute()
			.path("createLead.id")
			.entity(String.class)
			.isEqualTo(id);
	}

}
