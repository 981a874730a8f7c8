package io.chainlens.bench;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The soak (bench/README.md): mixed reads and writes through the GraphQL API for a fixed
 * time at a fixed rate, recording every error and, every {@code sample} seconds, the app's
 * heap after a full GC (jcmd GC.run, then GC.heap_info). Reads are the benchmark's gaps,
 * balance, candidates, search and browse requests, in turn; writes are a chain lead's
 * (lead-pv, with its login): setCapacity on the seed's pv capacity lines (their figure
 * moved within ±10 %) and addSupplyLink / removeSupplyLink of pv products between pv
 * companies, one writer in sequence so that the soak does not race with itself.
 *
 * <pre>
 * Soak &lt;graphql url&gt; &lt;generated dir&gt; &lt;seed dir&gt; &lt;seconds&gt; &lt;reads/s&gt; &lt;writes/s&gt; &lt;readers&gt; &lt;app pid&gt; &lt;sample s&gt; &lt;out.csv&gt; &lt;errors.txt&gt;
 * </pre>
 * The CSV has one line per sample: second, reads, writes, errors (all cumulated), heap after
 * GC in MB, read p50 / p99 ms and write p50 ms of the interval.
 */
public final class Soak {

	private static final String LOGIN = "Basic "
			+ Base64.getEncoder().encodeToString("lead-pv:pv-demo".getBytes(StandardCharsets.UTF_8));

	private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total\\s+\\d+K, used (\\d+)K");

