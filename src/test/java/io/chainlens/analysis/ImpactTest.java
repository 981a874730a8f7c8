package io.chainlens.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import io.chainlens.ChainlensTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/** Impact on the {@code analysis} fixture, with the default depth of 3 hops. */
@ChainlensTest
class ImpactTest extends OnAnalysisFixture {

	record Ref(String id) {
	}

	record Balance(Ref product, Double localCapacity, Double localDemand, Double selfSufficiency, int producerCount) {
	}

	record Step(int hop, Ref company, Ref product, Ref input) {
	}

	@Test
	void showsTheProductsWhoseLocalSelfSufficiencyDrops() {
		// cellco makes the only operating cells: 10 GWh for 10 GWh of demand → 0 GWh
		var impact = impact("cellco");
		List<Balance> after = impact.path("impact.affectedProducts").entityList(Balance.class).get();
		assertThat(after)
			.extracting(b -> b.product().id(), Balance::localCapacity, Balance::localDemand, Balance::selfSufficiency,
					Balance::producerCount)
			.containsExactly(tuple("battery-cell", 0.0, 10.0, 0.0, 0));
		assertThat(impact.path("impact.before[0].selfSufficiency").entity(Double.class).get()).isEqualTo(1.0);
		// its demand for anode, cathode and electrolyte disappears with it: their
		// self-sufficiency
		// does not drop, so they are not affected
		assertThat(impact.path("impact.explanation").entity(String.class).get())
			.startsWith("电芯公司在包头市的基地停产后：电芯 本地产能 10 GWh → 0 GWh，生产企业 1 → 0 家，自给率 ≤ 100% → 0%");
	}

	@Test
	void losingAProducerOfUnknownCapacitySaysUnknownNotZeroBefore() {
		// 电机公司 is the only local maker of drive motors, capacity unknown; trucks use
		// them: before, the capacity is unknown (null, not 0), after, nothing is made
		var impact = impact("motorco");
		impact.path("impact.before[0].product.id").entity(String.class).isEqualTo("truck-motor");
		impact.path("impact.before[0].localCapacity").valueIsNull();
		impact.path("impact.before[0].selfSufficiency").valueIsNull();
		impact.path("impact.affectedProducts[0].localCapacity").entity(Double.class).isEqualTo(0.0);
		impact.path("impact.affectedProducts[0].producerCount").entity(Integer.class).isEqualTo(0);
		assertThat(impact.path("impact.explanation").entity(String.class).get())
			.startsWith("电机公司在包头市的基地停产后：驱动电机 本地产能 未知 → 0 units，生产企业 1 → 0 家");
	}

	@Test
	void followsFeedsDownstreamWithinTheConfiguredNumberOfHops() {
		var impact = impact("cellco");
		// hop 1: pack and system makers use cells; hop 2: trucks use packs; hop 3: fleets
		// use trucks;
		// logistics (hop 4) lie beyond the default depth of 3
		assertThat(impact.path("impact.steps").entityList(Step.class).get())
			.extracting(Step::hop, s -> s.company().id(), s -> s.product().id(), s -> s.input().id())
			.containsExactly(tuple(1, "packco", "truck-pack", "battery-cell"),
					tuple(1, "sysco", "battery-system", "battery-cell"),
					tuple(1, "sysunk", "battery-system", "battery-cell"),
					tuple(2, "truckco", "truck-truck", "truck-pack"),
					tuple(3, "fleetco", "truck-fleet", "truck-truck"));
		assertThat(impact.path("impact.affectedCompanies[*].id").entityList(String.class).get())
			.containsExactly("packco", "sysco", "sysunk", "truckco", "fleetco");
	}

	@Test
	void losingAProcessProductLosesItsCoProducts() {
		// oxco's separated oxide yields the PrNd oxide magco needs: 2000 t for 3000 t → 0
		// t; magco's
		// magnets go into motorco's motors (hop 2)
		var impact = impact("oxco");
		List<Balance> after = impact.path("impact.affectedProducts").entityList(Balance.class).get();
		assertThat(after).extracting(b -> b.product().id()).containsExactly("magnet-prnd");
		assertThat(after.get(0).localCapacity()).isZero();
		assertThat(impact.path("impact.before[0].selfSufficiency").entity(Double.class).get()).isCloseTo(2.0 / 3,
				within(1e-12));
		assertThat(impact.path("impact.affectedCompanies[*].id").entityList(String.class).get())
			.containsExactly("magco", "motorco");
	}

	@Test
	void aProductWithoutOtherLocalConsumersIsNotAffected() {
		var impact = impact("sysco");
		assertThat(impact.path("impact.affectedProducts").entityList(Balance.class).get()).isEmpty();
		assertThat(impact.path("impact.affectedCompanies").entityList(Ref.class).get()).isEmpty();
		assertThat(impact.path("impact.explanation").entity(String.class).get()).contains("没有其他本地企业使用");
	}

	@Test
	void unknownCompanyIsNotFound() {
		assertThat(singleError(graphQl.documentName("impact").variable("companyId", "no-such-company").execute(),
				ErrorType.NOT_FOUND))
			.isEqualTo("There is no company with id 'no-such-company'");
	}

	private GraphQlTester.Response impact(String companyId) {
		return graphQl.documentName("impact").variable("companyId", companyId).execute();
	}

}
