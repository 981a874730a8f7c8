package io.chainlens.editing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import io.chainlens.SeedSharingWrites;
import io.chainlens.database.CypherScript;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures and text a write may store: every figure within its unit's bound after it is
 * converted, text that shows what it says. A refused write names the field and writes
 * nothing; the analysis answers after any write.
 */
class WriteIntegrityTest extends SeedSharingWrites {

	private static final String SOURCE = "estimate: write integrity test";

	@Test
	void refusesACapacityThatOverflowsWhenConvertedToTheProductsUnitAndTheAnalysisStillAnswers() {
		String before = graph.fingerprint();

		refused(Login.LEAD_PV, "setCapacity", capacity("tongwei", "pv-polysilicon", 1e308, "万t"), "capacity");

		assertThat(graph.fingerprint()).as("the graph after the refused write").isEqualTo(before);
		gapsAnswerForEveryChain();
	}

	@Test
	void refusesEachOfTwoFiniteFiguresWhoseSumWouldOverflow() {
		String before = graph.fingerprint();

		refused(Login.ADMIN, "setCapacity", capacity("tongwei", "pv-polysilicon", 1e308, "t"), "capacity");
		refused(Login.ADMIN, "setCapacity", capacity("daqo", "pv-polysilicon", 1e308, "t"), "capacity");

		assertThat(graph.fingerprint()).isEqualTo(before);
		gapsAnswerForEveryChain();
	}

	@Test
	void refusesACapacityAboveTheUnitsBound() {
		// 2147483648 GW became the top candidate before there were bounds
		String before = graph.fingerprint();

		GraphQlTester.Response response = refused(Login.LEAD_PV, "setCapacity",
				capacity("tongwei", "pv-wafer", 2147483648.0, "GW"), "capacity");

		response.errors().satisfy(errors -> assertThat(errors.get(0).getMessage()).contains("2147483648 GW"));
		assertThat(graph.fingerprint()).isEqualTo(before);
	}

	@Test
	void refusesTargetAndProjectFiguresThatOverflowOrExceedTheBound() {
		String before = graph.fingerprint();

		refused(Login.LEAD_PV, "setTarget", map("id", "integrity-target", "productId", "pv-polysilicon", "metric",
				"CAPACITY", "value", 1e308, "unit", "万t", "year", 2026, "source", SOURCE), "value");
		refused(Login.LEAD_PV, "setTarget", map("id", "integrity-share", "chainId", "pv", "metric", "SHARE", "value",
				1e300, "unit", "%", "year", 2026, "source", SOURCE), "value");
		refused(Login.LEAD_PV, "createProject",
				map("id", "integrity-project", "nameZh", "溢出项目", "companyId", "tongwei", "productIds",
						List.of("pv-polysilicon"), "capacity", 1e308, "unit", "万t", "status", "PLANNED", "source",
						SOURCE),
				"capacity");
		assertThat(graph.fingerprint()).isEqualTo(before);

		Map<String, Object> project = map("id", "integrity-project", "nameZh", "有界项目", "companyId", "tongwei",
				"productIds", List.of("pv-polysilicon"), "capacity", 5, "unit", "万t", "status", "PLANNED", "source",
				SOURCE);
		Login.LEAD_PV.as(graphQl)
			.documentName("createProject")
			.variable("input", project)
			.execute()
			.path("createProject.capacity")
			.entity(Double.class)
			.isEqualTo(50000.0);
		String created = graph.fingerprint();
		refused(Login.LEAD_PV, "updateProject",
				map("id", "integrity-project", "capacity", 1e308, "unit", "万t", "source", SOURCE), "capacity");
		assertThat(graph.fingerprint()).isEqualTo(created);
	}

	@Test
	void storesMinusZeroAsZero() {
		Login.LEAD_PV.as(graphQl)
			.documentName("setCapacity")
			.variable("input", capacity("tongwei", "pv-wafer", -0.0, "GW"))
			.execute()
			.path("setCapacity.capacity")
			.entity(Double.class)
			.satisfies(capacity -> assertThat(Double.doubleToRawLongBits(capacity)).isZero());

		List<Map<String, Object>> stored = graph.rows(
				"""
						MATCH (:Company {id: 'tongwei'})-[:HAS_SITE]->()-[m:MAKES {status: 'PLANNED'}]->(:Product {id: 'pv-wafer'})
						RETURN m.capacity AS capacity""",
				Map.of());
		assertThat(stored).singleElement()
			.satisfies(row -> assertThat(Double.doubleToRawLongBits((Double) row.get("capacity")))
				.as("the bits of 0.0, not of -0.0")
				.isZero());
	}

