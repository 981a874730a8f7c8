package io.chainlens.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

import io.chainlens.ChainlensTest;
import io.chainlens.analysis.Rows.GapRow;
import io.chainlens.analysis.Rows.Ref;

import static io.chainlens.analysis.Rows.gap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Gaps on the {@code analysis} fixture with the default settings (docs/analysis.md):
 * severity = weight × magnitude × (1 + companies affected) × discount + 0.5 × targets at
 * stake; weights MISSING 1.0, PIPELINE_ONLY 0.8, SHORTFALL 1.0, SINGLE_SOURCE 0.5,
 * EXTENSION 0.6, NO_INNOVATION_SUPPORT 0.3.
 */
@ChainlensTest
class GapsTest extends OnAnalysisFixture {

	@Test
	void findsMissingWhenNoLocalProducerOfAnyStatus() {
		// no local cathode maker; demand 10 GWh × 2000 = 20000 t; affected: cellco; at
		// stake: the cell
		// capacity target (cathode feeds cells): 1 × 1 × (1 + 1) + 0.5 × 1 = 2.5
		GapRow cathode = gap(gaps("battery", "CURRENT"), "battery-cathode", "MISSING");
		assertThat(cathode.severity()).isCloseTo(2.5, within(1e-9));
		assertThat(cathode.localCapacity()).isZero();
		assertThat(cathode.localDemand()).isEqualTo(20000.0);
		assertThat(cathode.unit()).isEqualTo("t");
		assertThat(cathode.companiesAffected()).isEqualTo(1);
		assertThat(cathode.targets()).extracting(Ref::id).containsExactly("battery-cell-capacity-2024");
		assertThat(cathode.segment().id()).isEqualTo("battery-materials");
		// planned: cells 15 GWh at two companies: 1 × 1 × (1 + 2) + 0.5 = 3.5
		assertThat(gap(gaps("battery", "PLANNED"), "battery-cathode", "MISSING").severity()).isCloseTo(3.5,
				within(1e-9));
	}

	@Test
	void findsPipelineOnlyWhenOnlyProjectsNotYetOperating() {
		// electrolyte 7500 t under construction: 0.8 × 1 × (1 + 1) + 0.5 × 1 = 2.1
		List<GapRow> current = gaps("battery", "CURRENT");
		GapRow electrolyte = gap(current, "battery-electrolyte", "PIPELINE_ONLY");
		assertThat(electrolyte.severity()).isCloseTo(2.1, within(1e-9));
		assertThat(electrolyte.explanation()).contains("电解液公司").contains("7500 t");
		assertThat(current).noneMatch(g -> g.productId().equals("battery-electrolyte") && g.kind().equals("MISSING"));
		// in the planned scenario the project counts: one producer, 7500 t for 15000 t of
		// demand
		List<GapRow> planned = gaps("battery", "PLANNED");
		assertThat(planned).noneMatch(g -> g.kind().equals("PIPELINE_ONLY"));
		assertThat(gap(planned, "battery-electrolyte", "SINGLE_SOURCE")).isNotNull();
		// shortfall 1 - 7500/15000 = 0.5; consumers cellco, cellnew: 1 × 0.5 × 3 + 0.5 ×
		// 1 = 2.0
		assertThat(gap(planned, "battery-electrolyte", "SHORTFALL").severity()).isCloseTo(2.0, within(1e-9));
	}

	@Test
	void findsSingleSourceWhenOneLocalCompanyMakesIt() {
		// cells: cellco only; consumers packco, sysco, sysunk; targets on cells and on
		// systems (cells
		// feed systems): 0.5 × 1 × (1 + 3) + 0.5 × 2 = 3.0
		GapRow cell = gap(gaps("battery", "CURRENT"), "battery-cell", "SINGLE_SOURCE");
		assertThat(cell.severity()).isCloseTo(3.0, within(1e-9));
		assertThat(cell.companiesAffected()).isEqualTo(3);
		assertThat(cell.targets()).extracting(Ref::id)
			.containsExactlyInAnyOrder("battery-cell-capacity-2024", "battery-system-capacity-2024");
		// planned: cellnew is a second producer
		assertThat(gaps("battery", "PLANNED"))
			.noneMatch(g -> g.productId().equals("battery-cell") && g.kind().equals("SINGLE_SOURCE"));
	}

