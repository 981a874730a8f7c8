package io.chainlens.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NationalGraphTest {

	static final GraphSize TINY = new GraphSize(5, 200, 400, 60, 1200);

	@TempDir
	Path dir;

	@Test
	void theSameSeedWritesTheSameBytes() throws IOException {
		NationalGraph.write(dir.resolve("a"), TINY, 7, "classpath:graph-seed");
		NationalGraph.write(dir.resolve("b"), TINY, 7, "classpath:graph-seed");
		NationalGraph.write(dir.resolve("c"), TINY, 8, "classpath:graph-seed");

		for (String file : files(dir.resolve("a"))) {
			assertThat(Files.readAllBytes(dir.resolve("b/national").resolve(file))).as(file)
				.isEqualTo(Files.readAllBytes(dir.resolve("a/national").resolve(file)));
		}
		assertThat(Files.readAllBytes(dir.resolve("c/national/companies.csv")))
			.isNotEqualTo(Files.readAllBytes(dir.resolve("a/national/companies.csv")));
	}

	@Test
	void writesTheRowsItCountsNearTheSizeAsked() throws IOException {
		NationalGraph.Written written = NationalGraph.write(dir, TINY, 42, "classpath:graph-seed");

		assertThat(files(dir)).containsExactlyInAnyOrder("regions.csv", "products.csv", "feeds.csv", "companies.csv",
				"sites.csv", "capacities.csv");
		for (String file : files(dir)) {
			assertThat(lines(file) - 1).as(file).isEqualTo(written.rows().get(file));
		}
		assertThat(written.rows()).containsEntry("regions.csv", 5L)
			.containsEntry("products.csv", 60L)
			.containsEntry("companies.csv", 200L);
		assertThat(written.rows().get("sites.csv")).isBetween(360L, 440L);
		assertThat(written.rows().get("capacities.csv")).isBetween(1000L, 1400L);
		assertThat(written.rows().get("feeds.csv")).isPositive();
	}

	@Test
	void companiesHaveChineseAndEnglishNamesAndSomeSitesAreInTheFocusRegion() throws IOException {
		NationalGraph.write(dir, TINY, 42, "classpath:graph-seed");

		List<String> companies = Files.readAllLines(dir.resolve("national/companies.csv"));
		assertThat(companies.subList(1, companies.size()))
			.allMatch(line -> line.matches("co-\\d{6},\\p{IsHan}{4,}(有限公司|股份有限公司),\"?[A-Z][^,]+, Ltd\\..*"));
		assertThat(Files.readAllLines(dir.resolve("national/sites.csv"))).anyMatch(line -> line.contains(",baotou"));
	}

	@Test
	void refusesASizeItCannotMake() {
		assertThatIllegalArgumentException().isThrownBy(() -> GraphSize.parse("MEDIUM")).withMessageContaining("LARGE");
		assertThatIllegalArgumentException().isThrownBy(() -> GraphSize.parse("1,10,5,1,5"))
			.withMessageContaining("a site per company");
		assertThat(GraphSize.parse("large")).isEqualTo(GraphSize.LARGE);
	}

	private List<String> files(Path root) throws IOException {
		try (Stream<Path> list = Files.list(root.resolve("national"))) {
			return list.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	private long lines(String file) throws IOException {
		try (Stream<String> lines = Files.lines(dir.resolve("national").resolve(file))) {
			return lines.count();
		}
	}

}
