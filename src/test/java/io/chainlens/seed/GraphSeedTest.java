package io.chainlens.seed;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.chainlens.database.SeedFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The shipped data set passes validation. Needs no database: run it alone while editing
 * {@code graph-seed/} ({@code ./mvnw test -Dtest=GraphSeedTest}).
 */
class GraphSeedTest {

	@Test
	void shippedSeedDataSetIsValid() {
		assertThatCode(() -> SeedDataSet.read(SeedFiles.find("file:graph-seed"))).doesNotThrowAnyException();
	}

	@Test
	void shippedSeedDataSetHasAllSevenChains() {
		SeedDataSet data = SeedDataSet.read(SeedFiles.find("file:graph-seed"));
		assertThat(data.rows().get(SeedSchema.BY_NAME.get("chains.csv"))).extracting(row -> row.get("id"))
			.containsExactlyInAnyOrder("rare-earth", "pv", "wind", "storage-hydrogen", "metals", "ev-trucks",
					"carbon-fibre");
	}

	/**
	 * The candidate search needs a pool: every product without an operating producer in
	 * Baotou has at least three Chinese producers elsewhere, except the few for which no
	 * third maker is public or that are services rather than things companies make (each
	 * folder's COVERAGE.md says why).
	 */
	@Test
	void everyProductBaotouLacksHasAtLeastThreeChineseProducers() {
		assertThat(productsShortOfChineseProducers(Set.of("carbon-fibre-chloroprene-rubber",
				"rare-earth-solid-h2-forklift", "carbon-fibre-defence-products", "carbon-fibre-fine-chemicals",
				"carbon-fibre-coal-based-materials", "ev-trucks-land-port-station", "ev-trucks-engine-repair",
				"rare-earth-ndfeb-scrap")))
			.isEmpty();
	}

	@Test
	void theProducerCheckFindsAProductShortOfProducers() {
		assertThat(productsShortOfChineseProducers(Set.of()))
			.anyMatch(p -> p.startsWith("carbon-fibre-chloroprene-rubber"));
	}

	private static List<String> productsShortOfChineseProducers(Set<String> exceptions) {
		SeedDataSet data = SeedDataSet.read(SeedFiles.find("file:graph-seed"));
		Map<String, String> parent = new HashMap<>();
		rows(data, "regions.csv").forEach(r -> parent.put((String) r.get("id"), (String) r.get("parent_id")));
		Map<String, String> hq = new HashMap<>();
		rows(data, "companies.csv").forEach(r -> hq.put((String) r.get("id"), (String) r.get("hq_region_id")));
		Map<String, Map<String, Object>> sites = new HashMap<>();
		rows(data, "sites.csv").forEach(r -> sites.put((String) r.get("id"), r));
		Set<String> madeInBaotou = new HashSet<>();
		Map<String, Set<String>> chineseProducers = new HashMap<>();
		for (Map<String, Object> capacity : rows(data, "capacities.csv")) {
			if (!"OPERATING".equals(capacity.get("status"))) {
				continue;
			}
			Map<String, Object> site = sites.get(capacity.get("site_id"));
			String product = (String) capacity.get("product_id");
			String company = (String) site.get("company_id");
			if (within((String) site.get("region_id"), "baotou", parent)) {
				madeInBaotou.add(product);
			}
			else if (within(hq.get(company), "china", parent)) {
				chineseProducers.computeIfAbsent(product, p -> new HashSet<>()).add(company);
			}
		}
		return rows(data, "products.csv").stream()
			.map(p -> (String) p.get("id"))
			.filter(p -> !madeInBaotou.contains(p) && !exceptions.contains(p))
			.filter(p -> chineseProducers.getOrDefault(p, Set.of()).size() < 3)
			.map(p -> p + " " + chineseProducers.getOrDefault(p, Set.of()))
			.toList();
	}

	private static List<Map<String, Object>> rows(SeedDataSet data, String file) {
		return data.rows().get(SeedSchema.BY_NAME.get(file));
	}

	private static boolean within(String region, String ancestor, Map<String, String> parent) {
		for (String r = region; r != null; r = parent.get(r)) {
			if (r.equals(ancestor)) {
				return true;
			}
		}
		return false;
	}

}
