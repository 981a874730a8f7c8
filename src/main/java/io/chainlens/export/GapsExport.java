package io.chainlens.export;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything one export file holds: the gaps and what they were read with.
 *
 * @param request what was asked
 * @param region the focus region of the analysis
 * @param chainId the chain asked for; null for all chains
 * @param chainNameZh its Chinese name; null for all chains
 * @param gaps the most severe first, across chains
 * @param fullChains chains (Chinese names) whose gaps filled the page the API answers and
 * may have more
 * @param leadUnits each exported chain's lead units, by the chain's Chinese name, in the
 * chains' order
 * @param data where the data come from and how current they are: the policy document with
 * its date, the last change written in the graph
 * @param at when the export was made
 */
record GapsExport(ExportRequest request, String region, String chainId, String chainNameZh, List<ExportGap> gaps,
		List<String> fullChains, Map<String, String> leadUnits, DataDate data, ZonedDateTime at) {

	/**
	 * Where the data come from and how current they are.
	 *
	 * @param document the policy document {@code seed §N} cites, e.g. 包党发〔2024〕1号
	 * @param documentDate its date
	 * @param lastChange the date of the newest change of the exported chains written
	 * after the seed (changes); null when none was
	 */
	record DataDate(String document, String documentDate, String lastChange) {

		/** e.g. 包党发〔2024〕1号（2024-01-01）及所列公开资料；最近修改 2026-11-30. */
		String said() {
			return document + "（" + documentDate + "）及所列公开资料；"
					+ (lastChange == null ? "导入后未经在线修改" : "最近一次在线修改 " + lastChange);
		}

	}

	/**
	 * The file name with the chain's Chinese name, e.g.
	 * 招商清单-晶硅光伏-CURRENT-2026-11-26.xlsx.
	 */
	String fileName(String extension) {
		return safe("招商清单-" + chainLabel() + "-" + request.scenario() + "-" + date() + "." + extension);
	}

	/** The same in ASCII, for clients that do not read RFC 5987 names. */
	String asciiFileName(String extension) {
		String chain = chainId == null ? "all-chains" : chainId.replaceAll("[^A-Za-z0-9_.-]", "-");
		return "chainlens-gaps-" + chain + "-" + request.scenario() + "-" + date() + "." + extension;
	}

	/** The title over each sheet and on each printed page. */
	String title() {
		return region + "产业链招商清单：" + chainLabel() + "（" + scenarioLabel() + "）";
	}

	/**
	 * The line under the title: lead units, the data's date, when exported, the order.
	 */
	String subtitle() {
		List<String> parts = new ArrayList<>();
		if (chainNameZh != null && leadUnits.get(chainNameZh) != null) {
			parts.add("牵头单位：" + ExportRows.shortUnits(leadUnits.get(chainNameZh)));
		}
		parts.add("数据：" + data.said());
		parts.add("导出：" + at.toLocalDate());
		parts.add("按严重度从高到低排列");
		return String.join("　｜　", parts);
	}

	private String chainLabel() {
		return chainNameZh == null ? "全部产业链" : chainNameZh;
	}

	private String scenarioLabel() {
		return request.scenario().name().equals("PLANNED") ? "规划情景" : "现状情景";
	}

	private String date() {
		return at.toLocalDate().toString();
	}

	private static String safe(String name) {
		return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "-");
	}

	/**
	 * The 说明 sheet: what was exported, how, and what each sheet, column and kind means.
	 */
	List<List<String>> notes() {
		List<List<String>> notes = new ArrayList<>();
		notes.add(List.of("招商清单", "关注地区的产业链缺口及可招引的候选企业。「缺口总览」每个缺口一行，按严重度从高到低（各产业链可比），附前三位候选企业；"
				+ "「缺口明细」每个缺口一行，含全部数字和完整说明；「候选企业」每家候选企业一行，以缺口序号对应"));
		notes.add(List.of("导出时间", at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm（VV）"))));
		notes.add(List.of("关注地区", region));
		notes.add(List.of("产业链", chainNameZh == null ? "全部产业链" : chainNameZh + "（" + chainId + "）"));
		notes.add(List.of("牵头单位",
				leadUnits.entrySet()
					.stream()
					.map(e -> e.getKey() + "：" + (e.getValue() == null ? "未载明" : e.getValue()))
					.collect(Collectors.joining("\n"))));
		notes.add(List.of("数据", data.said()));
		notes.add(List.of("情景",
				ExportRows.SCENARIO_LABELS.get(request.scenario().name()) + "：CURRENT 只计在产产能；PLANNED 另计在建和拟建产能"));
		notes.add(List.of("缺口类型",
				request.kinds().isEmpty() ? "全部"
						: request.kinds()
							.stream()
							.map(k -> ExportRows.KIND_LABELS.get(k.name()))
							.collect(Collectors.joining("、"))));
		notes.add(List.of("每个缺口的候选企业", "最多 " + request.candidates() + " 家，按评分排序"));
		notes.add(List.of("缺口数", String.valueOf(gaps.size())));
		notes.add(List.of("未知数字", "产能、需求或自给率未知时单元格为空（不是 0 或 0%），「数据可信度」说明哪些是确切值、下限或未知"));
		notes.add(List.of("来源", "政策文件条目写作「" + data.document() + " 第N条」；公开资料写出处，有网址的单元格可点击（每格链接第一个网址）；估算写明依据"));
		notes.add(List.of("方法", "与公开 GraphQL 接口（/graphql 的 gaps 查询）相同；方法见 docs/analysis.md"));
		if (!fullChains.isEmpty()) {
			notes.add(List.of("注意", String.join("、", fullChains) + "：缺口数达到单次查询上限，按严重度只列出前面的缺口"));
		}
		notes.add(List.of());
		notes.add(List.of("列", "含义"));
		List<String> seen = new ArrayList<>();
		for (List<? extends Field<?>> sheet : List.of(Sheets.GAPS, Sheets.OVERVIEW, Sheets.CANDIDATES)) {
			for (Field<?> field : sheet) {
				if (!seen.contains(field.header())) {
					seen.add(field.header());
					notes.add(List.of(field.header(), field.meaning()));
				}
			}
		}
		notes.add(List.of());
		notes.add(List.of("缺口类型", "代码", "含义"));
		for (List<String> kind : ExportRows.KIND_MEANINGS) {
			notes.add(List.of(ExportRows.KIND_LABELS.get(kind.get(0)), kind.get(0), kind.get(1)));
		}
		return notes;
	}

}
