package io.chainlens.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.chainlens.chain.FocusRegion;
import io.chainlens.security.Caller;
import io.chainlens.security.LeadRights;
import io.chainlens.security.NotAuthenticated;
import io.chainlens.security.NotPermitted;

/**
 * {@code GET /export/leads.xlsx?chainId=}: the 招商项目台账, one row per lead the caller may
 * read (newest first) and a sheet of every dated stage. The file obeys the read rules of
 * the leads: no login, no file; a chain lead gets its chains' leads only.
 */
@RestController
class LedgerController {

	static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** The most leads one file holds; a larger pipeline is exported chain by chain. */
	static final int MAX_LEADS = 20_000;

	private static final List<String> HEADERS = List.of("编号", "项目", "企业", "产业链", "产品及计划产能", "投资额（亿元）", "阶段", "阶段日期",
			"负责单位", "负责人", "下一步", "截止日期", "逾期", "来源");

	private static final int[] WIDTHS = { 22, 30, 22, 16, 36, 12, 10, 12, 22, 12, 28, 12, 6, 40 };

	private final LeadReads leads;

	private final FocusRegion focus;

	LedgerController(LeadReads leads, FocusRegion focus) {
		this.leads = leads;
		this.focus = focus;
	}

	@GetMapping("/export/leads.xlsx")
	ResponseEntity<?> ledger(@RequestParam(required = false) String chainId) {
		Caller caller = Caller.current();
		try {
			LeadRights.requireReader(caller, "the 招商项目台账", blank(chainId) ? null : chainId.strip());
		}
		catch (NotAuthenticated ex) {
			return refusal(HttpStatus.UNAUTHORIZED, ex.getMessage());
		}
		catch (NotPermitted ex) {
			return refusal(HttpStatus.FORBIDDEN, ex.getMessage());
		}
		String chain = blank(chainId) ? null : chainId.strip();
		LeadReads.Page page = leads.page(LeadReads.Readable.of(caller), chain, null, MAX_LEADS, null, true);
		if (page.hasNext()) {
			return refusal(HttpStatus.BAD_REQUEST,
					"more than " + MAX_LEADS + " leads: export one chain at a time " + "(chainId)");
		}
		byte[] file = workbook(page.leads(), names(page.leads()), chain);
		String name = "招商项目台账-" + (chain == null ? "全部" : chain) + "-" + LocalDate.now() + ".xlsx";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(CONTENT_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"leads.xlsx\"; filename*=UTF-8''"
							+ java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
			.body(file);
	}

	/** Chinese names of the companies, products, chains and units the rows name. */
	private record Names(Map<String, String> companies, Map<String, String> products, Map<String, String> chains,
			Map<String, String> units) {
	}

	private Names names(List<Lead> list) {
		return new Names(named("Company", list.stream().map(Lead::companyId).toList()),
				named("Product",
						list.stream().flatMap(l -> l.products().stream()).map(Lead.Proposed::productId).toList()),
				named("Chain", list.stream().flatMap(l -> l.chainIds().stream()).toList()),
				named("GovUnit", list.stream().map(Lead::ownerUnitId).toList()));
	}

	private Map<String, String> named(String label, List<String> ids) {
		// labels are this class's constants, never request text
		return leads.byIds("MATCH (n:" + label + ") WHERE n.id IN $ids RETURN n.id AS key, n.nameZh AS name",
				new LinkedHashSet<>(ids), r -> r.get("name").asString());
	}

	private byte[] workbook(List<Lead> list, Names names, String chain) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle header = header(workbook);
			CellStyle wrap = workbook.createCellStyle();
			wrap.setWrapText(true);
			wrap.setVerticalAlignment(VerticalAlignment.TOP);
			CellStyle amount = workbook.createCellStyle();
			amount.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
			amount.setVerticalAlignment(VerticalAlignment.TOP);

			Sheet sheet = workbook.createSheet("招商项目台账");
			row(sheet, 0, HEADERS, header);
			for (int c = 0; c < WIDTHS.length; c++) {
				sheet.setColumnWidth(c, WIDTHS[c] * 256);
			}
			LocalDate today = LocalDate.now();
			for (int r = 0; r < list.size(); r++) {
				Lead lead = list.get(r);
				Lead.Step last = lead.history().get(lead.history().size() - 1);
				String products = lead.products()
					.stream()
					.map(p -> names.products().getOrDefault(p.productId(), p.productId()) + " "
							+ (p.capacity() == null ? "（计划产能未知）"
									: (p.writtenAs() != null ? p.writtenAs() : p.capacity() + " " + p.unit())))
					.collect(Collectors.joining("；"));
				List<Object> values = new ArrayList<>(List.of(lead.id(), lead.title(),
						names.companies().getOrDefault(lead.companyId(), lead.companyId()),
						lead.chainIds()
							.stream()
							.map(id -> names.chains().getOrDefault(id, id))
							.collect(Collectors.joining("、")),
						products));
				// an unknown investment stays an empty cell, never 0
				values.add(lead.investment());
				values.addAll(List.of(lead.stage().nameZh(), last.on(),
						names.units().getOrDefault(lead.ownerUnitId(), lead.ownerUnitId()), lead.ownerLogin()));
				values.add(lead.nextStep());
				values.add(lead.nextStepDue());
				values.add(lead.overdue(today) ? "是" : "");
				values.add(lead.source());
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < values.size(); c++) {
					Object value = values.get(c);
					if (value == null) {
						continue;
					}
					Cell cell = row.createCell(c);
					if (value instanceof Double number) {
						cell.setCellValue(number);
						cell.setCellStyle(amount);
					}
					else {
						cell.setCellValue(value.toString());
						cell.setCellStyle(wrap);
					}
				}
			}
			sheet.createFreezePane(0, 1);
			sheet.setAutoFilter(new CellRangeAddress(0, Math.max(list.size(), 1), 0, HEADERS.size() - 1));
			sheet.setRepeatingRows(new CellRangeAddress(0, 0, 0, HEADERS.size() - 1));
			sheet.getPrintSetup().setLandscape(true);
			sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
			sheet.setFitToPage(true);
			sheet.getPrintSetup().setFitWidth((short) 1);
			sheet.getPrintSetup().setFitHeight((short) 0);