	private Soak() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 11) {
			System.err.println("usage: Soak <graphql url> <generated dir> <seed dir> <seconds> <reads/s> <writes/s> "
					+ "<readers> <app pid> <sample s> <out.csv> <errors.txt>");
			System.exit(2);
		}
		URI uri = URI.create(args[0]);
		List<LoadDriver.Workload> reads = LoadDriver.workloads(Path.of(args[1]))
			.stream()
			.filter(w -> !w.name().startsWith("impact"))
			// the lead workloads need a login and leads in the store (bench/run writes them)
			.filter(w -> w.login() == null)
			.toList();
		List<Write> writes = writes(Path.of(args[2]));
		int seconds = Integer.parseInt(args[3]);
		double readRate = Double.parseDouble(args[4]);
		double writeRate = Double.parseDouble(args[5]);
		int readers = Integer.parseInt(args[6]);
		String pid = args[7];
		int sample = Integer.parseInt(args[8]);
		Path out = Path.of(args[9]);
		Path errorsFile = Path.of(args[10]);

		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		AtomicLong readCount = new AtomicLong();
		AtomicLong writeCount = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		ConcurrentLinkedQueue<Long> readNanos = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Long> writeNanos = new ConcurrentLinkedQueue<>();
		Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
		long start = System.nanoTime();
		long deadline = start + seconds * 1_000_000_000L;

		Files.writeString(out, "second,reads,writes,errors,heap_after_gc_mb,read_p50_ms,read_p99_ms,write_p50_ms\n",
				StandardCharsets.UTF_8);
		Files.writeString(errorsFile, "", StandardCharsets.UTF_8);
		ErrorLog errorLog = new ErrorLog(errors, errorKinds, errorsFile, start);

		List<Thread> threads = new ArrayList<>();
		AtomicLong nextRead = new AtomicLong();
		for (int t = 0; t < readers; t++) {
			threads.add(paced("soak-read-" + t, readRate / readers, deadline, () -> {
				long i = nextRead.getAndIncrement();
				LoadDriver.Workload w = reads.get((int) (i % reads.size()));
				String parameter = w.parameters().get((int) ((i / reads.size()) % w.parameters().size()));
				String body = "{\"query\":" + json(w.graphQl()) + ",\"variables\":{\"" + w.variable() + "\":"
						+ json(parameter) + "}}";
				long t0 = System.nanoTime();
				String error = send(http, uri, body, null);
				readNanos.add(System.nanoTime() - t0);
				readCount.incrementAndGet();
				if (error != null) {
					errorLog.add(w.name() + " " + parameter, error);
				}
			}));
		}
		AtomicLong nextWrite = new AtomicLong();
		threads.add(paced("soak-write", writeRate, deadline, () -> {
			long i = nextWrite.getAndIncrement();
			Write write = writes.get((int) (i % writes.size()));
			String body = write.body(i / writes.size());
			long t0 = System.nanoTime();
			String error = send(http, uri, body, LOGIN);
			writeNanos.add(System.nanoTime() - t0);
			writeCount.incrementAndGet();
			if (error != null) {
				errorLog.add(write.name(), error);
			}
		}));

		long nextSample = start;
		while (true) {
			long now = System.nanoTime();
			if (now >= nextSample) {
				long[] r = drain(readNanos);
				long[] w = drain(writeNanos);
				String heap = heapAfterGc(pid);
				String line = String.format(Locale.ROOT, "%d,%d,%d,%d,%s,%.1f,%.1f,%.1f%n", (now - start) / 1_000_000_000L,
						readCount.get(), writeCount.get(), errors.get(), heap, percentile(r, 0.5), percentile(r, 0.99),
						percentile(w, 0.5));
				System.out.print(line);
				Files.writeString(out, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
				if (now >= deadline) {
					break;
				}
				nextSample = Math.min(nextSample + sample * 1_000_000_000L, deadline);
			}
			Thread.sleep(Math.max(1, (nextSample - System.nanoTime()) / 1_000_000));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		System.out.println("errors by request: " + errorKinds);
	}

	/** Runs {@code task} at {@code perSecond} on a thread of its own until the deadline. */
	private static Thread paced(String name, double perSecond, long deadline, Runnable task) {
		long interval = (long) (1_000_000_000L / perSecond);
		Thread thread = new Thread(() -> {
			long next = System.nanoTime();
			while (next < deadline) {
				long wait = next - System.nanoTime();
				if (wait > 0) {
					try {
						Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
					}
					catch (InterruptedException ex) {
						return;
					}
				}
				task.run();
				// behind schedule (a slow answer): go on from now, without a burst to catch up
				next = Math.max(next + interval, System.nanoTime());
			}
		}, name);
		thread.start();
		return thread;
	}

	/** The app's heap after a full GC, in MB, or "" when jcmd cannot tell. */
	private static String heapAfterGc(String pid) {
		try {
			jcmd(pid, "GC.run");
			Matcher m = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
			return m.find() ? String.format(Locale.ROOT, "%.1f", Long.parseLong(m.group(1)) / 1024.0) : "";
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	private static String jcmd(String pid, String command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("jcmd", pid, command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		return output;
	}

	private static String send(HttpClient http, URI uri, String body, String login) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofString(body));
			if (login != null) {
				request.header("Authorization", login);
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
				return response.statusCode() + " " + response.body();
			}
			return null;
		}
		catch (IOException ex) {
			return ex.toString();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ex.toString();
		}
	}

	/** A write of the chain lead: its request body for the n-th time round the list. */
	private record Write(String name, String document, String variables) {

		String body(long round) {
			return "{\"query\":" + json(document) + ",\"variables\":" + variables.replace("$round", Long.toString(round))
				.replace("$remove", Boolean.toString(round % 2 == 1)) + "}";
		}

	}

	/**
	 * The writes, from the seed's pv files: each capacity line with a figure, set to a figure
	 * within ±10 % of it (it changes every round), and supply links of a product between a
	 * company that makes it and one that makes a product it feeds, added in even rounds and
	 * removed in odd ones, so that the graph keeps its size while the audit trail grows.
	 */
	private static List<Write> writes(Path seed) throws IOException {
		Map<String, CSVRecord> sites = new ConcurrentHashMap<>();
		for (CSVRecord site : read(seed.resolve("pv/sites.csv"))) {
			sites.put(site.get("id"), site);
		}
		List<Write> capacity = new ArrayList<>();
		Map<String, String> makerOf = new java.util.LinkedHashMap<>();
		for (CSVRecord line : read(seed.resolve("pv/capacities.csv"))) {
			CSVRecord site = sites.get(line.get("site_id"));
			if (site == null || line.get("capacity").isBlank()) {
				continue;
			}
			makerOf.putIfAbsent(line.get("product_id"), site.get("company_id"));
			double figure = Double.parseDouble(line.get("capacity"));
			// the figure of round r: 0.9, 0.92, ..., 1.1 times the seed's
			String variables = """
					{"c": {"companyId": "%s", "productId": "%s", "region": "%s", "siteId": "%s", \
					"capacity": %s, "unit": "%s", "status": "%s", "source": "estimate: soak round $round"}}"""
				.formatted(site.get("company_id"), line.get("product_id"), site.get("region_id"), site.get("id"),
						"FIGURE", line.get("unit"), line.get("status"));
			for (int step = 0; step <= 10; step++) {
				String v = variables.replace("FIGURE",
						String.format(Locale.ROOT, "%.1f", figure * (0.9 + 0.02 * step)));
				capacity.add(new Write("setCapacity " + line.get("site_id") + " " + line.get("product_id"), """
						mutation ($c: CapacityInput!) { setCapacity(input: $c) { capacity unit } }""", v));
			}
		}
		List<Write> links = new ArrayList<>();
		for (CSVRecord feed : read(seed.resolve("pv/feeds.csv"))) {
			String supplier = makerOf.get(feed.get(0));
			String customer = makerOf.get(feed.get(1));
			if (supplier == null || customer == null || supplier.equals(customer)) {
				continue;
			}
			String variables = """
					{"l": {"supplierId": "%s", "customerId": "%s", "productId": "%s", \
					"source": "estimate: soak round $round"}}""".formatted(supplier, customer, feed.get(0));
			links.add(new Write("supply link " + supplier + " > " + customer + " " + feed.get(0), """
					mutation ($l: SupplyLinkInput!) { addSupplyLink(input: $l) { product { id } } }""", variables));
			links.add(new Write("supply link removal " + supplier + " > " + customer + " " + feed.get(0), """
					mutation ($l: SupplyLinkInput!) { removeSupplyLink(input: $l) { product { id } } }""", variables));
		}
		// interleaved: a capacity, then a link added, later a capacity, then the same link removed
		List<Write> all = new ArrayList<>();
		int c = 0;
		for (Write link : links) {
			all.add(capacity.get(c++ % capacity.size()));
			all.add(link);
		}
		while (c < capacity.size()) {
			all.add(capacity.get(c++));
		}
		return all;
	}

	private static List<CSVRecord> read(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
	}

	private static long[] drain(ConcurrentLinkedQueue<Long> queue) {
		List<Long> values = new ArrayList<>();
		for (Long v; (v = queue.poll()) != null;) {
			values.add(v);
		}
		long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(sorted);
		return sorted;
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
	}

	private static String json(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				default -> out.append(c);
			}
		}
		return out.append('"').toString();
	}

	/** Every error in the errors file, with the time and the request; counted per request. */
	private record ErrorLog(AtomicLong errors, Map<String, AtomicLong> kinds, Path file, long start) {

		void add(String request, String error) {
			errors.incrementAndGet();
			kinds.computeIfAbsent(request, k -> new AtomicLong()).incrementAndGet();
			String line = String.format(Locale.ROOT, "%.1f s %s: %s%n", (System.nanoTime() - start) / 1e9, request,
					error.substring(0, Math.min(1000, error.length())).replace('\n', ' '));
			synchronized (this) {
				try {
					Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
				}
				catch (IOException ex) {
					System.err.print(line);
				}
			}
		}

	}

}
