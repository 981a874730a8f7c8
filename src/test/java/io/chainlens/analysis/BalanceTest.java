package io.chainlens.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

import io.chainlens.ChainlensTest;
import io.chainlens.analysis.Rows.BalanceRow;
import io.chainlens.analysis.Rows.Ref;

import static io.chainlens.analysis.Rows.balance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Balances on the {@code analysis} fixture; every expected figure is computed in the
 * comments.
 */
@ChainlensTest
class BalanceTest extends OnAnalysisFixture {

	@Test
	void balancesEveryProductOfTheChainInSegmentOrder() {
		assertThat(balances("battery", "CURRENT")).extracting(r -> r.product().id())
			.containsExactly("battery-anode", "battery-cathode", "battery-electrolyte", "battery-precursor",
					"battery-cell", "battery-system");
	}

	@Test
	void comparesLocalCapacityWithDemandOfLocalConsumersTimesTheFeedsFactor() {
		// anode: 30000 t operating; demand = cells operating 10 GWh × 1000 t/GWh = 10000
		// t
		BalanceRow anode = balance(balances("battery", "CURRENT"), "battery-anode");
		assertThat(anode.localCapacity()).isEqualTo(30000.0);
		assertThat(anode.localDemand()).isEqualTo(10000.0);
		assertThat(anode.selfSufficiency()).isEqualTo(3.0);
		assertThat(anode.producerCount()).isEqualTo(1);
		assertThat(anode.unit()).isEqualTo("t");
		assertThat(anode.complete()).isTrue();
		assertThat(anode.consumers()).extracting(Ref::id).containsExactly("cellco");
		// cathode: no local maker; demand 10 GWh × 2000 t/GWh = 20000 t
		BalanceRow cathode = balance(balances("battery", "CURRENT"), "battery-cathode");
		assertThat(cathode.localCapacity()).isZero();
		assertThat(cathode.localDemand()).isEqualTo(20000.0);
		assertThat(cathode.selfSufficiency()).isZero();
		assertThat(cathode.producerCount()).isZero();
	}