	@Test
	void findsShortfallWhenLocalSupplyBelowDemand() {
		// PrNd oxide 2000 t (yielded) for 3000 t: unmet 1/3; magco; magnet output target:
		// 1 × 1/3 × (1 + 1) + 0.5 × 1 = 1.1667
		GapRow prnd = gap(gaps("magnet", "CURRENT"), "magnet-prnd", "SHORTFALL");
		assertThat(prnd.severity()).isCloseTo(2.0 / 3 + 0.5, within(1e-9));
		assertThat(prnd.selfSufficiency()).isCloseTo(2.0 / 3, within(1e-12));
		assertThat(prnd.complete()).isTrue();
		assertThat(prnd.action()).isEqualTo("强链");
		assertThat(prnd.explanation()).contains("本地产能 2000 t")
			.contains("本地需求 3000 t")
			.contains("缺口 1000 t")
			.contains("其中联产 2000 t");
	}

	@Test
	void noShortfallWhenSupplyExactlyMeetsDemand() {
		// cells: 10 GWh for 10 GWh, self-sufficiency exactly the threshold 1.0
		assertThat(gaps("battery", "CURRENT"))
			.noneMatch(g -> g.productId().equals("battery-cell") && g.kind().equals("SHORTFALL"));
	}

	@Test
	void shortfallOnCapacitiesPartlyUnknownIsALowerBoundAndDiscounted() {
		// planned: a second PrNd producer of unknown capacity; 2000 t known is a lower
		// bound:
		// 1 × 1/3 × (1 + 1) × 0.5 + 0.5 × 1 = 0.8333
		GapRow prnd = gap(gaps("magnet", "PLANNED"), "magnet-prnd", "SHORTFALL");
		assertThat(prnd.severity()).isCloseTo(1.0 / 3 + 0.5, within(1e-9));
		assertThat(prnd.complete()).isFalse();
		assertThat(prnd.sitesWithUnknownCapacity()).isEqualTo(1);
		assertThat(prnd.explanation()).contains("本地产能为下限（1个基地产能未知）").contains("× 0.5");
	}

	@Test
	void claimsNoShortfallWhenEveryLocalProducersCapacityIsUnknown() {
		// drive motors: one local maker of unknown capacity, demand 10000 trucks × 1 =
		// 10000 units
		List<GapRow> truck = gaps("truck", "CURRENT");
		assertThat(gap(truck, "truck-motor", "SINGLE_SOURCE").localDemand()).isEqualTo(10000.0);
		assertThat(truck).noneMatch(g -> g.productId().equals("truck-motor") && g.kind().equals("SHORTFALL"));
		assertThat(truck).noneMatch(g -> g.productId().equals("truck-motor") && g.kind().equals("MISSING"));
	}

	@Test
	void aGapOnAProductOfUnknownCapacitySaysUnknownNeverZero() {
		// drive motors: made by 电机公司 at a site of unknown capacity; the gap carries the
		// unknown as null with its bound, and its words say 未知, never 0 units or 0%
		GapRow motor = gap(gaps("truck", "CURRENT"), "truck-motor", "SINGLE_SOURCE");
		assertThat(motor.localCapacity()).isNull();
		assertThat(motor.capacityBound()).isEqualTo("UNKNOWN");
		assertThat(motor.selfSufficiency()).isNull();
		assertThat(motor.selfSufficiencyBound()).isEqualTo("UNKNOWN");
		assertThat(motor.unknownCapacityProducers()).isEqualTo(1);
		assertThat(motor.explanation()).contains("本地产能 未知（1个基地、1家企业：电机公司；各基地产能均未知（有生产、产能未知））")
			.contains("自给率未知（本地产能未知）")
			.doesNotContain("本地产能 0 units")
			.doesNotContain("0%");
		// magnets: demand unknown (the motors' capacity is): no EXTENSION, and no 0
		GapRow magnet = gap(gaps("magnet", "CURRENT"), "magnet-magnet", "SINGLE_SOURCE");
		assertThat(magnet.localDemand()).isNull();
		assertThat(magnet.demandBound()).isEqualTo("UNKNOWN");
		assertThat(magnet.explanation()).contains("本地需求 未知：永磁电机 本地产能未知（1个基地），需求未知")
			.contains("自给率未知（本地需求未知）")
			.doesNotContain("本地需求 0 t");
	}

