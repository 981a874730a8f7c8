package io.chainlens.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.chainlens.database.SeedFiles;
import io.chainlens.seed.SeedDataSet.Row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The importer's files hold every accepted row, in the order the checks accepted them,
 * though they are written on a thread of their own; a failure to write them is the
 * caller's, never a hang.
 */
class ImporterFilesTest {

	private static final SeedKnown SEED = new SeedKnown(SeedDataSet.read(SeedFiles.find("classpath:graph-seed")));

	@TempDir
	Path dir;

	@Test
	void writesEveryRowInTheOrderGivenAcrossManyBatches() throws IOException {
		List<String> arguments;
		try (ImporterFiles files = new ImporterFiles(dir, SEED)) {
			IntStream.range(0, 10_000).forEach(i -> files.write(region(i)));
			arguments = files.arguments();
			assertThat(files.nodes()).isEqualTo(10_000);
			assertThat(files.relationships()).isEqualTo(10_000);
		}

		List<String> lines = Files.readAllLines(dir.resolve("Region.csv"));
		assertThat(lines).hasSize(10_001);
		assertThat(lines.get(0)).isEqualTo("id:ID(Region),nameZh,name,level,source");
		for (int i = 1; i <= 10_000; i++) {
			assertThat(lines.get(i)).startsWith("r-" + (i - 1) + ",");
		}
		assertThat(Files.readAllLines(dir.resolve("PART_OF.csv"))).hasSize(10_001);
		assertThat(arguments).contains("--nodes=Region=" + dir.resolve("Region.csv"));
	}

	@Test
	@Timeout(value = 20, unit = TimeUnit.SECONDS)
	void aFileThatCannotBeWrittenIsReportedAtTheNextRowsWithoutWaitingForever() throws IOException {
		Path notAFolder = Files.writeString(dir.resolve("taken"), "a file where the folder should be");
		int[] handed = { 0 };

		// more rows than the batches handed to the writing thread can hold
		assertThatThrownBy(() -> {
			try (ImporterFiles files = new ImporterFiles(notAFolder, SEED)) {
				for (; handed[0] < 200_000; handed[0]++) {
					files.write(region(handed[0]));
				}
			}
		}).isInstanceOf(UncheckedIOException.class).hasMessageContaining("Cannot write the importer's files");
		assertThat(handed[0]).as("rows handed before the failure was reported").isLessThan(200_000);
	}

	@Test
	@Timeout(value = 20, unit = TimeUnit.SECONDS)
	void aFailureInTheLastRowsIsReportedWhenTheFilesAreAskedFor() throws IOException {
		Path notAFolder = Files.writeString(dir.resolve("taken"), "a file where the folder should be");

		try (ImporterFiles files = new ImporterFiles(notAFolder, SEED)) {
			files.write(region(1));
			assertThatThrownBy(files::arguments).isInstanceOf(UncheckedIOException.class)
				.hasMessageContaining("Cannot write the importer's files");
		}
	}

	@Test
	@Timeout(value = 20, unit = TimeUnit.SECONDS)
	void anInterruptedCallerStopsTheWritingBeforeTheFilesAreClosed() {
		ImporterFiles files = new ImporterFiles(dir, SEED);
		Thread.currentThread().interrupt();
		try {
			assertThatThrownBy(() -> IntStream.range(0, 100_000).forEach(i -> files.write(region(i))))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Interrupted");
		}
		finally {
			Thread.interrupted();
		}
		files.close();
		assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("offline-import-files"));
	}

	private static Row region(int i) {
		Map<String, Object> values = new HashMap<>();
		values.put("id", "r-" + i);
		values.put("name_zh", "地区" + i);
		values.put("level", "CITY");
		values.put("source", "test");
		values.put("parent_id", "cn");
		return new Row(SeedSchema.BY_NAME.get("regions.csv"), "regions.csv", i + 2, values, Set.of(), false);
	}

}
