package io.chainlens.export;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything one export file holds: the rows and what they were read with.
 *
 * @param request what was asked
 * @param region the focus region of the analysis
 * @param chainId the chain asked for; null for all chains
 * @param chainNameZh its Chinese name; null for all chains
 * @param rows one per gap and candidate
 * @param fullChains chains (Chinese names) whose gaps filled the page the API answers and
 * may have more
 * @param at when the export was made
 */
record GapsExport(ExportRequest request, String region, String chainId, String chainNameZh, List<ExportRow> rows,
		List<String> fullChains, ZonedDateTime at) {

	/**
	 * The file name with the chain's Chinese name, e.g.
	 * 招商清单-晶硅光伏-CURRENT-2026-11-26.xlsx.
	 */
	String fileName(String extension) {
		String chain = chainNameZh == null ? "全部产业链" : chainNameZh;
		return safe("招商清单-" + chain + "-" + request.scenario() + "-" + date() + "." + extension);
	}

	/** The same in ASCII, for clients that do not read RFC 5987 names. */
	String asciiFileName(String extension) {
		String chain = chainId == null ? "all-chains" : chainId.replaceAll("[^A-Za-z0-9_.-]", "-");
		return "chainlens-gaps-" + chain + "-" + request.scenario() + "-" + date() + "." + extension;
	}

	private String date() {
		return at.toLocalDate().toString();
	}

	private static String safe(String name) {
		return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "-");
	}

	/** The 说明 sheet: what was exported, how, and what each column and kind means. */
	List<List<String>> notes() {
		List<List<String>> notes = new ArrayList<>();
		notes.add(List.of("招商清单", "关注地区的产业链缺口及可招引的候选企业，每行一个缺口和一家候选企业；无候选企业的缺口占一行，候选列为空"));
		notes.add(List.of("导出时间", at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
		notes.add(List.of("关注地区", region));
		notes.add(List.of("产业链", chainNameZh == null ? "全部产业链" : chainNameZh + "（" + chainId + "）"));
		notes.add(List.of("情景",
				ExportRows.SCENARIO_LABELS.get(request.scenario().name()) + "：CURRENT 只计在产产能；PLANNED 另计在建和拟建产能"));
		notes.add(List.of("缺口类型",
				request.kinds().isEmpty() ? "全部"
						: request.kinds()
							.stream()
							.map(k -> ExportRows.KIND_LABELS.get(k.name()))
							.collect(Collectors.joining("、"))));
		notes.add(List.of("每个缺口的候选企业", "最多 " + request.candidates() + " 家，按评分排序"));
		notes.add(List.of("行数", String.valueOf(rows.size())));
		notes.add(List.of("数据", "与公开 GraphQL 接口（/graphql 的 gaps 查询）相同；方法见 docs/analysis.md"));
		if (!fullChains.isEmpty()) {
			notes.add(List.of("注意", String.join("、", fullChains) + "：缺口数达到单次查询上限，按严重度只列出前面的缺口"));
		}
		notes.add(List.of());
		notes.add(List.of("列", "含义"));
		for (Column column : Column.values()) {
			notes.add(List.of(column.header(), column.meaning()));
		}
		notes.add(List.of());
		notes.add(List.of("缺口类型", "代码", "含义"));
		for (List<String> kind : ExportRows.KIND_MEANINGS) {
			notes.add(List.of(ExportRows.KIND_LABELS.get(kind.get(0)), kind.get(0), kind.get(1)));
		}
		return notes;
	}

}