	@Test
	void aGapSaysHowMuchOfItsCapacityIsEstimate() {
		// cells: 电芯公司's 10 GWh is sourced (public:), nothing estimated
		GapRow cell = gap(gaps("battery", "CURRENT"), "battery-cell", "SINGLE_SOURCE");
		assertThat(cell.sourcedCapacity()).isEqualTo(10.0);
		assertThat(cell.estimatedCapacity()).isZero();
		assertThat(cell.estimateShare()).isZero();
		assertThat(cell.explanation()).doesNotContain("其中估算");
		// anode: its 30000 t rest on an estimate: all of it
		GapRow anode = gap(gaps("battery", "CURRENT"), "battery-anode", "EXTENSION");
		assertThat(anode.sourcedCapacity()).isZero();
		assertThat(anode.estimatedCapacity()).isEqualTo(30000.0);
		assertThat(anode.estimateShare()).isEqualTo(1.0);
		assertThat(anode.explanation()).contains("其中估算 30000 t（100%）");
	}

	@Test
	void findsExtensionWhenLocalOutputFarAboveLocalUse() {
		List<GapRow> gaps = gaps("battery", "CURRENT");
		// anode 30000 t for 10000 t: 3 × demand > 2 ×; surplus 2/3; anodeco; cell target:
		// 0.6 × 2/3 × (1 + 1) + 0.5 × 1 = 1.3
		GapRow anode = gap(gaps, "battery-anode", "EXTENSION");
		assertThat(anode.severity()).isCloseTo(1.3, within(1e-9));
		assertThat(anode.action()).isEqualTo("延链");
		assertThat(anode.explanation()).contains("本地产能是本地需求的 3 倍（阈值 2 倍）").contains("富余 20000 t");
		// precursor 6000 t with no local use (no local cathode): surplus 1; precco,
		// catho2:
		// 0.6 × 1 × (1 + 2) = 1.8
		assertThat(gap(gaps, "battery-precursor", "EXTENSION").severity()).isCloseTo(1.8, within(1e-9));
	}

	@Test
	void noExtensionAtExactlyTheExtensionFactor() {
		// planned: anode 30000 t for 15 GWh × 1000 = 15000 t, exactly 2 ×
		assertThat(gaps("battery", "PLANNED"))
			.noneMatch(g -> g.productId().equals("battery-anode") && g.kind().equals("EXTENSION"));
	}

	@Test
	void claimsNoExtensionWhenEveryLocalConsumersCapacityIsUnknown() {
		// magnets 10000 t; their only local consumer (PM motors) has an unknown capacity
		List<GapRow> magnet = gaps("magnet", "CURRENT");
		assertThat(magnet).noneMatch(g -> g.productId().equals("magnet-magnet") && g.kind().equals("EXTENSION"));
		// still a single source: 0.5 × 1 × (1 + 1) + 0.5 × 1 = 1.5
		assertThat(gap(magnet, "magnet-magnet", "SINGLE_SOURCE").severity()).isCloseTo(1.5, within(1e-9));
	}

	@Test
	void findsSegmentsWithoutAnInnovationPlatform() {
		List<GapRow> current = gaps("battery", "CURRENT");
		// battery materials have a park only, which is not innovation support; local
		// makers precco,
		// catho2, anodeco: 0.3 × 1 × (1 + 3) = 1.2; anode and precursor tie on 2
		// companies at stake,
		// the first in product order stands for the segment
		GapRow materials = current.stream()
			.filter(g -> g.kind().equals("NO_INNOVATION_SUPPORT") && g.segment().id().equals("battery-materials"))
			.findFirst()
			.orElseThrow();
		assertThat(materials.severity()).isCloseTo(1.2, within(1e-9));
		assertThat(materials.productId()).isEqualTo("battery-anode");
		assertThat(materials.explanation()).contains("电池材料园区（园区）");
		// cells have an operating lab
		assertThat(current)
			.noneMatch(g -> g.kind().equals("NO_INNOVATION_SUPPORT") && g.segment().id().equals("battery-cells"));
		// the magnet R&D centre is under construction: a gap today (magco; magnet output
		// target:
		// 0.3 × 2 + 0.5 = 1.1), none once it is counted
		GapRow magnets = gaps("magnet", "CURRENT").stream()
			.filter(g -> g.kind().equals("NO_INNOVATION_SUPPORT") && g.segment().id().equals("magnet-magnets"))
			.findFirst()
			.orElseThrow();
		assertThat(magnets.severity()).isCloseTo(1.1, within(1e-9));
		assertThat(magnets.explanation()).contains("磁材研发中心（研发中心，在建");
		assertThat(gaps("magnet", "PLANNED"))
			.noneMatch(g -> g.kind().equals("NO_INNOVATION_SUPPORT") && g.segment().id().equals("magnet-magnets"));
	}

