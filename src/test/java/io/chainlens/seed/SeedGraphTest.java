package io.chainlens.seed;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed graph says what 包党发〔2024〕1号 says: checked item by item against the document's
 * own words (quoted in each case), through the API where a user would look.
 */
@ChainlensTest
class SeedGraphTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@BeforeEach
	void seedGraph() {
		graph.seed();
	}

	@ParameterizedTest(name = "{0} is led by {1}")
	@CsvSource(delimiter = ';', value = {
			// §1–§3 牵头单位：市工信局; §4 牵头单位：市科技局、工信局，稀土高新区
			"rare-earth; baotou-miit|baotou-most|baotou-rare-earth-hi-tech-gov",
			// §5–§8 牵头单位：市发改委
			"pv; baotou-ndrc", "wind; baotou-miit", "storage-hydrogen; baotou-ndrc", "metals; baotou-miit",
			"ev-trucks; baotou-miit", "carbon-fibre; baotou-miit" })
	void eachChainHasTheLeadUnitsTheDocumentNames(String chainId, String units) {
		graphQl.document("query($id: ID!) { chain(id: $id) { leadUnits { id } } }")
			.variable("id", chainId)
			.execute()
			.path("chain.leadUnits[*].id")
			.entityList(String.class)
			.containsExactly(units.split("\\|"));
	}

	@ParameterizedTest(name = "{0}: {2} {3} {1}")
	@CsvSource({
			// §1 加快北方稀土（集团）公司10万吨级轻稀土冶炼分离生产线建设
			"nre-100kt-separation-line, UNDER_CONSTRUCTION, 100000, t, 1",
			// §5 实施通威三期20万吨…多晶硅等项目
			"tongwei-polysilicon-phase3, UNDER_CONSTRUCTION, 200000, t, 5",
			// §5 推动新特二期17万吨多晶硅和旭阳12万吨多晶硅、40GW单晶硅等项目落地
			"tbea-polysilicon-phase2, PLANNED, 170000, t, 5", "xuyang-mono-ingot, PLANNED, 40, GW, 5",
			// §6 加快中清24GW、旭阳10GW电池片等项目落地
			"zhongqing-cell-24gw, PLANNED, 24, GW, 6",
			// §11 推动实施华北铝业7.1万吨电池正极铝箔材料项目
			"huabei-aluminium-battery-foil-71kt, UNDER_CONSTRUCTION, 71000, t, 11",
			// §13 乐橙年产1000吨碳纤维复合材料
			"lecheng-cf-composites, UNDER_CONSTRUCTION, 1000, t, 13" })
	void projectsHaveTheDocumentsCapacityAndStatus(String id, String status, double capacity, String unit, int item) {
		Map<String, Object> project = graph.rows(
				"MATCH (p:Project {id: $id})-[:UNDER_ITEM]->(i:PolicyItem) RETURN p.status AS status, p.capacity AS capacity, p.unit AS unit, i.number AS item",
				Map.of("id", id))
			.get(0);
		assertThat(project).containsEntry("status", status)
			.containsEntry("capacity", capacity)
			.containsEntry("unit", unit)
			.containsEntry("item", (long) item);
	}

	@ParameterizedTest(name = "{0} = {1} {2}")
	@CsvSource({
			// §5 年内多晶硅、单晶硅产能分别达到87万吨、253GW
			"pv-polysilicon-capacity-2024, 870000, t", "pv-mono-ingot-capacity-2024, 253, GW",
			// §2 年内形成15万吨磁性材料…产能
			"rare-earth-magnetic-materials-capacity-2024, 150000, t",
			// §10 年内风光绿氢供应能力达到2万吨以上; 建成储能电站200万千瓦时以上
			"storage-hydrogen-green-hydrogen-supply-2024, 20000, t",
			"storage-hydrogen-storage-station-capacity-2024, 2, GWh",
			// §12 年内新能源重卡产量达到2000台
			"ev-trucks-heavy-truck-output-2024, 2000, units",
			// §13 年内形成碳纤维产能1万吨
			"carbon-fibre-carbon-fibre-capacity-2024, 10000, t" })
	void targetsFor2024AreTheDocumentsFigures(String id, double value, String unit) {
		List<Map<String, Object>> rows = graph.rows(
				"MATCH (t:Target {id: $id}) RETURN t.value AS value, t.unit AS unit, t.year AS year, t.source AS source",
				Map.of("id", id));
		assertThat(rows).singleElement().satisfies(t -> {
			assertThat(t).containsEntry("value", value).containsEntry("unit", unit).containsEntry("year", 2024L);
			assertThat((String) t.get("source")).startsWith("seed §");
		});
	}

	@Test
	void cityTargetsAreNotInventedCompanyCapacities() {
		// 87万吨 is the city's goal (seed §5), not any company's line
		assertThat(graph
			.count("MATCH ()-[m:MAKES]->(:Product {id: 'pv-polysilicon'}) WHERE m.capacity = 870000 RETURN count(m)"))
			.isZero();
	}

	@Test
	void companiesToAttractHaveNoSiteInBaotou() {
		// §7 引进蓝星星火、三友化工等有机硅行业龙头企业
		graphQl.document("{ a: company(id: \"bluestar-xinghuo\") { local } b: company(id: \"jl-mag\") { local } }")
			.execute()
			.path("a.local")
			.entity(Boolean.class)
			.isEqualTo(false)
			.path("b.local")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void theSeedsLeadsAgreeWithTheirProjectsAndInventNothing() {
		// one lead per seed project the document gives a stage verb for (leads.csv)
		assertThat(graph.rows("MATCH (l:Lead) RETURN l.stage AS stage, count(*) AS leads ORDER BY stage", Map.of()))
			.extracting(r -> r.get("stage") + " " + r.get("leads"))
			.containsExactly("CONSTRUCTION 54", "PRODUCTION 1", "RESERVE 2", "SIGNED 7");
		// the stage agrees with the project's status; from SIGNED on the lead became it
		assertThat(graph.count("""
				MATCH (l:Lead)
				MATCH (pr:Project {id: l.seedProjectId})
				WHERE pr.status <> CASE l.stage WHEN 'CONSTRUCTION' THEN 'UNDER_CONSTRUCTION'
				                                WHEN 'PRODUCTION' THEN 'OPERATING' ELSE 'PLANNED' END
				   OR EXISTS { (l)-[:BECAME]->(pr) } <> (l.stage IN ['SIGNED', 'CONSTRUCTION', 'PRODUCTION'])
				RETURN count(l)""")).isZero();
		// every lead is of a project of the seed's items, attracts its leading developer,
		// proposes its
		// products, is owned by a unit, has one step by the seed and cites its item
		assertThat(graph.count("""
				MATCH (l:Lead)
				OPTIONAL MATCH (pr:Project {id: l.seedProjectId})
				WITH l, pr
				WHERE pr IS NULL OR NOT EXISTS { (pr)-[:UNDER_ITEM]->() }
				   OR NOT EXISTS { (l)-[:ATTRACTS]->(c)<-[:BY {position: 0}]-(pr) }
				   OR COUNT { (l)-[:PROPOSES]->() } <> COUNT { (pr)-[:FOR_PRODUCT]->() }
				   OR NOT EXISTS { (l)-[:OWNED_BY]->(:GovUnit) } OR NOT EXISTS { (l)-[:IN_REGION]->(:Region) }
				   OR COUNT { (l)-[:STEP]->(:LeadStep {seq: 1, recordedBy: 'seed'}) } <> 1
				   OR NOT l.source STARTS WITH 'seed §' OR l.ownerLogin <> 'seed' OR size(l.chainIds) = 0
				RETURN count(l)""")).isZero();
		// §5 实施通威三期20万吨多晶硅: the project's capacity, for its product
		assertThat(graph.rows("""
				MATCH (:Lead {id: 'lead-seed-tongwei-polysilicon-phase3'})-[m:PROPOSES]->(p:Product)
				RETURN p.id AS product, m.capacity AS capacity""", Map.of()))
			.containsExactly(Map.of("product", "pv-polysilicon", "capacity", 200000.0));
		// 加快建设 on 2024-01-01 says the project was under way then, not that it started in
		// 2024: the
		// §21 count of projects started in the year takes no step of the seed known only
		// by that date
		assertThat(graph.count("""
				MATCH (l:Lead)-[:STEP]->(s {asOf: false}) WHERE s.on.year = 2024 RETURN count(l)""")).isZero();
	}

	@Test
	void everyFactHasASource() {
		assertThat(graph.count("""
				MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:GraphState
				  AND NOT (coalesce(n.source, '') =~ '(seed §\\\\d+|public:|estimate:)(?s).*')
				RETURN count(n)""")).isZero();
		assertThat(graph.count("""
				MATCH ()-[r:MAKES|FEEDS|YIELDS|SUPPLIES]->()
				WHERE NOT (coalesce(r.source, '') =~ '(seed §\\\\d+|public:|estimate:)(?s).*')
				RETURN count(r)""")).isZero();
	}

	@Test
	void everyItemOfTheDocumentIsThereWithItsLeadUnits() {
		assertThat(graph.count("MATCH (i:PolicyItem) WHERE EXISTS { (:GovUnit)-[:LEADS]->(i) } RETURN count(i)"))
			.isEqualTo(26);
	}

	@Test
	void separationYieldsOnlyAFractionAsPrNdOxide() {
		// the balance must not count all separated oxide as magnet feed
		double share = (double) graph.rows("""
				MATCH (:Product {id: 'rare-earth-separated-oxide'})-[y:YIELDS]->(:Product {id: 'rare-earth-prnd-oxide'})
				RETURN y.share AS share""", Map.of()).get(0).get("share");
		assertThat(share).isBetween(0.15, 0.3);
		assertThat(graph.count("""
				MATCH (:Product {id: 'rare-earth-separated-oxide'})-[:FEEDS]->(:Product {id: 'rare-earth-ndfeb-magnet'})
				RETURN count(*)""")).isZero();
	}

	private static final String DISTRICTS = "baotou-kundulun-gov|baotou-qingshan-gov|baotou-donghe-gov|baotou-jiuyuan-gov|"
			+ "baotou-shiguai-gov|baotou-baiyun-gov|baotou-tumd-right-gov|baotou-guyang-gov|baotou-damao-gov|"
			+ "baotou-rare-earth-hi-tech-gov";

	@ParameterizedTest(name = "§{0}")
	@CsvSource(delimiter = ';', value = {
			// §1（牵头单位：市工信局；责任单位：市发改委、科技局，昆区、九原区、白云矿区、达茂旗、稀土高新区，北方稀土（集团）公司）
			"1; baotou-miit; baotou-ndrc|baotou-most|baotou-kundulun-gov|baotou-jiuyuan-gov|baotou-baiyun-gov|baotou-damao-gov|baotou-rare-earth-hi-tech-gov",
			// §8（牵头单位：市发改委；责任单位：市科技局、工信局、市场监管局、科协，昆区、青山区、九原区、土右旗、达茂旗、固阳县、稀土高新区）
			"8; baotou-ndrc; baotou-most|baotou-miit|baotou-samr|baotou-sast|baotou-kundulun-gov|baotou-qingshan-gov|baotou-jiuyuan-gov|baotou-tumd-right-gov|baotou-damao-gov|baotou-guyang-gov|baotou-rare-earth-hi-tech-gov",
			// §12（牵头单位：市工信局；责任单位：市发改委、商务局、交通运输局，青山区、达茂旗）
			"12; baotou-miit; baotou-ndrc|baotou-commerce|baotou-transport|baotou-qingshan-gov|baotou-damao-gov",
			// §24（牵头单位：市科技局、财政局、国资委、金融办；责任单位：各旗县区、稀土高新区）
			"24; baotou-most|baotou-finance|baotou-sasac|baotou-finance-office; DISTRICTS",
			// §25（牵头单位：市委组织部；责任单位：市委编办，市人社局、科技局，各旗县区、稀土高新区）
			"25; baotou-organization; baotou-staffing|baotou-hrss|baotou-most|DISTRICTS" })
	@SuppressWarnings("unchecked")
	void itemsHaveTheLeadAndResponsibleUnitsOfTheirBrackets(int number, String lead, String responsible) {
		List<Map<String, Object>> rows = graph.rows("""
				MATCH (i:PolicyItem {number: $number})
				RETURN COLLECT { MATCH (g:GovUnit)-[:LEADS]->(i) RETURN g.id } AS lead,
				       COLLECT { MATCH (g:GovUnit)-[:RESPONSIBLE_FOR]->(i) RETURN g.id } AS responsible""",
				Map.of("number", number));
		assertThat(rows).singleElement().satisfies(item -> {
			assertThat((List<Object>) item.get("lead")).containsExactlyInAnyOrder((Object[]) lead.split("\\|"));
			assertThat((List<Object>) item.get("responsible"))
				.containsExactlyInAnyOrder((Object[]) responsible.replace("DISTRICTS", DISTRICTS).split("\\|"));
		});
	}

	@Test
	void onlyOrganisationsTheBracketsNameAreResponsible() {
		// §1 names 北方稀土（集团）公司 among its 责任单位; §8, §24 and §25 name no company or
		// institution
		assertThat(graph.rows("""
				MATCH (o)-[:RESPONSIBLE_FOR]->(i:PolicyItem) WHERE o:Company OR o:Institution
				RETURN i.number AS item, o.id AS org ORDER BY item, org""", Map.of()))
			.extracting(r -> r.get("item") + ":" + r.get("org"))
			.contains("1:china-northern-rare-earth")
			.noneMatch(r -> r.startsWith("8:") || r.startsWith("24:") || r.startsWith("25:"));
	}

}
