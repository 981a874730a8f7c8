package io.chainlens.analysis;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import io.chainlens.ChainlensTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Local support rate and target progress on the {@code analysis} fixture. The chains come
 * back in id order there: battery, magnet, truck.
 */
@ChainlensTest
class LocalSupportTest extends OnAnalysisFixture {

	@Test
	void localSupportRateIsTheMeanLocalCoverageOfTheInputsTheChainConsumes() {
		GraphQlTester.Response current = chains("CURRENT");
		assertThat(current.path("chains[*].id").entityList(String.class).get()).containsExactly("battery", "magnet",
				"truck");
		// battery: anode 30000/10000 → 1, electrolyte 0, cathode 0, cells 10/10 → 1: 2/4
		assertThat(current.path("chains[0].localSupportRate").entity(Double.class).get()).isEqualTo(0.5);
		assertThat(current.path("chains[0].localSupport.complete").entity(Boolean.class).get()).isFalse();
		// magnet: PrNd oxide 2000/3000
		assertThat(current.path("chains[1].localSupportRate").entity(Double.class).get()).isCloseTo(2.0 / 3,
				within(1e-12));
		// truck: cells 1, packs 6/5 → 1, trucks 1, fleets 1; motors are made locally at a
		// site of unknown capacity: their coverage is unknown and left out, not counted
		// as
		// 0 (which gave 4/5): 4/4
		assertThat(current.path("chains[2].localSupportRate").entity(Double.class).get()).isEqualTo(1.0);
		assertThat(current.path("chains[2].localSupport.inputs[?(@.product.id == 'truck-motor')].coverage")
			.entityList(Object.class)
			.get()).containsExactly((Object) null);
		assertThat(current.path("chains[2].localSupport.explanation").entity(String.class).get())
			.contains("本地产能未知、未计入平均的投入品：驱动电机");
		// planned: electrolyte 7500/15000 → 0.5, cathode still 0: (1 + 0.5 + 0 + 1) / 4
		assertThat(chains("PLANNED").path("chains[0].localSupportRate").entity(Double.class).get()).isEqualTo(0.625);
	}

	@Test
	void sharesAnInputsLocalSupplyProRataAmongAllItsLocalConsumers() {
		// cells: the battery chain's systems take 4 GWh of the 10 GWh demand, packs the
		// other 6
		GraphQlTester.Response current = chains("CURRENT");
		assertThat(current.path("chains[0].localSupport.inputs[3].product.id").entity(String.class).get())
			.isEqualTo("battery-cell");
		assertThat(current.path("chains[0].localSupport.inputs[3].demand").entity(Double.class).get()).isEqualTo(4.0);
		assertThat(current.path("chains[0].localSupport.inputs[3].localDemand").entity(Double.class).get())
			.isEqualTo(10.0);
		assertThat(current.path("chains[0].localSupport.explanation").entity(String.class).get())
			.startsWith("电池本地配套率 50% = 4 种投入品本地覆盖率的平均：");
	}

	@Test
	void progressComparesKnownLocalCapacityWithCapacityTargets() {
		GraphQlTester.Response current = chains("CURRENT");
		// cells: 10 GWh operating of 20; planned 15 of 20
		assertThat(current.path("chains[0].targets[0].id").entity(String.class).get())
			.isEqualTo("battery-cell-capacity-2024");
		assertThat(current.path("chains[0].targets[0].progress.share").entity(Double.class).get()).isEqualTo(0.5);
		assertThat(chains("PLANNED").path("chains[0].targets[0].progress.share").entity(Double.class).get())
			.isEqualTo(0.75);
		// systems: 4 GWh known of 10, one site of unknown capacity: a lower bound
		assertThat(current.path("chains[0].targets[1].progress.share").entity(Double.class).get()).isEqualTo(0.4);
		assertThat(current.path("chains[0].targets[1].progress.sitesWithUnknownCapacity").entity(Integer.class).get())
			.isEqualTo(1);
		assertThat(current.path("chains[0].targets[1].progress.complete").entity(Boolean.class).get()).isFalse();
		// an OUTPUT target is not a capacity: no progress is claimed
		assertThat(current.path("chains[1].targets[0].id").entity(String.class).get())
			.isEqualTo("magnet-magnet-output-2024");
		current.path("chains[1].targets[0].progress").valueIsNull();
	}

	@Test
	void aTargetCountsOnlyTheLinesDueByItsYear() {
		// 新电芯公司's planned 5 GWh of cells comes in 2026: it does not count toward the
		// 2024 target (10 of 20, not 15 of 20), while the PLANNED balance still has it
		graph.write("""
				MATCH (:Site {id: 'cellnew-qingshan'})-[m:MAKES {status: 'PLANNED'}]->(:Product {id: 'battery-cell'})
				SET m.year = 2026""", Map.of());
		GraphQlTester.Response planned = chains("PLANNED");
		assertThat(planned.path("chains[0].targets[0].progress.share").entity(Double.class).get()).isEqualTo(0.5);
		assertThat(planned.path("chains[0].targets[0].progress.explanation").entity(String.class).get())
			.contains("2024年及以前到期");
		assertThat(graphQl.documentName("balance")
			.variable("chainId", "battery")
			.variable("scenario", "PLANNED")
			.execute()
			.path("balance[?(@.product.id == 'battery-cell')].localCapacity")
			.entityList(Double.class)
			.get()).containsExactly(15.0);
	}

	@Test
	void progressOnAProductOfUnknownCapacityIsUnknownNeverZero() {
		// 驱动电机: 电机公司 makes it at a site of unknown capacity; target 20000 units:
		// progress unknown (null), not 0 of 20000 (0%)
		GraphQlTester.Response current = chains("CURRENT");
		assertThat(current.path("chains[2].targets[0].id").entity(String.class).get())
			.isEqualTo("truck-motor-capacity-2024");
		current.path("chains[2].targets[0].progress.localCapacity").valueIsNull();
		current.path("chains[2].targets[0].progress.share").valueIsNull();
		assertThat(current.path("chains[2].targets[0].progress.bound").entity(String.class).get()).isEqualTo("UNKNOWN");
		assertThat(current.path("chains[2].targets[0].progress.explanation").entity(String.class).get())
			.isEqualTo("驱动电机本地有生产、产能未知（在产，1家企业、1个基地产能均未知），对2024年目标 20000 units的完成度未知。")
			.doesNotContain("0%");
		// a lower bound says so: systems ≥ 4 GWh of 10, all of it estimated
		assertThat(current.path("chains[0].targets[1].progress.bound").entity(String.class).get())
			.isEqualTo("AT_LEAST");
		assertThat(current.path("chains[0].targets[1].progress.explanation").entity(String.class).get())
			.contains("本地产能 ≥ 4 GWh")
			.contains("≥ 40%");
	}

	private GraphQlTester.Response chains(String scenario) {
		return graphQl.documentName("localSupport").variable("scenario", scenario).execute();
	}

}