	@Test
	void countsDemandFromConsumersInOtherChains() {
		// cells feed storage systems (battery chain: 4 GWh known + 1 site unknown) and
		// packs (truck
		// chain: 6 GWh), 1 GWh/GWh each: 10 GWh
		BalanceRow cell = balance(balances("battery", "CURRENT"), "battery-cell");
		assertThat(cell.localDemand()).isEqualTo(10.0);
		assertThat(cell.demandBy())
			.extracting(d -> d.product().id(), d -> d.demand(), d -> d.sitesWithUnknownCapacity())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("truck-pack", 6.0, 0),
					org.assertj.core.groups.Tuple.tuple("battery-system", 4.0, 1));
		assertThat(cell.consumers()).extracting(Ref::id).containsExactly("packco", "sysco", "sysunk");
	}

	@Test
	void addsCoProductYieldsOfProcessProductsToLocalCapacity() {
		// separated oxide 10000 t yields PrNd oxide 0.2 → 2000 t and La-Ce oxide 0.75 →
		// 7500 t;
		// PrNd demand is what magnets consume of it: 10000 t × 0.3 t/t = 3000 t
		List<BalanceRow> magnet = balances("magnet", "CURRENT");
		BalanceRow prnd = balance(magnet, "magnet-prnd");
		assertThat(prnd.localCapacity()).isEqualTo(2000.0);
		assertThat(prnd.yieldedCapacity()).isEqualTo(2000.0);
		assertThat(prnd.localDemand()).isEqualTo(3000.0);
		assertThat(prnd.selfSufficiency()).isCloseTo(2.0 / 3, within(1e-12));
		assertThat(prnd.producers()).extracting(Ref::id).containsExactly("oxco");
		assertThat(balance(magnet, "magnet-lace").localCapacity()).isEqualTo(7500.0);
		// the process product itself keeps its whole capacity and has no local consumer
		assertThat(balance(magnet, "magnet-oxide").localCapacity()).isEqualTo(10000.0);
		assertThat(balance(magnet, "magnet-oxide").localDemand()).isZero();
	}

	@Test
	void plannedScenarioAddsWhatIsUnderConstructionOrPlanned() {
		List<BalanceRow> planned = balances("battery", "PLANNED");
		// cells 10 operating + 5 planned; electrolyte 7500 t under construction, demand
		// 15 × 1000
		assertThat(balance(planned, "battery-cell").localCapacity()).isEqualTo(15.0);
		assertThat(balance(planned, "battery-cell").producerCount()).isEqualTo(2);
		assertThat(balance(planned, "battery-electrolyte").localCapacity()).isEqualTo(7500.0);
		assertThat(balance(planned, "battery-electrolyte").localDemand()).isEqualTo(15000.0);
		assertThat(balance(planned, "battery-electrolyte").selfSufficiency()).isEqualTo(0.5);
		assertThat(balance(balances("battery", "CURRENT"), "battery-electrolyte").localCapacity()).isZero();
	}

	@Test
	void saysHowManySitesHaveUnknownCapacityAndThatTheFigureIsIncomplete() {
		BalanceRow system = balance(balances("battery", "CURRENT"), "battery-system");
		assertThat(system.localCapacity()).isEqualTo(4.0);
		assertThat(system.siteCount()).isEqualTo(2);
		assertThat(system.sitesWithUnknownCapacity()).isEqualTo(1);
		assertThat(system.complete()).isFalse();
		BalanceRow cell = balance(balances("battery", "CURRENT"), "battery-cell");
		assertThat(cell.consumerSitesWithUnknownCapacity()).isEqualTo(1);
		assertThat(cell.complete()).isFalse();
		// the planned PrNd site of unknown capacity counts as a producer, not as capacity
		BalanceRow prnd = balance(balances("magnet", "PLANNED"), "magnet-prnd");
		assertThat(prnd.localCapacity()).isEqualTo(2000.0);
		assertThat(prnd.producerCount()).isEqualTo(2);
		assertThat(prnd.sitesWithUnknownCapacity()).isEqualTo(1);
		assertThat(prnd.complete()).isFalse();
	}

	@Test
	void aProductMadeLocallyWithNoKnownCapacityHasAnUnknownCapacityNeverZero() {
		// 驱动电机: 电机公司 makes it, capacity unknown; demand = trucks 10000 × 1 = 10000
		// units, known: capacity null (not 0), self-sufficiency null (not 0%)
		BalanceRow motor = balance(balances("truck", "CURRENT"), "truck-motor");
		assertThat(motor.localCapacity()).isNull();
		assertThat(motor.capacityBound()).isEqualTo("UNKNOWN");
		assertThat(motor.producerCount()).isEqualTo(1);
		assertThat(motor.unknownCapacityProducers()).isEqualTo(1);
		assertThat(motor.localDemand()).isEqualTo(10000.0);
		assertThat(motor.demandBound()).isEqualTo("EXACT");
		assertThat(motor.selfSufficiency()).isNull();
		assertThat(motor.selfSufficiencyBound()).isEqualTo("UNKNOWN");
		assertThat(motor.sourcedCapacity()).isNull();
		assertThat(motor.estimatedCapacity()).isNull();
	}

	@Test
	void aDemandOfConsumersOfUnknownCapacityIsUnknownNeverZero() {
		// 钕铁硼磁体: made 10000 t; its one local consumer (永磁电机, 电机公司) has an unknown
		// capacity: demand null, self-sufficiency null
		BalanceRow magnet = balance(balances("magnet", "CURRENT"), "magnet-magnet");
		assertThat(magnet.localCapacity()).isEqualTo(10000.0);
		assertThat(magnet.capacityBound()).isEqualTo("EXACT");
		assertThat(magnet.localDemand()).isNull();
		assertThat(magnet.demandBound()).isEqualTo("UNKNOWN");
		assertThat(magnet.selfSufficiency()).isNull();
		assertThat(magnet.selfSufficiencyBound()).isEqualTo("UNKNOWN");
		assertThat(magnet.demandBy()).singleElement().satisfies(d -> {
			assertThat(d.consumerCapacity()).isNull();
			assertThat(d.demand()).isNull();
			assertThat(d.bound()).isEqualTo("UNKNOWN");
		});
	}

	@Test
	void aFigureMissingSomeSitesIsALowerBoundAndItsRatioSaysWhichWay() {
		// 储能系统: 4 GWh known + 储能未知公司 unknown → ≥ 4 GWh
		BalanceRow system = balance(balances("battery", "CURRENT"), "battery-system");
		assertThat(system.localCapacity()).isEqualTo(4.0);
		assertThat(system.capacityBound()).isEqualTo("AT_LEAST");
		assertThat(system.unknownCapacityProducers()).isEqualTo(1);
		// 电芯: 10 GWh exact against a demand ≥ 6 + 4 = 10 GWh: self-sufficiency ≤ 100%
		BalanceRow cell = balance(balances("battery", "CURRENT"), "battery-cell");
		assertThat(cell.demandBound()).isEqualTo("AT_LEAST");
		assertThat(cell.selfSufficiency()).isEqualTo(1.0);
		assertThat(cell.selfSufficiencyBound()).isEqualTo("AT_MOST");
		// nothing made locally is a known 0, not an unknown: 正极材料 0 t of 20000 t
		BalanceRow cathode = balance(balances("battery", "CURRENT"), "battery-cathode");
		assertThat(cathode.capacityBound()).isEqualTo("EXACT");
		assertThat(cathode.selfSufficiencyBound()).isEqualTo("EXACT");
	}

	@Test
	void showsSourcedAndEstimatedCapacityApart() {
		// planned cells: 电芯公司 10 GWh (public:) + 新电芯公司 5 GWh (estimate:) = 15 GWh,
		// of which estimated 5 = 1/3
		BalanceRow cell = balance(balances("battery", "PLANNED"), "battery-cell");
		assertThat(cell.localCapacity()).isEqualTo(15.0);
		assertThat(cell.sourcedCapacity()).isEqualTo(10.0);
		assertThat(cell.estimatedCapacity()).isEqualTo(5.0);
		assertThat(cell.estimateShare()).isCloseTo(1.0 / 3, within(1e-12));
		// all of the anode's 30000 t is estimated
		BalanceRow anode = balance(balances("battery", "CURRENT"), "battery-anode");
		assertThat(anode.sourcedCapacity()).isZero();
		assertThat(anode.estimateShare()).isEqualTo(1.0);
	}

	@Test
	void unknownChainIsNotFound() {
		assertThat(singleError(graphQl.documentName("balance").variable("chainId", "no-such-chain").execute(),
				ErrorType.NOT_FOUND))
			.isEqualTo("There is no chain with id 'no-such-chain'");
	}

	private List<BalanceRow> balances(String chainId, String scenario) {
		return graphQl.documentName("balance")
			.variable("chainId", chainId)
			.variable("scenario", scenario)
			.execute()
			.path("balance")
			.entityList(BalanceRow.class)
			.get();
	}

}
