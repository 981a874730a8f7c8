package io.chainlens.seed;

import org.neo4j.driver.Driver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The end of an offline import, once the app has started on the store the importer made
 * (the schema applied, the seed not loaded: the store was not empty):
 * {@link OfflineImport#finish}.
 */
@Component
class OfflineFinish {

	private final Driver driver;

	private final SeedLoader seed;

	private final SeedSettings settings;

	private final ObjectProvider<OfflineImport.Imported> imported;

	OfflineFinish(Driver driver, SeedLoader seed, SeedSettings settings,
			ObjectProvider<OfflineImport.Imported> imported) {
		this.driver = driver;
		this.seed = seed;
		this.settings = settings;
		this.imported = imported;
	}

	/**
	 * @throws ImportStopped when the seed or the audit could not be written: the store is
	 * then incomplete, to be deleted and imported again
	 */
	ImportReport finish() {
		OfflineImport.Imported done = imported.getIfAvailable();
		if (done == null) {
			throw new IllegalStateException("chainlens.import.mode=offline, but no offline import ran before the start "
					+ "(it needs the embedded database)");
		}
		try {
			return OfflineImport.finish(done, driver, seed, settings.location());
		}
		catch (RuntimeException ex) {
			ImportReport report = done.report();
			throw new ImportStopped(
					"The offline import stopped after the importer, while loading the seed on top: " + ex.getMessage()
							+ "; delete the store and run it again",
					new ImportReport(ImportReport.Outcome.STOPPED, report.files(), report.read(), report.accepted(),
							report.created(), 0, 0, 0, java.util.List.of(BulkImport.stopped(ex)),
							BulkImport.millis(done.started()), report.importId()),
					ex);
		}
	}

}