	@Test
	void callsAMissingLinkBetweenPresentStages补链AndOneBeyondTheEnds延链() {
		List<GapRow> gaps = gaps(null, "CURRENT");
		// battery stages present: 1 materials … 3 systems; cathode sits in stage 1
		assertThat(gap(gaps, "battery-cathode", "MISSING").action()).isEqualTo("补链");
		assertThat(gap(gaps, "battery-electrolyte", "PIPELINE_ONLY").action()).isEqualTo("补链");
		// truck stages present: 1 parts … 3 operations; the bus in stage 2, swap stations
		// in stage 4
		assertThat(gap(gaps, "truck-bus", "MISSING").action()).isEqualTo("补链");
		GapRow station = gap(gaps, "truck-station", "MISSING");
		assertThat(station.action()).isEqualTo("延链");
		assertThat(station.explanation()).contains("在其下游端之外 → 延链");
		assertThat(gap(gaps, "battery-anode", "EXTENSION").action()).isEqualTo("延链");
		assertThat(gap(gaps, "battery-anode", "SINGLE_SOURCE").action()).isEqualTo("强链");
	}

	@Test
	void ordersGapsOfAllChainsBySeverity() {
		List<GapRow> gaps = gaps(null, "CURRENT");
		// ties on severity are ordered by kind, chain and product
		assertThat(gaps.subList(0, 7)).extracting(g -> g.kind() + " " + g.productId())
			.containsExactly("SINGLE_SOURCE battery-cell", "MISSING battery-cathode",
					"PIPELINE_ONLY battery-electrolyte", "EXTENSION battery-precursor", "SINGLE_SOURCE battery-anode",
					"SINGLE_SOURCE magnet-magnet", "SINGLE_SOURCE magnet-prnd");
		assertThat(gaps.subList(0, 7)).extracting(GapRow::severity)
			.usingElementComparator(GapsTest::nearly)
			.containsExactly(3.0, 2.5, 2.1, 1.8, 1.5, 1.5, 1.5);
		assertThat(gaps).extracting(GapRow::severity).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		// 8 battery, 11 truck and 9 magnet gaps
		assertThat(gaps).hasSize(28);
		assertThat(gaps(null, "CURRENT", null, 5)).hasSize(5);
	}

	@Test
	void filtersByKind() {
		List<GapRow> shortfalls = graphQl.documentName("gaps")
			.variable("kinds", List.of("SHORTFALL", "MISSING"))
			.execute()
			.path("gaps")
			.entityList(GapRow.class)
			.get();
		assertThat(shortfalls).extracting(g -> g.kind() + " " + g.productId())
			.containsExactly("MISSING battery-cathode", "SHORTFALL magnet-prnd", "MISSING truck-bus",
					"MISSING truck-station");
	}

	@Test
	void explainsWithFiguresAPersonCanRecompute() {
		GapRow cathode = gap(gaps("battery", "CURRENT"), "battery-cathode", "MISSING");
		assertThat(cathode.explanation()).contains("本地需求 20000 t：电芯 本地产能 10 GWh × 2000 t/GWh = 20000 t")
			.contains("本地下游企业 1 家：电芯公司")
			.contains("涉及目标 1 个：电芯产能 20 GWh（2024年）")
			.contains("本地已有环节从第1环节「电池材料」到第3环节「储能系统」，第1环节「电池材料」在其间 → 补链")
			.contains("严重度 = 1 × 1 × (1 + 1) + 0.5 × 1 = 2.5");
	}

	@Test
	void rejectsAPageSizeOutsideOneToAHundred() {
		for (int first : new int[] { 0, 101 }) {
			assertThat(
					singleError(graphQl.documentName("gaps").variable("first", first).execute(), ErrorType.BAD_REQUEST))
				.contains("'first'");
		}
	}

	@Test
	void unknownChainIsNotFound() {
		assertThat(singleError(graphQl.documentName("gaps").variable("chainId", "no-such-chain").execute(),
				ErrorType.NOT_FOUND))
			.isEqualTo("There is no chain with id 'no-such-chain'");
	}

	private static int nearly(Double a, Double b) {
		return Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b);
	}

	private List<GapRow> gaps(String chainId, String scenario) {
		return gaps(chainId, scenario, null, 100);
	}

	private List<GapRow> gaps(String chainId, String scenario, List<String> kinds, int first) {
		return graphQl.documentName("gaps")
			.variable("chainId", chainId)
			.variable("scenario", scenario)
			.variable("kinds", kinds)
			.variable("first", first)
			.execute()
			.path("gaps")
			.entityList(GapRow.class)
			.get();
	}

}
