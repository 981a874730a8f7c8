package io.chainlens.editing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.execution.ErrorType;

import io.chainlens.SeedSharingWrites;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input from a caller who may write: each refused with its classification and a
 * message that says what to fix, and nothing written.
 */
class BadInputTest extends SeedSharingWrites {

	private static final String SOURCE = "public: bad-input test";

	@BeforeAll
	void projectsInEachStatus() {
		for (String status : List.of("PLANNED", "UNDER_CONSTRUCTION", "OPERATING")) {
			graph.write("""
					MATCH (p:Product {id: 'rare-earth-ndfeb-magnet'})
					CREATE (pr:Project {id: $id, nameZh: '测试项目', name: 'Test project', status: $status,
					                    source: 'estimate: test'})-[:FOR_PRODUCT]->(p)""",
					Map.of("id", "bad-input-" + status.toLowerCase().replace('_', '-'), "status", status));
		}
	}

	record Case(String name, Login login, String document, Map<String, Object> input, ErrorType type, String says) {

		@Override
		public String toString() {
			return name;
		}

	}

	static Map<String, Object> capacity(Object... changes) {
		Map<String, Object> input = new HashMap<>(Map.of("companyId", "jl-mag", "productId", "rare-earth-ndfeb-magnet",
				"region", "baotou-rare-earth-hi-tech", "capacity", 1.0, "unit", "万t", "status", "PLANNED", "source",
				SOURCE));
		for (int i = 0; i < changes.length; i += 2) {
			input.put((String) changes[i], changes[i + 1]);
		}
		return input;
	}

	static Case setCapacity(String name, ErrorType type, String says, Object... changes) {
		return new Case(name, Login.LEAD_RARE_EARTH, "setCapacity", capacity(changes), type, says);
	}

	static Case statusChange(String from, String to, String says) {
		return new Case(from + " → " + to, Login.LEAD_RARE_EARTH, "changeProjectStatus",
				Map.of("id", "bad-input-" + from.toLowerCase().replace('_', '-'), "status", to, "source", SOURCE),
				ErrorType.BAD_REQUEST, says);
	}

