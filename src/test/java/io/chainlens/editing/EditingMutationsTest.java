package io.chainlens.editing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.SeedSharingWrites;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each mutation writes, as a chain-leader unit would use it. The tests write
 * distinct things, so they share one load of the seed graph.
 */
class EditingMutationsTest extends SeedSharingWrites {

	private static final String LINK = """
			MATCH (:Company {id: 'tongwei'})-[l:SUPPLIES {productId: 'pv-polysilicon'}]->(:Company {id: 'hoyuan'})
			RETURN l.source AS source""";

	private static Map<String, Object> map(Object... namesAndValues) {
		Map<String, Object> map = new HashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			map.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return map;
	}

	@Test
	void aProjectIsCreatedWithItsCapacityInTheProductsUnitAndMovesForwardToOperating() {
		HttpGraphQlTester lead = Login.LEAD_PV.as(graphQl);
		lead.documentName("createProject")
			.variable("input",
					map("nameZh", "通威四期多晶硅项目", "name", "Polysilicon phase 4", "companyId", "tongwei", "productIds",
							List.of("pv-polysilicon"), "capacity", 20, "unit", "万t", "status", "PLANNED", "region",
							"昆都仑区", "item", 5, "source", "public: 通威股份公告 2024-06"))
			.execute()
			.path("createProject.id")
			.entity(String.class)
			.isEqualTo("tongwei-polysilicon-phase-4")
			.path("createProject.capacity")
			.entity(Double.class)
			.isEqualTo(200000.0)
			.path("createProject.unit")
			.entity(String.class)
			.isEqualTo("t")
			.path("createProject.district")
			.entity(String.class)
			.isEqualTo("昆都仑区(昆区)")
			.path("createProject.item")
			.entity(Integer.class)
			.isEqualTo(5)
			.path("createProject.company.id")
			.entity(String.class)
			.isEqualTo("tongwei");

		for (String status : List.of("UNDER_CONSTRUCTION", "OPERATING")) {
			lead.documentName("changeProjectStatus")
				.variable("input",
						map("id", "tongwei-polysilicon-phase-4", "status", status, "source", "public: 包头日报 " + status))
				.execute()
				.path("changeProjectStatus.status")
				.entity(String.class)
				.isEqualTo(status);
		}
		lead.documentName("changeProjectStatus")
			.variable("input", map("id", "tongwei-polysilicon-phase-4", "status", "PLANNED", "source", "estimate: x"))
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().contains("OPERATING"));
		assertThat(graph
			.count("MATCH (p:Project {id: 'tongwei-polysilicon-phase-4'}) " + "RETURN size(split(p.source, '; '))"))
			.as("each change's source kept")
			.isEqualTo(3);
	}

	@Test
	void aPlannedProjectMayGoStraightToOperating() {
		plannedPolysiliconProject("mutations-straight");
		Login.ADMIN.as(graphQl)
			.documentName("changeProjectStatus")
			.variable("input", map("id", "mutations-straight", "status", "OPERATING", "source", "estimate: test"))
			.execute()
			.path("changeProjectStatus.status")
			.entity(String.class)
			.isEqualTo("OPERATING");
	}

	@Test
	void movingAProjectToAnotherChainsProductNeedsBothChains() {
		plannedPolysiliconProject("mutations-move");
		Map<String, Object> move = map("id", "mutations-move", "productIds", List.of("rare-earth-ndfeb-magnet"),
				"source", "estimate: test");

		Login.LEAD_PV.as(graphQl)
			.documentName("updateProject")
			.variable("input", move)
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.FORBIDDEN && e.getMessage().contains("chain rare-earth"));
		Login.ADMIN.as(graphQl)
			.documentName("updateProject")
			.variable("input", move)
			.execute()
			.path("updateProject.products[*].id")
			.entityList(String.class)
			.containsExactly("rare-earth-ndfeb-magnet");
	}

	@Test
	void aPlatformIsCreatedForAChainAndItsLeadCannotHandItToAnotherChain() {
		HttpGraphQlTester lead = Login.LEAD_RARE_EARTH.as(graphQl);
		lead.documentName("createPlatform")
			.variable("input",
					map("nameZh", "稀土永磁中试基地", "name", "Rare-earth magnet pilot base", "kind", "PILOT_BASE",
							"segmentIds", List.of("rare-earth-magnetic-materials"), "operatorIds", List.of("jl-mag"),
							"region", "稀土高新区", "status", "PLANNED", "source", "public: 包头市工信局 2024-07"))
			.execute()
			.path("createPlatform.id")
			.entity(String.class)
			.isEqualTo("rare-earth-magnet-pilot-base")
			.path("createPlatform.operators")
			.entityList(String.class)
			.hasSize(1);

		lead.documentName("updatePlatform")
			.variable("input",
					map("id", "rare-earth-magnet-pilot-base", "chainIds", List.of("pv"), "source", "estimate: test"))
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == ErrorType.FORBIDDEN && e.getMessage().contains("chain pv"));
		lead.documentName("updatePlatform")
			.variable("input",
					map("id", "rare-earth-magnet-pilot-base", "status", "UNDER_CONSTRUCTION", "source",
							"public: 包头日报 2024-09"))
			.execute()
			.path("updatePlatform.status")
			.entity(String.class)
			.isEqualTo("UNDER_CONSTRUCTION");
	}

	@Test
	void aProductTargetIsStoredInTheProductsUnitUnderItsChainAndReplacedWhenSetAgain() {
		Map<String, Object> target = map("productId", "rare-earth-ndfeb-magnet", "metric", "CAPACITY", "value", 8,
				"unit", "万t", "year", 2026, "source", "public: 包头市2026年工作要点");
		Login.LEAD_RARE_EARTH.as(graphQl)
			.documentName("setTarget")
			.variable("input", target)
			.execute()
			.path("setTarget.id")
			.entity(String.class)
			.isEqualTo("rare-earth-ndfeb-magnet-capacity-2026")
			.path("setTarget.value")
			.entity(Double.class)
			.isEqualTo(80000.0)
			.path("setTarget.unit")
			.entity(String.class)
			.isEqualTo("t");
		target.put("value", 9);
		Login.LEAD_RARE_EARTH.as(graphQl)
			.documentName("setTarget")
			.variable("input", target)
			.execute()
			.path("setTarget.value")
			.entity(Double.class)
			.isEqualTo(90000.0);

		assertThat(graph.rows("""
				MATCH (t:Target {id: 'rare-earth-ndfeb-magnet-capacity-2026'})-[:FOR_CHAIN]->(c:Chain)
				RETURN c.id AS chain, t.writtenAs AS writtenAs""", Map.of()))
			.containsExactly(Map.of("chain", "rare-earth", "writtenAs", "9 万t"));
	}

	@Test
	void aChainTargetInMoneyIsStoredInItsCanonicalUnitAndACountKeepsItsWord() {
		Login.LEAD_PV.as(graphQl)
			.documentName("setTarget")
			.variable("input",
					map("chainId", "pv", "metric", "OUTPUT_VALUE", "value", 5000, "unit", "万元", "year", 2026, "source",
							"public: 包头市2026年工作要点"))
			.execute()
			.path("setTarget.id")
			.entity(String.class)
			.isEqualTo("pv-output-value-2026")
			.path("setTarget.value")
			.entity(Double.class)
			.isEqualTo(0.5)
			.path("setTarget.unit")
			.entity(String.class)
			.isEqualTo("亿元");
		Login.LEAD_PV.as(graphQl)
			.documentName("setTarget")
			.variable("input",
					map("chainId", "pv", "metric", "COUNT", "value", 3, "unit", "家", "year", 2026, "source",
							"public: 包头市2026年工作要点"))
			.execute()
			.path("setTarget.unit")
			.entity(String.class)
			.isEqualTo("家");
	}

	@Test
	void aSupplyLinkIsAddedWithItsSourceAndRemoved() {
		Map<String, Object> link = map("supplierId", "tongwei", "customerId", "hoyuan", "productId", "pv-polysilicon",
				"source", "public: 弘元绿能公告 2024-03 (采购通威多晶硅)");
		Login.LEAD_PV.as(graphQl)
			.documentName("addSupplyLink")
			.variable("input", link)
			.execute()
			.path("addSupplyLink.customer.id")
			.entity(String.class)
			.isEqualTo("hoyuan");
		assertThat(graph.rows(LINK, Map.of())).containsExactly(Map.of("source", "public: 弘元绿能公告 2024-03 (采购通威多晶硅)"));

		link.put("source", "public: 弘元绿能公告 2025-01 (合同终止)");
		Login.LEAD_PV.as(graphQl)
			.documentName("removeSupplyLink")
			.variable("input", link)
			.execute()
			.path("removeSupplyLink.source")
			.entity(String.class)
			.isEqualTo("public: 弘元绿能公告 2024-03 (采购通威多晶硅)");
		assertThat(graph.rows(LINK, Map.of())).isEmpty();
	}

	@Test
	void aSiteIsNamedAfterItsCompanyAndRegionUnlessGivenAnId() {
		Login.LEAD_RARE_EARTH.as(graphQl)
			.documentName("createSite")
			.variable("input",
					map("companyId", "jl-mag", "region", "九原区", "nameZh", "金力永磁九原工厂", "source", "public: 包头日报 2024-08"))
			.execute()
			.path("createSite.id")
			.entity(String.class)
			.isEqualTo("jl-mag-baotou-jiuyuan")
			.path("createSite.region")
			.entity(String.class)
			.isEqualTo("包头市")
			.path("createSite.district")
			.entity(String.class)
			.isEqualTo("九原区");
	}

	private void plannedPolysiliconProject(String id) {
		graph.write("""
				MATCH (p:Product {id: 'pv-polysilicon'})
				CREATE (:Project {id: $id, nameZh: '项目', name: 'Project', status: 'PLANNED', source: 'estimate: test'})
				       -[:FOR_PRODUCT]->(p)""", Map.of("id", id));
	}

}
