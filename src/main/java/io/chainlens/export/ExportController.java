package io.chainlens.export;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.chainlens.export.Answers.ChangeAt;
import io.chainlens.export.Answers.GapsAnswer;
import io.chainlens.export.GapsExport.DataDate;
import io.chainlens.export.GapsReader.GapsRead;
import io.chainlens.web.GraphQlLimits;

/**
 * {@code GET /export/gaps.xlsx} and {@code /export/gaps.csv}: the 招商清单 of one chain
 * ({@code chainId}) or of all, for a {@code scenario} (CURRENT, PLANNED), optionally of
 * some {@code kinds} only, with up to {@code candidates} candidates per gap. The whole
 * file is made before anything is sent, so a refusal is a plain-text message with its
 * status and never a cut file.
 */
@RestController
class ExportController {

	private final GapsReader reader;

	private final GraphQlLimits limits;

	private final Clock clock = Clock.systemDefaultZone();

	private final String document;

	private final String documentDate;

	/**
	 * @param document the policy document that {@code seed §N} sources cite, as a reader
	 * names it (the seed's own name is not in the graph)
	 * @param documentDate its date
	 */
	ExportController(GapsReader reader, GraphQlLimits limits,
			@Value("${chainlens.export.seed-document:包党发〔2024〕1号}") String document,
			@Value("${chainlens.export.seed-document-date:2024-01-01}") String documentDate) {
		this.reader = reader;
		this.limits = limits;
		this.document = document;
		this.documentDate = documentDate;
	}

	@GetMapping("/export/gaps.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String chainId,
			@RequestParam(required = false) String scenario, @RequestParam(required = false) String kinds,
			@RequestParam(required = false) String candidates) {
		return file(chainId, scenario, kinds, candidates, "xlsx", XlsxFile.CONTENT_TYPE, XlsxFile::write);
	}

	@GetMapping("/export/gaps.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String chainId,
			@RequestParam(required = false) String scenario, @RequestParam(required = false) String kinds,
			@RequestParam(required = false) String candidates) {
		return file(chainId, scenario, kinds, candidates, "csv", CsvFile.CONTENT_TYPE, CsvFile::write);
	}

	@ExceptionHandler
	ResponseEntity<String> refused(ExportRefused ex) {
		return ResponseEntity.status(ex.status())
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.body(ex.getMessage());
	}

	private ResponseEntity<byte[]> file(String chainId, String scenario, String kinds, String candidates,
			String extension, String contentType, Function<GapsExport, byte[]> writer) {
		ExportRequest request = ExportRequest.parse(chainId, scenario, kinds, candidates, limits.maxPageSize());
		GapsExport export = export(request);
		byte[] body = writer.apply(export);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition(export.asciiFileName(extension), export.fileName(extension)))
			.body(body);
	}

	private GapsExport export(ExportRequest request) {
		GapsRead read = reader.read(request, limits.maxPageSize());
		List<String> full = read.answers()
			.stream()
			.filter(answer -> answer.gaps().size() >= read.gapsPerChain())
			.map(GapsAnswer::chain)
			.map(chain -> chain.nameZh())
			.toList();
		Map<String, String> leadUnits = new LinkedHashMap<>();
		read.answers()
			.stream()
			.filter(answer -> answer.chain() != null)
			.forEach(answer -> leadUnits.put(answer.chain().nameZh(), ExportRows.leadUnits(answer.chain())));
		// ISO-8601 in UTC: the largest string is the newest
		String lastChange = read.answers()
			.stream()
			.flatMap(answer -> answer.changes() == null ? Stream.empty() : answer.changes().stream())
			.map(ChangeAt::at)
			.max(Comparator.naturalOrder())
			.map(at -> at.substring(0, Math.min(10, at.length())))
			.orElse(null);
		return new GapsExport(request, read.region(), read.chain() == null ? null : read.chain().id(),
				read.chain() == null ? null : read.chain().nameZh(), ExportRows.of(read.answers(), document), full,
				leadUnits, new DataDate(document, documentDate, lastChange), ZonedDateTime.now(clock));
	}

	/**
	 * An attachment with an ASCII name for old clients and the Chinese name as RFC 5987
	 * {@code filename*}, which browsers prefer.
	 */
	static String disposition(String ascii, String name) {
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc5987(name);
	}

	private static String rfc5987(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return encoded.toString();
	}

}
