package io.chainlens.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

import io.chainlens.ChainlensTest;
import io.chainlens.TestGraph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import as the README runs it ({@code --chainlens.import.dir=…}): the exit code says
 * what was written, and the report is always there, also when the import cannot start.
 */
@ChainlensTest
class ImportCommandTest {

	@Autowired
	BulkImport bulkImport;

	@Autowired
	TestGraph graph;

	@TempDir
	Path work;

	@AfterEach
	void graphWasWritten() {
		graph.changed();
	}

	private int run(MockEnvironment env) {
		ImportCommand command = new ImportCommand(bulkImport,
				env.withProperty("chainlens.import.report", work.resolve("report.csv").toString()));
		command.run(null);
		return command.getExitCode();
	}

	private String report() throws IOException {
		return Files.readString(work.resolve("report.csv"), StandardCharsets.UTF_8);
	}

	private static String smallFolder() throws IOException {
		return new ClassPathResource("fixtures/import-small").getFile().toPath().toString();
	}

	@Test
	void aFolderWithoutRefusedRowsIsWrittenAndExitsWithZero() throws IOException {
		graph.seed();
		Path dir = work.resolve("good");
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("companies.csv"), """
				id,name_zh,name_en,aliases,hq_region_id,source
				test-command-co,命令材料,Command Materials,,jiangsu,estimate: test fixture
				""");

		assertThat(run(new MockEnvironment().withProperty("chainlens.import.dir", dir.toString()))).isZero();
		assertThat(report()).startsWith("# WRITTEN (exit code 0)").contains("audit trail: operation 'import'");
		assertThat(graph.count("MATCH (c:Company {id: 'test-command-co'}) RETURN count(c)")).isEqualTo(1);
	}

	@Test
	void refusedRowsWriteNothingByDefaultAndExitWithOne() throws IOException {
		graph.seed();
		String before = graph.fingerprint();

		assertThat(run(new MockEnvironment().withProperty("chainlens.import.dir", smallFolder()))).isEqualTo(1);
		assertThat(report()).startsWith("# REFUSED (exit code 1)").contains("file,line,field,reason");
		assertThat(graph.fingerprint()).isEqualTo(before);
	}

	@Test
	void withPartialTheAcceptedRowsAreWrittenAndTheExitCodeIsTwo() throws IOException {
		graph.seed();

		assertThat(run(new MockEnvironment().withProperty("chainlens.import.dir", smallFolder())
			.withProperty("chainlens.import.partial", "true"))).isEqualTo(2);
		assertThat(report()).startsWith("# PARTIAL (exit code 2)");
		assertThat(graph.count("MATCH (c:Company {id: 'test-sunrise'}) RETURN count(c)")).isEqualTo(1);
	}

	@Test
	void anImportThatCannotStartStillWritesItsReportAndExitsWithThree() throws IOException {
		graph.seed();

		assertThat(run(new MockEnvironment().withProperty("chainlens.import.dir", work.resolve("missing").toString())))
			.isEqualTo(3);
		assertThat(report()).startsWith("# STOPPED (exit code 3)");
	}

}
