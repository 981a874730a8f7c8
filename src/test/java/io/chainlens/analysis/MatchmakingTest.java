package io.chainlens.analysis;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chainlens.ChainlensTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * 包材包用 (seed §22) on the analysis fixture, computed by hand from its operating lines:
 * <ul>
 * <li>anode: 负极公司 30000 t; 电芯公司 needs 10 GWh × 1000 t/GWh = 10000 t → 10000</li>
 * <li>truck: 重卡公司 10000; 车队公司 needs 500 × 20 = 10000 → 10000</li>
 * <li>PrNd oxide: 分离公司 yields 10000 t × 0.2 = 2000 t; 磁体公司 needs 10000 × 0.3 = 3000 t →
 * 2000</li>
 * <li>fleet: 车队公司 500; 物流公司 needs 100 × 5 = 500 → 500</li>
 * <li>cell: 电芯公司 10 GWh; 电池包公司 needs 6 → 6, 储能公司 needs 4 → 4, 储能未知公司 unknown</li>
 * <li>pack: 电池包公司 6 GWh; 重卡公司 needs 10000 × 0.0005 = 5 → 5</li>
 * <li>unknown: 磁体公司 → 电机公司 (its motors' output unknown), 电机公司 → 重卡公司 (its motors'
 * capacity unknown)</li>
 * </ul>
 * Planned and building lines (新电芯公司, 电解液公司, 镨钕新公司) take no part: orders go to what runs.
 */
@ChainlensTest
class MatchmakingTest extends OnAnalysisFixture {

	@Test
	void pairsLocalSuppliersAndConsumersWithoutASupplyLinkLargestVolumeFirst() {
		List<Map<String, Object>> matches = matchmaking(null);

		assertThat(matches)
			.extracting(m -> id(m, "product"), m -> id(m, "supplier"), m -> id(m, "customer"), m -> m.get("volume"))
			.containsExactly(tuple("battery-anode", "anodeco", "cellco", 10000.0),
					tuple("truck-truck", "truckco", "fleetco", 10000.0), tuple("magnet-prnd", "oxco", "magco", 2000.0),
					tuple("truck-fleet", "fleetco", "logico", 500.0), tuple("battery-cell", "cellco", "packco", 6.0),
					tuple("truck-pack", "packco", "truckco", 5.0), tuple("battery-cell", "cellco", "sysco", 4.0),
					tuple("battery-cell", "cellco", "sysunk", null), tuple("magnet-magnet", "magco", "motorco", null),
					tuple("truck-motor", "motorco", "truckco", null));
		assertThat(matches.get(2)).containsEntry("supplierCapacity", 2000.0).containsEntry("customerDemand", 3000.0);
		assertThat((String) matches.get(7).get("explanation")).contains("未知");
	}

	@Test
	void aChainListsThePairsOfItsProductsAndARecordedLinkRemovesItsPair() {
		assertThat(matchmaking("battery")).extracting(m -> id(m, "product") + " " + id(m, "customer"))
			.containsExactly("battery-anode cellco", "battery-cell packco", "battery-cell sysco",
					"battery-cell sysunk");

		graphQl.mutate()
			.headers(h -> h.setBasicAuth("admin", "admin-demo"))
			.build()
			.documentName("addSupplyLink")
			.variable("input",
					Map.of("supplierId", "anodeco", "customerId", "cellco", "productId", "battery-anode", "source",
							"estimate: matchmaking test"))
			.execute()
			.path("addSupplyLink")
			.hasValue();
		graph.changed();

		assertThat(matchmaking("battery")).extracting(m -> id(m, "product") + " " + id(m, "customer"))
			.containsExactly("battery-cell packco", "battery-cell sysco", "battery-cell sysunk");
	}

	private List<Map<String, Object>> matchmaking(String chainId) {
		return graphQl.documentName("matchmaking")
			.variable("chainId", chainId)
			.variable("first", 50)
			.execute()
			.path("matchmaking")
			.entityList(Map.class)
			.get()
			.stream()
			.map(m -> (Map<String, Object>) m)
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static String id(Map<String, Object> match, String field) {
		return (String) ((Map<String, Object>) match.get(field)).get("id");
	}

}