			Sheet steps = workbook.createSheet("阶段记录");
			row(steps, 0, List.of("编号", "阶段", "日期", "记录人", "说明"), header);
			int r = 1;
			for (Lead lead : list) {
				for (Lead.Step step : lead.history()) {
					row(steps, r++, List.of(lead.id(), step.stage().nameZh(), step.on(), step.recordedBy(),
							step.note() == null ? "" : step.note()), wrap);
				}
			}
			steps.setColumnWidth(0, 22 * 256);
			steps.setColumnWidth(4, 40 * 256);

			Sheet notes = workbook.createSheet("说明");
			row(notes, 0, List.of("地区", focus.region()), wrap);
			row(notes, 1, List.of("产业链", chain == null ? "全部（本登录可读的）" : names.chains().getOrDefault(chain, chain)),
					wrap);
			row(notes, 2, List.of("导出时间", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)), wrap);
			row(notes, 3, List.of("阶段", "按包党发〔2024〕1号第21条：谋划储备、前期推进、签约落地、开工建设、竣工投产；已放弃注明原因"), wrap);
			row(notes, 4, List.of("保密", "招商线索属洽谈信息：仅市商务局、本链链长制牵头单位及管理员可读，请勿外传"), wrap);
			row(notes, 5, List.of("空白单元格", "投资额或计划产能未知，不是 0"), wrap);
			notes.setColumnWidth(0, 14 * 256);
			notes.setColumnWidth(1, 80 * 256);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The ledger could not be written", ex);
		}
	}

	private static void row(Sheet sheet, int index, List<String> values, CellStyle style) {
		Row row = sheet.createRow(index);
		for (int c = 0; c < values.size(); c++) {
			Cell cell = row.createCell(c);
			cell.setCellValue(values.get(c));
			cell.setCellStyle(style);
		}
	}

	private static CellStyle header(XSSFWorkbook workbook) {
		Font bold = workbook.createFont();
		bold.setBold(true);
		CellStyle style = workbook.createCellStyle();
		style.setFont(bold);
		style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		style.setWrapText(true);
		return style;
	}

	private static ResponseEntity<String> refusal(HttpStatus status, String message) {
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.body(message);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
