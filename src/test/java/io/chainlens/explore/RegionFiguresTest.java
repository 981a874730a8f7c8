package io.chainlens.explore;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.chainlens.ChainlensTest;
import io.chainlens.QueryCounter;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Self-sufficiency and gap kinds per province, on the {@code region-matrix} fixture: PV
 * with polysilicon (硅材料) feeding wafers (硅片) at 2,000 t/GW, no platforms. Operating, by
 * hand:
 * <ul>
 * <li>江苏: polysilicon 协鑫 100,000 t; wafers 协鑫 30 GW + 隆基 40 GW, so a demand of 70 × 2,000
 * = 140,000 t and a self-sufficiency of 100,000 / 140,000 = 0.714 (SINGLE_SOURCE,
 * SHORTFALL). Wafers feed nothing here: a demand of exactly 0, no ratio.</li>
 * <li>浙江: polysilicon 合盛 50,000 t; wafers 合盛 10 GW, a demand of 20,000 t: 2.5
 * (SINGLE_SOURCE, EXTENSION as 50,000 &gt; 2 × 20,000).</li>
 * <li>内蒙古: polysilicon 通威 200,000 t (大全's line is planned, of unknown capacity); wafers
 * 通威, unknown capacity: the demand is unknown, and so is the ratio (null, never 0).</li>
 * </ul>
 * Every segment lacks a platform: each made product carries NO_INNOVATION_SUPPORT.
 */
@ChainlensTest
class RegionFiguresTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	TestGraph graph;

	@Autowired
	QueryCounter queries;

	@BeforeEach
	void load() {
		graph.fixture("region-matrix");
	}

	@Test
	void eachCellCarriesTheRegionsSelfSufficiencyAndGapKinds() {
		var answer = graphQl.documentName("regionFigures")
			.operationName("regionFiguresMatrix")
			.variable("chainId", "pv")
			.execute();
		answer.path("regionMatrix.regions[*].id")
			.entityList(String.class)
			.containsExactly("jiangsu", "inner-mongolia", "zhejiang");
		Map<String, Object> jiangsu = cell(answer, "jiangsu", "pv-polysilicon");
		assertThat(((Number) jiangsu.get("localDemand")).doubleValue()).isEqualTo(140000.0);
		assertThat(((Number) jiangsu.get("selfSufficiency")).doubleValue()).isCloseTo(100000.0 / 140000, within(1e-9));
		assertThat(jiangsu).containsEntry("selfSufficiencyBound", "EXACT")
			.containsEntry("gaps", List.of("SHORTFALL", "SINGLE_SOURCE", "NO_INNOVATION_SUPPORT"));
		assertThat(cell(answer, "zhejiang", "pv-polysilicon")).containsEntry("selfSufficiency", 2.5)
			.containsEntry("gaps", List.of("SINGLE_SOURCE", "EXTENSION", "NO_INNOVATION_SUPPORT"));
		assertThat(cell(answer, "jiangsu", "pv-wafer")).containsEntry("localDemand", 0.0)
			.containsEntry("selfSufficiency", null)
			.containsEntry("selfSufficiencyBound", null)
			.containsEntry("gaps", List.of("NO_INNOVATION_SUPPORT"));
	}

	@Test
	void anUnknownDemandGivesAnUnknownSelfSufficiencyNeverZero() {
		var answer = graphQl.documentName("regionFigures")
			.operationName("regionFiguresMatrix")
			.variable("chainId", "pv")
			.execute();
		assertThat(cell(answer, "inner-mongolia", "pv-polysilicon")).containsEntry("knownCapacity", 200000.0)
			.containsEntry("localDemand", null)
			.containsEntry("selfSufficiency", null)
			.containsEntry("selfSufficiencyBound", "UNKNOWN")
			.containsEntry("gaps", List.of("SINGLE_SOURCE", "NO_INNOVATION_SUPPORT"));
		assertThat(cell(answer, "inner-mongolia", "pv-wafer")).containsEntry("knownCapacity", null);
	}

	@Test
	void thePlannedMatrixCountsThePlannedLinesInTheGapKinds() {
		// 大全's planned line makes two producers in 内蒙古: no longer a single source
		var answer = graphQl.documentName("regionFigures")
			.operationName("regionFiguresMatrix")
			.variable("chainId", "pv")
			.variable("scenario", "PLANNED")
			.execute();
		assertThat(cell(answer, "inner-mongolia", "pv-polysilicon")).containsEntry("gaps",
				List.of("NO_INNOVATION_SUPPORT"));
	}

	/** A matrix is kept per graph version: a new line counts in the next one. */
	@Test
	void aMatrixAskedAgainAfterAWriteCountsTheNewLine() {
		double before = innerMongoliaPolysilicon();
		assertThat(innerMongoliaPolysilicon()).isEqualTo(before);
		graph.write("""
				MATCH (p:Product {id: 'pv-polysilicon'}), (r:Region {id: 'baotou'})
				CREATE (c:Company {id: 'aaa-matrix-poly', nameZh: '阿阿矩阵硅业', aliases: [], source: 'test'})
				CREATE (c)-[:HAS_SITE]->(s:Site {id: 'aaa-matrix-poly-site', nameZh: '阿阿矩阵硅业基地', source: 'test'})
				CREATE (s)-[:IN_REGION]->(r)
				CREATE (s)-[:MAKES {status: 'OPERATING', capacity: 1000.0, unit: 't', source: 'test'}]->(p)""",
				Map.of());
		assertThat(innerMongoliaPolysilicon()).isEqualTo(before + 1000.0);
	}

	private double innerMongoliaPolysilicon() {
		return graphQl.documentName("regionFigures")
			.operationName("regionFiguresMatrix")
			.variable("chainId", "pv")
			.execute()
			.path("regionMatrix.cells[?(@.region.id == 'inner-mongolia' && @.product.id == 'pv-polysilicon')].knownCapacity")
			.entityList(Double.class)
			.get()
			.get(0);
	}

	@Test
	void aMatrixOfCapacitiesAloneReadsNoRegionsAnalysis() {
		int capacities = queries
			.countDuring(() -> graphQl.document("{ regionMatrix(chainId: \"pv\") { cells { knownCapacity } } }")
				.execute()
				.path("regionMatrix.cells")
				.hasValue());
		// after a write, so that no matrix is kept
		graph.write("MATCH (c:Chain {id: 'pv'}) SET c.note = coalesce(c.note, '')", Map.of());
		int analysed = queries.countDuring(() -> graphQl.documentName("regionFigures")
			.operationName("regionFiguresMatrix")
			.variable("chainId", "pv")
			.execute()
			.path("regionMatrix.cells")
			.hasValue());
		// the regions' lines, names and, for each of the three provinces, its platforms
		assertThat(analysed).isGreaterThanOrEqualTo(capacities + 3);
	}

	@Test
	void bySelfSufficiencyTheMostSelfSufficientRegionComesFirstAndTheUnknownLast() {
		var answer = ranking("SELF_SUFFICIENCY");
		answer.path("regionRanking[*].region.id")
			.entityList(String.class)
			.containsExactly("zhejiang", "jiangsu", "inner-mongolia");
		answer.path("regionRanking[*].rank").entityList(Integer.class).containsExactly(1, 2, 3);
		answer.path("regionRanking[0].selfSufficiency").entity(Double.class).isEqualTo(2.5);
		answer.path("regionRanking[1].selfSufficiency")
			.entity(Double.class)
			.satisfies(ratio -> assertThat(ratio).isCloseTo(100000.0 / 140000, within(1e-9)));
		answer.path("regionRanking[2].selfSufficiency").valueIsNull();
		answer.path("regionRanking[2].selfSufficiencyBound").entity(String.class).isEqualTo("UNKNOWN");
	}

	@Test
	void byCapacityTheRankingCarriesTheSameSelfSufficiency() {
		var answer = ranking("CAPACITY");
		answer.path("regionRanking[*].region.id")
			.entityList(String.class)
			.containsExactly("inner-mongolia", "jiangsu", "zhejiang");
		answer.path("regionRanking[1].localDemand").entity(Double.class).isEqualTo(140000.0);
		answer.path("regionRanking[2].selfSufficiency").entity(Double.class).isEqualTo(2.5);
		answer.path("regionRanking[0].localDemand").valueIsNull();
	}

	@Test
	void firstKeepsTheBestBySelfSufficiency() {
		graphQl.documentName("regionFigures")
			.operationName("regionFiguresRanking")
			.variable("productId", "pv-polysilicon")
			.variable("by", "SELF_SUFFICIENCY")
			.variable("first", 1)
			.execute()
			.path("regionRanking[*].region.id")
			.entityList(String.class)
			.containsExactly("zhejiang");
	}

	@Test
	void aFirstOutsideOneToTheLimitOrThePipelineScenarioIsRefusedNamingTheArgument() {
		for (int first : new int[] { 0, -1, 101 }) {
			refused(graphQl.documentName("regionFigures")
				.operationName("regionFiguresMatrix")
				.variable("chainId", "pv")
				.variable("first", first)
				.execute(), "'first'");
			refused(graphQl.documentName("regionFigures")
				.operationName("regionFiguresRanking")
				.variable("productId", "pv-polysilicon")
				.variable("by", "SELF_SUFFICIENCY")
				.variable("first", first)
				.execute(), "'first'");
		}
		refused(graphQl.documentName("regionFigures")
			.operationName("regionFiguresRanking")
			.variable("productId", "pv-polysilicon")
			.variable("scenario", "PIPELINE")
			.execute(), "'scenario'");
	}

	private static void refused(GraphQlTester.Response response, String argument) {
		response.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains(argument)));
	}

	private GraphQlTester.Response ranking(String by) {
		return graphQl.documentName("regionFigures")
			.operationName("regionFiguresRanking")
			.variable("productId", "pv-polysilicon")
			.variable("by", by)
			.execute();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cell(GraphQlTester.Response answer, String region, String product) {
		return answer.path("regionMatrix.cells")
			.entityList(Map.class)
			.get()
			.stream()
			.filter(c -> region.equals(((Map<?, ?>) c.get("region")).get("id"))
					&& product.equals(((Map<?, ?>) c.get("product")).get("id")))
			.map(c -> (Map<String, Object>) c)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no cell " + region + " × " + product));
	}

}
