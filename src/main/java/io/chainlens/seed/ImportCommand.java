package io.chainlens.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.chainlens.seed.SeedInvalid.Problem;

/**
 * The bulk import as a command: {@code --chainlens.import.dir=<folder>} imports the
 * folder, writes the rejected rows to {@code chainlens.import.report} (CSV: file, line,
 * field, reason) and ends the app with exit code 0 when every row was accepted, 1 when
 * some were rejected.
 */
@Component
@ConditionalOnProperty("chainlens.import.dir")
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

	private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);

	private final BulkImport bulkImport;

	private final Environment env;

	private int exitCode;

	ImportCommand(BulkImport bulkImport, Environment env) {
		this.bulkImport = bulkImport;
		this.env = env;
	}

	@Override
	public void run(ApplicationArguments args) {
		Path dir = Path.of(env.getRequiredProperty("chainlens.import.dir"));
		int batchSize = env.getProperty("chainlens.import.batch-size", Integer.class, 10_000);
		Path reportFile = Path.of(env.getProperty("chainlens.import.report", "import-report.csv"));
		log.info("Importing {} in batches of {}", dir.toAbsolutePath(), batchSize);
		ImportReport report = bulkImport.run(dir, batchSize);
		writeRejections(reportFile, report);
		log.info("Import finished: {}", report.summary());
		if (report.rejected() > 0) {
			log.warn("{} rows were rejected; each with file, line and reason in {}", report.rejected(),
					reportFile.toAbsolutePath());
		}
		exitCode = report.rejected() > 0 || !report.rejections().isEmpty() ? 1 : 0;
	}

	private static void writeRejections(Path file, ImportReport report) {
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				CSVPrinter csv = new CSVPrinter(writer,
						CSVFormat.RFC4180.builder().setHeader("file", "line", "field", "reason").get())) {
			for (Problem problem : report.rejections()) {
				csv.printRecord(problem.file(), problem.line(), problem.field(), problem.message());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the import report " + file, ex);
		}
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