	static Stream<Case> cases() {
		return Stream.of(setCapacity("negative capacity", ErrorType.BAD_REQUEST, "0 or more", "capacity", -1.0),
				setCapacity("NaN capacity", ErrorType.BAD_REQUEST, "invalid value", "capacity", Double.NaN),
				setCapacity("infinite capacity", ErrorType.BAD_REQUEST, "invalid value", "capacity",
						Double.POSITIVE_INFINITY),
				// what JavaScript's JSON.stringify makes of NaN
				setCapacity("null capacity", ErrorType.BAD_REQUEST, "'capacity'", "capacity", null),
				setCapacity("unknown unit", ErrorType.BAD_REQUEST,
						"'桶' does not convert to t, the unit of " + "rare-earth-ndfeb-magnet; use one of [t,", "unit",
						"桶"),
				setCapacity("unit of another quantity", ErrorType.BAD_REQUEST, "does not convert to t", "unit", "GW"),
				setCapacity("unknown product", ErrorType.NOT_FOUND, "no product with id 'rare-earth-unobtainium'",
						"productId", "rare-earth-unobtainium"),
				setCapacity("unknown company", ErrorType.NOT_FOUND, "no company with id 'no-such-company'", "companyId",
						"no-such-company"),
				setCapacity("unknown region", ErrorType.NOT_FOUND, "no region '火星'", "region", "火星"),
				setCapacity("malformed id", ErrorType.BAD_REQUEST, "lowercase letters", "companyId", "JL MAG"),
				setCapacity("oversized source", ErrorType.BAD_REQUEST, "at most 2000", "source",
						"public: " + "x".repeat(2000)),
				setCapacity("oversized region", ErrorType.BAD_REQUEST, "at most 200", "region", "区".repeat(201)),
				setCapacity("source without provenance", ErrorType.BAD_REQUEST, "'seed §N'", "source", "my notes"),
				setCapacity("blank source", ErrorType.BAD_REQUEST, "'source' is required", "source", "  "),
				setCapacity("year out of range", ErrorType.BAD_REQUEST, "between 1949 and 2100", "year", 3024),
				setCapacity("site of another region", ErrorType.BAD_REQUEST, "not in", "siteId",
						"jl-mag-jiangxi-ganzhou"),
				setCapacity("site of another company", ErrorType.BAD_REQUEST, "another company", "region",
						"baotou-qingshan", "siteId", "tongwei-kundulun"),
				setCapacity("status that does not exist", ErrorType.BAD_REQUEST, "enum 'Status'", "status",
						"CANCELLED"),
				new Case("missing source", Login.LEAD_RARE_EARTH, "setCapacity",
						Map.of("companyId", "jl-mag", "productId", "rare-earth-ndfeb-magnet", "region", "baotou",
								"capacity", 1.0, "unit", "t", "status", "PLANNED"),
						ErrorType.BAD_REQUEST, "source"),
				new Case("oversized company name", Login.LEAD_RARE_EARTH, "createCompany",
						Map.of("nameZh", "公".repeat(201), "name", "Big Name Co", "source", SOURCE),
						ErrorType.BAD_REQUEST, "'nameZh' is 201 characters long; at most 200"),
				new Case("too many aliases", Login.LEAD_RARE_EARTH, "updateCompany",
						Map.of("id", "jl-mag", "aliases", java.util.Collections.nCopies(51, "alias"), "source", SOURCE),
						ErrorType.BAD_REQUEST, "at most 50"),
				new Case("company id taken", Login.LEAD_RARE_EARTH, "createCompany",
						Map.of("id", "jl-mag", "nameZh", "金力", "name", "JL Mag", "source", SOURCE),
						ErrorType.BAD_REQUEST, "is a company already"),
				new Case("update without changes", Login.LEAD_RARE_EARTH, "updateCompany",
						Map.of("id", "jl-mag", "source", SOURCE), ErrorType.BAD_REQUEST, "changes nothing"),
				statusChange("OPERATING", "PLANNED", "only moves forward"),
				statusChange("OPERATING", "UNDER_CONSTRUCTION", "only moves forward"),
				statusChange("UNDER_CONSTRUCTION", "PLANNED", "only moves forward"),
				statusChange("PLANNED", "PLANNED", "is PLANNED already"),
				new Case("unknown project", Login.LEAD_RARE_EARTH, "changeProjectStatus",
						Map.of("id", "no-such-project", "status", "OPERATING", "source", SOURCE), ErrorType.NOT_FOUND,
						"no project with id 'no-such-project'"),
				new Case("project without products", Login.LEAD_RARE_EARTH, "createProject",
						Map.of("nameZh", "空项目", "name", "Empty", "productIds", List.of(), "status", "PLANNED", "source",
								SOURCE),
						ErrorType.BAD_REQUEST, "'productIds' needs at least one id"),
				new Case("capacity without unit", Login.LEAD_RARE_EARTH, "createProject",
						Map.of("nameZh", "项目", "name", "Project", "productIds", List.of("rare-earth-ndfeb-magnet"),
								"capacity", 5.0, "status", "PLANNED", "source", SOURCE),
						ErrorType.BAD_REQUEST, "'unit' is required with a capacity"),
				new Case("platform kind", Login.LEAD_RARE_EARTH, "createPlatform",
						Map.of("nameZh", "平台", "name", "Platform", "kind", "CLUB", "chainIds", List.of("rare-earth"),
								"source", SOURCE),
						ErrorType.BAD_REQUEST, "must be one of [ALLIANCE"),
				new Case("platform of unknown segment", Login.LEAD_RARE_EARTH, "createPlatform",
						Map.of("nameZh", "平台", "name", "Platform", "kind", "LAB", "segmentIds",
								List.of("rare-earth-alchemy"), "source", SOURCE),
						ErrorType.NOT_FOUND, "no segment with id 'rare-earth-alchemy'"),
				new Case("target in an unknown unit", Login.LEAD_RARE_EARTH, "setTarget",
						Map.of("chainId", "rare-earth", "metric", "OUTPUT_VALUE", "value", 5.0, "unit", "贯", "year",
								2025, "source", SOURCE),
						ErrorType.BAD_REQUEST, "'贯' is not a known unit"),
				new Case("target of a product outside the chain", Login.LEAD_RARE_EARTH, "setTarget",
						Map.of("chainId", "rare-earth", "productId", "pv-polysilicon", "metric", "CAPACITY", "value",
								5.0, "unit", "t", "year", 2025, "source", SOURCE),
						ErrorType.BAD_REQUEST, "not the chain of product pv-polysilicon"),
				new Case("supply to itself", Login.LEAD_RARE_EARTH, "addSupplyLink",
						Map.of("supplierId", "jl-mag", "customerId", "jl-mag", "productId", "rare-earth-ndfeb-magnet",
								"source", SOURCE),
						ErrorType.BAD_REQUEST, "another company"),
				new Case("removing a link that does not exist", Login.LEAD_RARE_EARTH, "removeSupplyLink",
						Map.of("supplierId", "jl-mag", "customerId", "china-northern-rare-earth", "productId",
								"rare-earth-ndfeb-magnet", "source", SOURCE),
						ErrorType.NOT_FOUND, "no supply link of rare-earth-ndfeb-magnet from jl-mag"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void badInputIsRefusedWithItsClassificationAndWritesNothing(Case c) {
		String before = graph.fingerprint();

		c.login()
			.as(graphQl)
			.documentName(c.document())
			.variable("input", c.input())
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType()).isEqualTo(c.type());
				assertThat(error.getMessage()).contains(c.says());
			}));

		assertThat(graph.fingerprint()).isEqualTo(before);
	}

}
