package io.chainlens.seed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The shipped data set passes validation. Needs no database: run it alone while editing
 * {@code graph-seed/} ({@code ./mvnw test -Dtest=GraphSeedTest}).
 */
class GraphSeedTest {

	@Test
	void shippedSeedDataSetIsValid() {
		assertThatCode(() -> SeedDataSet.read(SeedLoader.find("file:graph-seed"))).doesNotThrowAnyException();
	}

	@Test
	void shippedSeedDataSetHasAllSevenChains() {
		SeedDataSet data = SeedDataSet.read(SeedLoader.find("file:graph-seed"));
		assertThat(data.rows().get(SeedSchema.BY_NAME.get("chains.csv"))).extracting(row -> row.get("id"))
			.containsExactlyInAnyOrder("rare-earth", "pv", "wind", "storage-hydrogen", "metals", "ev-trucks",
					"carbon-fibre");
	}

}
