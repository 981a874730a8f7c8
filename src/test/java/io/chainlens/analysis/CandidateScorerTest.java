package io.chainlens.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.chainlens.analysis.AnalysisQueries.CandidateRow;
import io.chainlens.analysis.AnalysisQueries.OtherProduct;
import io.chainlens.analysis.AnalysisSettings.CandidateWeights;
import io.chainlens.analysis.AnalysisSettings.KindWeights;
import io.chainlens.chain.Product;
import io.chainlens.chain.Region;
import io.chainlens.company.Company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The rule for a candidate of unknown capacity, by hand, without a database: its capacity
 * term is left out and its weight shared by relatedness and ties, so it is neither scored
 * as the smallest producer nor as the largest.
 */
class CandidateScorerTest {

	static final AnalysisSettings SETTINGS = new AnalysisSettings(1.0, 2.0, 1, 3, 0.5, 0.5,
			new KindWeights(1.0, 0.8, 1.0, 0.5, 0.6, 0.3), List.of("LAB"), new CandidateWeights(0.4, 0.35, 0.25));

	static final Product GLASS = new Product("pv-glass", "PV glass", "光伏玻璃", "Mm2", "estimate: test");

	@Test
	void aCandidateOfUnknownCapacityIsRankedOnTheOtherTermsNotAsTheSmallest() {
		// no proximity rows: density 0; relatedness = overlap / 2
		// big: 100 Mm2 → capacity 1 → 0.4 × 1 = 0.4
		// small: 50 Mm2 → 0.5 → 0.4 × 0.5 = 0.2
		// related: unknown; makes one other product, made locally → overlap 1,
		// relatedness 0.5: 0.35 × 0.5 / (0.35 + 0.25) = 0.291667 (scored as 0 capacity it
		// was 0.175, below small)
		// unrelated: unknown, nothing else known: 0 / 0.6 = 0
		List<Candidate> ranked = new CandidateScorer(SETTINGS).score(GLASS,
				List.of(row("small", 50, 1, List.of()), row("unrelated", 0, 0, List.of()),
						row("related", 0, 0, List.of(new OtherProduct("pv-module", "光伏组件", true))),
						row("big", 100, 1, List.of())),
				List.of(), "包头市");

		assertThat(ranked).extracting(c -> c.company().id()).containsExactly("big", "related", "small", "unrelated");
		assertThat(ranked).extracting(Candidate::score)
			.satisfiesExactly(s -> assertThat(s).isCloseTo(0.4, within(1e-9)),
					s -> assertThat(s).isCloseTo(0.35 * 0.5 / 0.6, within(1e-9)),
					s -> assertThat(s).isCloseTo(0.2, within(1e-9)), s -> assertThat(s).isZero());
		Candidate related = ranked.get(1);
		assertThat(related.capacity()).isNull();
		assertThat(related.capacityScore()).isNull();
		assertThat(related.breakdown()).first().asString().contains("产能未公开").contains("不按最小产能计");
		assertThat(related.reasons()).last().isEqualTo("综合得分 0.2917 = (0.35×0.5 + 0.25×0) / 0.6（产能未知：产能项不计，按其余两项排名）");
	}

	@Test
	void whenNoCandidateHasAKnownCapacityAllAreRankedOnTheOtherTerms() {
		// the 12 gaps where every candidate scored exactly 0: now relatedness and ties
		// tell them apart
		List<Candidate> ranked = new CandidateScorer(SETTINGS).score(GLASS, List.of(row("a", 0, 0, List.of()),
				row("b", 0, 0, List.of(new OtherProduct("pv-module", "光伏组件", true)))), List.of(), "包头市");

		assertThat(ranked).extracting(c -> c.company().id()).containsExactly("b", "a");
		assertThat(ranked.get(0).score()).isCloseTo(0.35 * 0.5 / 0.6, within(1e-9));
	}

	@Test
	void theSummaryIsASentenceToSayWithTheSizeInChineseUnitsAndEveryTie() {
		Product polysilicon = new Product("pv-polysilicon", "Polysilicon", "多晶硅（太阳能级高纯晶硅）", "t", "seed §5");
		CandidateRow tongwei = new CandidateRow("pv-polysilicon",
				new Company("tongwei", "Tongwei", "通威股份", List.of(), "seed §5"), 460_000, 460_000, 0, 2, List.of(), 1,
				List.of("工业硅", "多晶硅（太阳能级高纯晶硅）"), List.of(new AnalysisQueries.SupplyTie("晶澳科技", "硅片（切片）", true)), null,
				new Region("sichuan", "Sichuan", "四川省", "PROVINCE"), List.of("乐山市", "保山市"), List.of("通威三期20万吨多晶硅项目"));

		assertThat(CandidateScorer.summary(polysilicon, tongwei, true, "包头市"))
			.isEqualTo("通威股份，总部四川省，多晶硅产能 46 万吨；已在包头市设有基地（生产工业硅、多晶硅），在包头市有项目通威三期20万吨多晶硅项目，向本地的晶澳科技供应硅片。");
		CandidateRow unknown = new CandidateRow("pv-polysilicon",
				new Company("x", "X", "某企业", List.of(), "estimate: t"), 0, 0, 1, 0, List.of(), 0, List.of(), List.of(),
				null, null, List.of(), List.of());
		assertThat(CandidateScorer.summary(polysilicon, unknown, false, "包头市"))
			.isEqualTo("某企业（总部不详），多晶硅产能未知；与包头市暂无已知联系。");
	}

	@Test
	void amountsAreSaidInChineseUnitsAndTenThousandsIn万() {
		assertThat(Words.spoken(460_000, "t")).isEqualTo("46 万吨");
		assertThat(Words.spoken(3300, "t")).isEqualTo("3300 吨");
		assertThat(Words.spoken(12_000, "units")).isEqualTo("1.2 万台（套）");
		assertThat(Words.spoken(85, "GW")).isEqualTo("85 GW");
		assertThat(Words.spoken(20_000, "Mm2")).isEqualTo("20000 百万平方米");
		assertThat(Words.spokenName("风电轴承（主轴、变桨、偏航轴承）")).isEqualTo("风电轴承");
		assertThat(Words.spokenName("废料回收稀土氧化物(再生稀土)")).isEqualTo("废料回收稀土氧化物");
		assertThat(Words.spokenName("工业硅")).isEqualTo("工业硅");
	}

	private static CandidateRow row(String id, double capacity, int knownSites, List<OtherProduct> others) {
		return new CandidateRow("pv-glass", new Company(id, id, id, List.of(), "estimate: test"), capacity, capacity,
				1 - knownSites, knownSites, others, 0, List.of(), List.of(), null, null, List.of(), List.of());
	}

}
