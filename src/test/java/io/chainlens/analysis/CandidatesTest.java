package io.chainlens.analysis;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

import io.chainlens.ChainlensTest;
import io.chainlens.analysis.Rows.CandidateRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * Candidates on the {@code analysis} fixture. Cathode is made by catho1 (50000 t, also
 * buses), catho2 (unknown capacity, also precursor at a site in 包头) and catho3 (20000 t,
 * also anode). φ(cathode, q) = 1/max(3, 2) = 1/3 for precursor and anode (both made
 * locally) and 1/max(3, 1) = 1/3 for buses (not local): density around cathode = (1/3 +
 * 1/3) / (3 × 1/3) = 2/3. catho2 is marked not attractable for cathode.
 */
@ChainlensTest
class CandidatesTest extends OnAnalysisFixture {

	@Test
	void ranksCandidatesByCapacityRelatednessAndTies() {
		// catho1: capacity 1, relatedness (2/3 + 0) / 2, ties 0.5 (supplies cellco):
		// 0.4 + 0.35/3 + 0.125 = 0.641667
		// catho3: capacity 0.4, relatedness (2/3 + 1) / 2, no ties: 0.16 + 0.35 × 5/6 =
		// 0.451667
		// catho2: capacity unknown: the capacity term is left out, not scored 0;
		// relatedness 5/6, ties 0.5 (a site in 包头): (0.35 × 5/6 + 0.25 × 0.5) / 0.6 =
		// 0.694444 — the best score, yet last: marked not attractable for cathode
		List<CandidateRow> candidates = candidates("battery-cathode", 10);
		assertThat(candidates).extracting(c -> c.company().id(), CandidateRow::capacity)
			.containsExactly(tuple("catho1", 50000.0), tuple("catho3", 20000.0), tuple("catho2", null));
		assertThat(candidates.get(0).score()).isCloseTo(0.4 + 0.35 / 3 + 0.125, within(1e-9));
		assertThat(candidates.get(1).score()).isCloseTo(0.16 + 0.35 * 5 / 6, within(1e-9));
		assertThat(candidates.get(2).score()).isCloseTo((0.35 * 5 / 6 + 0.125) / 0.6, within(1e-9));
		assertThat(candidates.get(1).capacityScore()).isCloseTo(0.4, within(1e-12));
		assertThat(candidates.get(1).relatedness()).isCloseTo(5.0 / 6, within(1e-12));
		assertThat(candidates.get(2).ties()).isEqualTo(0.5);
		assertThat(candidates.get(2).capacityScore()).isNull();
		assertThat(candidates(("battery-cathode"), 2)).hasSize(2);
	}

	@Test
	void ranksACandidateTheDataMarkNotAttractableAfterTheOthersSayingWhy() {
		List<CandidateRow> candidates = candidates("battery-cathode", 10);
		assertThat(candidates).extracting(c -> c.company().id(), CandidateRow::attractable)
			.containsExactly(tuple("catho1", true), tuple("catho3", true), tuple("catho2", false));
		assertThat(candidates.get(2).notAttractableReason())
			.isEqualTo("正极二号的正极材料只在广东配套其自有客户（测试用）（estimate: test fixture）");
		assertThat(candidates.get(2).reasons())
			.contains("不宜招引，排在可招引候选之后：正极二号的正极材料只在广东配套其自有客户（测试用）（estimate: test fixture）"
					+ "（not attractable: ranked after the others）");
		assertThat(candidates.get(0).notAttractableReason()).isNull();
	}

	@Test
	void leavesOutCompaniesWithALocalSiteMakingTheProduct() {
		// cellco and cellnew make cells in 包头; cellfar only elsewhere
		assertThat(candidates("battery-cell", 10)).extracting(c -> c.company().id()).containsExactly("cellfar");
	}

	@Test
	void givesAReasonInWordsForEachPartOfTheScore() {
		List<CandidateRow> candidates = candidates("battery-cathode", 10);
		assertThat(candidates.get(0).breakdown()).containsExactly(
				"产能 50000 t，在 2 家已知产能的候选中居第 1（capacity 50000 t, #1 of 2）",
				"产品关联度 0.3333：包头市在该产品周边的产业密度 0.6667（本地已生产相关产品：负极材料 φ=0.3333、前驱体 φ=0.3333）；"
						+ "该企业另产 1 种产品，其中 0 种包头市已有（relatedness 0.3333）",
				"与本地企业有供货关系：向电芯公司供应正极材料（ties with the region）", "综合得分 0.6417 = (0.4×1 + 0.35×0.3333 + 0.25×0.5) / 1");
		assertThat(candidates.get(2).reasons()).contains("已在包头市设有基地（生产前驱体）（ties with the region）")
			.contains("产能未公开（1个基地）：不按最小产能计，产能项不计入得分，其权重分给关联度与本地联系（capacity unknown: ranked on relatedness and ties）")
			.contains("综合得分 0.6944 = (0.35×0.8333 + 0.25×0.5) / 0.6（产能未知：产能项不计，按其余两项排名）");
	}