	@Test
	void refusesNamesWithInvisibleOrControlCharactersNamingTheField() {
		String before = graph.fingerprint();

		refused(Login.LEAD_PV, "createCompany", company("integrity-zwsp", "通\u200B威"), "nameZh");
		refused(Login.LEAD_PV, "createCompany", company("integrity-bidi", "\u202E威通"), "nameZh");
		refused(Login.LEAD_PV, "createCompany", company("integrity-bell", "通威\u0007"), "nameZh");
		Map<String, Object> alias = company("integrity-alias", "别名公司");
		alias.put("aliases", List.of("ok", "\u2066hidden\u2069"));
		refused(Login.LEAD_PV, "createCompany", alias, "aliases[1]");
		Map<String, Object> source = company("integrity-source", "来源公司");
		source.put("source", "estimate: \u200Dlooks fine");
		refused(Login.LEAD_PV, "createCompany", source, "source");
		Map<String, Object> note = company("integrity-note", "备注公司");
		note.put("note", "line one\u0000");
		refused(Login.LEAD_PV, "createCompany", note, "note");
		refused(Login.LEAD_PV, "updateCompany", map("id", "tongwei", "name", "Tongwei\u200E", "source", SOURCE),
				"name");

		assertThat(graph.fingerprint()).isEqualTo(before);
	}

	@Test
	void storesNamesInNfcAndKeepsLineFeedsInNotes() {
		Map<String, Object> input = company("integrity-nfc", "Cafe\u0301");
		input.put("name", "Cafe\u0301 Co");
		input.put("note", "first line\nsecond line");
		Login.LEAD_PV.as(graphQl)
			.documentName("createCompany")
			.variable("input", input)
			.execute()
			.path("createCompany.nameZh")
			.entity(String.class)
			.isEqualTo("Caf\u00E9");

		assertThat(
				graph.rows("MATCH (c:Company {id: 'integrity-nfc'}) RETURN c.name AS name, c.note AS note", Map.of()))
			.containsExactly(Map.of("name", "Caf\u00E9 Co", "note", "first line\nsecond line"));
	}

	@Test
	void theMigrationSetsAsideFiguresAStoreAlreadyHoldsOutOfBoundsAndTheAnalysisAnswersAgain() {
		// what a store written before the bounds may hold
		graph.write("""
				MATCH (s:Site {id: 'daqo-jiuyuan'}), (p:Product {id: 'pv-polysilicon'})
				CREATE (s)-[:MAKES {status: 'PLANNED', capacity: $infinity, unit: 't', writtenAs: '1.0E308 万t',
				                    source: 'estimate: old store'}]->(p)""",
				Map.of("infinity", Double.POSITIVE_INFINITY));
		graph.write("MATCH (t:Target {id: 'pv-polysilicon-capacity-2024'}) SET t.value = $huge", Map.of("huge", 1e300));
		graph.write("MATCH (pr:Project {id: 'tongwei-industrial-silicon'}) SET pr.capacity = $nan",
				Map.of("nan", Double.NaN));
		assertThat(graph.count("MATCH (t:Target {id: 'pv-polysilicon-capacity-2024'}) RETURN count(t)")).isOne();

		CypherScript migration = CypherScript.classpath("cypher/schema/V006__figures_out_of_bounds.cypher");
		migration.statements().forEach(statement -> graph.write(statement, Map.of()));

		assertThat(graph.count("MATCH ()-[m:MAKES]->() WHERE NOT m.capacity <= 1e10 RETURN count(m)")).isZero();
		assertThat(graph.count("MATCH ()-[m:REFUSED_MAKES {writtenAs: '1.0E308 万t'}]->() RETURN count(m)")).isOne();
		assertThat(graph.count(
				"MATCH (t:RefusedTarget {id: 'pv-polysilicon-capacity-2024'}) WHERE NOT t:Target " + "RETURN count(t)"))
			.isOne();
		assertThat(graph.count("MATCH (pr:Project {id: 'tongwei-industrial-silicon', refusedCapacity: 'NaN'}) "
				+ "WHERE pr.capacity IS NULL RETURN count(pr)"))
			.isOne();
		gapsAnswerForEveryChain();
	}

	private void gapsAnswerForEveryChain() {
		graphQl.documentName("gaps")
			.variable("first", 5)
			.execute()
			.errors()
			.verify()
			.path("gaps")
			.entityList(Object.class)
			.hasSizeGreaterThan(0);
	}

	private GraphQlTester.Response refused(Login login, String document, Map<String, Object> input, String field) {
		GraphQlTester.Response response = login.as(graphQl).documentName(document).variable("input", input).execute();
		response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
			assertThat(error.getMessage()).startsWith("Argument '" + field + "'");
		}));
		return response;
	}

	private static Map<String, Object> capacity(String company, String product, double amount, String unit) {
		return map("companyId", company, "productId", product, "region", "baotou-kundulun", "capacity", amount, "unit",
				unit, "status", "PLANNED", "source", SOURCE);
	}

	private static Map<String, Object> company(String id, String nameZh) {
		return map("id", id, "nameZh", nameZh, "name", "Integrity Test Co", "chainId", "pv", "source", SOURCE);
	}

	private static Map<String, Object> map(Object... namesAndValues) {
		Map<String, Object> map = new HashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			map.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return map;
	}

}
