package io.chainlens.seed;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.chainlens.seed.ImportReport.Outcome;
import io.chainlens.seed.SeedInvalid.Problem;

/**
 * The bulk import as a command: {@code --chainlens.import.dir=<folder>} imports the
 * folder and always writes a report to {@code chainlens.import.report} (what was written,
 * then every refused row as CSV: file, line, field, reason), also when the import stops
 * on an error. The app then ends with the exit code of the {@link Outcome}: 0 every row
 * written, 1 rows refused and nothing written, 2 rows refused and the accepted ones
 * written ({@code chainlens.import.partial=true}), 3 stopped before its end. With
 * {@code --chainlens.import.mode=offline} the folder was checked and imported into a new
 * store by Neo4j's offline importer before the start ({@link OfflineImportStart}), and
 * the command loads the seed on top ({@link OfflineFinish}).
 */
@Component
@ConditionalOnProperty("chainlens.import.dir")
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

	private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);

	private final BulkImport bulkImport;

	private final Environment env;

	private final OfflineFinish offline;

	private int exitCode;

	ImportCommand(BulkImport bulkImport, Environment env) {
		this(bulkImport, env, null);
	}

	@Autowired
	ImportCommand(BulkImport bulkImport, Environment env, OfflineFinish offline) {
		this.bulkImport = bulkImport;
		this.env = env;
		this.offline = offline;
	}

	@Override
	public void run(ApplicationArguments args) {
		Path reportFile = reportFile(env);
		ImportReport report;
		try {
			if (OfflineImportStart.offline(env)) {
				// checked and imported before the start (OfflineImportStart); the seed on
				// top
				report = offline.finish();
			}
			else {
				report = online();
			}
		}
		catch (ImportStopped ex) {
			// the report says what happened; a stack trace would bury it
			log.error("{}", ex.getMessage());
			log.debug("The import stopped", ex);
			report = ex.report();
		}
		catch (RuntimeException | OutOfMemoryError ex) {
			log.error("The import did not start: {}", ex.getMessage());
			log.debug("The import did not start", ex);
			report = new ImportReport(Outcome.STOPPED, 0, 0, 0, 0, 0, 0, 0,
					List.of(new Problem("", 0, null, "the import did not start: " + ex.getMessage())), 0, null);
		}
		exitCode = report.outcome().exitCode;
		try {
			writeReport(reportFile, report);
		}
		catch (IOException ex) {
			log.error("Cannot write the import report {}: {}", reportFile.toAbsolutePath(), ex.getMessage());
			exitCode = Outcome.STOPPED.exitCode;
		}
		log.info("Import finished: {}", report.summary());
		if (!report.rejections().isEmpty()) {
			log.warn("{} rows were refused; each with file, line and reason in {}", report.rejected(),
					reportFile.toAbsolutePath());
		}
	}

	private ImportReport online() {
		Path dir = Path.of(env.getRequiredProperty("chainlens.import.dir"));
		ImportOptions options = options(env);
		log.info("Importing {} in batches of {}{}", dir.toAbsolutePath(), options.batchSize(),
				options.partial() ? ", writing the accepted rows if some are refused" : ", all or nothing");
		return bulkImport.run(dir, options);
	}

	static Path reportFile(Environment env) {
		return Path.of(env.getProperty("chainlens.import.report", "import-report.csv"));
	}

	static ImportOptions options(Environment env) {
		ImportOptions options = ImportOptions
			.allOrNothing(env.getProperty("chainlens.import.batch-size", Integer.class, 10_000))
			.withMaxLineLength(
					env.getProperty("chainlens.import.max-line-length", Integer.class, SeedDataSet.MAX_LINE));
		String user = env.getProperty("chainlens.import.user");
		if (user != null) {
			options = options.as(user);
		}
		return env.getProperty("chainlens.import.partial", Boolean.class, false) ? options.partially() : options;
	}

	/**
	 * The outcome and counts as comment lines (as the seed format has them), then the
	 * refused rows and the problems of whole files.
	 */
	static void writeReport(Path file, ImportReport report) throws IOException {
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			writer.write("# " + report.outcome() + " (exit code " + report.outcome().exitCode + "): "
					+ report.outcome().meaning + "\n");
			writer
				.write("# %d files, %d rows read, %d accepted; written: %d created, %d updated (%d existing changed)%n"
					.formatted(report.files(), report.read(), report.accepted(), report.created(), report.updated(),
							report.overwritten()));
			if (report.importId() != null) {
				// the Import changes carry the id as their entityId; the changes of each
				// existing thing it changed carry their own entityId and this importId
				writer.write("# audit trail: operation 'import', importId " + report.importId()
						+ " (its start and end: entity Import, entityId " + report.importId()
						+ "; each existing thing it changed: a change with that importId)\n");
			}
			try (CSVPrinter csv = new CSVPrinter(writer,
					CSVFormat.RFC4180.builder().setHeader("file", "line", "field", "reason").get())) {
				for (Problem problem : report.rejections()) {
					csv.printRecord(problem.file(), problem.line(), problem.field(), problem.message());
				}
			}
		}
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