	@Test
	void eachCandidateFirstSaysWhoItIsHowBigAndWhatTiesItToTheCityInOneSentence() {
		List<CandidateRow> candidates = candidates("battery-cathode", 10);

		CandidateRow catho1 = candidates.get(0);
		assertThat(catho1.summary()).isEqualTo("正极一号，总部江苏省，正极材料产能 5 万吨；向本地的电芯公司供应正极材料。");
		assertThat(catho1.reasons()).first().isEqualTo(catho1.summary());
		assertThat(catho1.reasons().subList(1, catho1.reasons().size())).isEqualTo(catho1.breakdown());
		assertThat(catho1.breakdown()).last().asString().startsWith("综合得分 ");
		assertThat(catho1.headquarters().nameZh()).isEqualTo("江苏省");
		assertThat(catho1.siteRegions()).containsExactly("江苏省");
		// unknown capacity is said as unknown, never as 0; the site here is the tie
		assertThat(candidates.get(2).summary()).startsWith("正极二号，总部广东省，正极材料产能未知；已在包头市设有基地（生产前驱体）；但不宜招引：")
			.doesNotContain("产能 0");
		assertThat(candidates.get(1).summary()).contains("产能 2 万吨").endsWith("；与包头市暂无已知联系。");
	}

	@Test
	@SuppressWarnings("unchecked")
	void gapCandidatesAreBatchedAndForAnExtensionAreMakersDownstream() {
		List<Map<String, Object>> gaps = graphQl.documentName("gapsWithCandidates")
			.variable("chainId", "battery")
			.variable("candidates", 2)
			.execute()
			.path("gaps")
			.entityList(Map.class)
			.get()
			.stream()
			.map(m -> (Map<String, Object>) m)
			.toList();
		Map<String, Object> precursor = gaps.stream()
			.filter(g -> "EXTENSION".equals(g.get("kind")) && "battery-precursor".equals(id(g.get("product"))))
			.findFirst()
			.orElseThrow();
		List<Map<String, Object>> candidates = (List<Map<String, Object>>) precursor.get("candidates");
		// the surplus of precursor goes to cathode: its makers, best first, two asked for
		assertThat(candidates).extracting(c -> id(c.get("company")), c -> id(c.get("product")))
			.containsExactly(tuple("catho1", "battery-cathode"), tuple("catho3", "battery-cathode"));
		// said in the sentence, and first in the breakdown
		assertThat((List<String>) candidates.get(0).get("reasons")).first()
			.asString()
			.endsWith("；可吸纳本地富余的前驱体（用于生产正极材料）。");
		assertThat((List<String>) candidates.get(0).get("breakdown")).first()
			.isEqualTo("可吸纳本地富余的前驱体：生产其下游产品正极材料（would absorb the local surplus）");
		Map<String, Object> innovation = gaps.stream()
			.filter(g -> "NO_INNOVATION_SUPPORT".equals(g.get("kind")))
			.findFirst()
			.orElseThrow();
		assertThat((List<?>) innovation.get("candidates")).isEmpty();
	}

	@Test
	void unknownProductIsNotFoundAndPageSizeIsChecked() {
		assertThat(singleError(graphQl.documentName("candidates").variable("productId", "no-such-product").execute(),
				ErrorType.NOT_FOUND))
			.isEqualTo("There is no product with id 'no-such-product'");
		assertThat(singleError(graphQl.documentName("candidates")
			.variable("productId", "battery-cathode")
			.variable("first", 101)
			.execute(), ErrorType.BAD_REQUEST)).isEqualTo(
					"Argument 'first' of candidates must be between 1 and 100 (chainlens.graphql.max-page-size), not 101");
	}

	private List<CandidateRow> candidates(String productId, int first) {
		return graphQl.documentName("candidates")
			.variable("productId", productId)
			.variable("first", first)
			.execute()
			.path("candidates")
			.entityList(CandidateRow.class)
			.get();
	}

	private static Object id(Object ref) {
		return ((Map<?, ?>) ref).get("id");
	}

}
