package io.chainlens.export;

import java.util.function.Function;

/**
 * The columns of a 招商清单, in order, with the Chinese header, what the column holds (for
 * the 说明 sheet), a width in characters and, for figures, an Excel number format.
 */
enum Column {

	CHAIN("产业链", "缺口所在的产业链", 16, null, ExportRow::chain),

	SEGMENT("环节", "产品所在的环节（缺创新平台时为缺少平台的环节）", 16, null, ExportRow::segment),

	PRODUCT("产品", "缺口所在的产品（缺创新平台时为该环节本地生产和消费企业最多的产品）", 18, null, ExportRow::product),

	KIND("缺口类型", "缺链、仅有在建拟建、单一来源、供给短板、产能富余、缺创新平台（见下表）", 12, null, ExportRow::kind),

	ACTION("行动", "补链（已有环节之间缺失）、延链（链条两端之外，或富余产能向下游延伸）、强链（单一来源、供给不足或缺创新平台）", 8, null, ExportRow::action),

	SEVERITY("严重度", "越大越紧迫，各产业链可比：类型权重 × 缺口幅度 × (1 + 受影响本地企业数) × 折扣 + 目标权重 × 相关目标数（默认权重见 docs/analysis.md）", 10, "0.00",
			ExportRow::severity),

	LOCAL_CAPACITY("本地产能", "关注地区已知产能（按情景计，含估算），单位见「单位」；有生产但产能均未知时为空（不是 0），下限时见「数据可信度」", 14, "#,##0.####",
			ExportRow::localCapacity),

	LOCAL_DEMAND("本地需求", "关注地区下游企业已知产能 × 单耗，单位见「单位」；有下游企业但其需求均未知时为空（不是 0）", 14, "#,##0.####", ExportRow::localDemand),

	UNIT("单位", "本地产能和本地需求的单位（产品的标准单位）", 8, null, ExportRow::unit),

	SELF_SUFFICIENCY("自给率", "本地产能 / 本地需求；无本地需求、产能未知或两者均为下限时为空（不是 0%）", 10, "0.0%", ExportRow::selfSufficiency),

	TRUST("数据可信度", "本地产能、本地需求和自给率各为确切值、下限（≥）、上限（≤）还是未知，以及本地产能中估算（estimate:）所占比例", 30, null, ExportRow::trust),

	ESTIMATED_CAPACITY("其中估算产能", "本地产能中来源为估算（estimate:）的部分，单位见「单位」；本地产能未知时为空", 14, "#,##0.####",
			ExportRow::estimatedCapacity),

	COMPLETE("数据完整", "否：有基地产能未知，本地产能或需求为下限", 8, null, ExportRow::complete),

	UNKNOWN_SITES("产能未知基地数", "生产该产品、产能未知的本地基地数", 10, "0", ExportRow::sitesWithUnknownCapacity),

	AFFECTED("受影响本地企业数", "计入严重度的本地企业：下游消费企业；产能富余和缺创新平台为本地生产企业", 10, "0", ExportRow::companiesAffected),

	EXPLANATION("说明", "缺口的说明，可按其中数字手工核对，末尾为严重度算式", 60, null, ExportRow::explanation),

	SCENARIO("情景", "现状（CURRENT，只计在产产能）或规划（PLANNED，另计在建和拟建）", 14, null, ExportRow::scenario),

	GAP_SOURCES("数据来源", "产品定义和本地产能数字的来源（seed §N 为政策文件条目，public 为公开资料，estimate 为估算）", 40, null, ExportRow::gapSources),

	RANK("候选排名", "候选企业在该缺口中的名次，1 为最优；无候选时为空", 8, "0", ExportRow::rank),

	COMPANY("候选企业", "关注地区外生产该产品、可招引的企业", 24, null, ExportRow::company),

	COMPANY_NAME("候选企业英文名", "候选企业的英文名", 24, null, ExportRow::companyName),

	CANDIDATE_PRODUCT("候选产品", "候选企业可带来的产品（产能富余缺口为其下游产品）", 16, null, ExportRow::candidateProduct),

	HEADQUARTERS("候选企业总部", "候选企业总部所在省市", 12, null, ExportRow::headquarters),

	SITES("候选企业基地", "候选企业生产候选产品的基地所在地（状态）", 24, null, ExportRow::sites),

	CAPACITY("候选产能", "候选企业在关注地区外该产品的已知产能（各状态合计），单位见「候选产能单位」", 14, "#,##0.####", ExportRow::capacity),

	CAPACITY_UNIT("候选产能单位", "候选产能的单位", 8, null, ExportRow::capacityUnit),

	SCORE("评分", "0–1：产能得分、产品关联度、本地联系的加权平均（默认 0.4、0.35、0.25），算式见「理由」", 8, "0.0000", ExportRow::score),

	REASONS("理由", "评分的每一部分一句（中文，附英文要点），最后为得分算式", 60, null, ExportRow::reasons),

	CANDIDATE_SOURCES("候选来源", "候选企业及其产能数字的来源", 40, null, ExportRow::candidateSources);

	private final String header;

	private final String meaning;

	private final int width;

	private final String numberFormat;

	private final Function<ExportRow, Object> value;

	Column(String header, String meaning, int width, String numberFormat, Function<ExportRow, Object> value) {
		this.header = header;
		this.meaning = meaning;
		this.width = width;
		this.numberFormat = numberFormat;
		this.value = value;
	}

	String header() {
		return header;
	}

	String meaning() {
		return meaning;
	}

	int width() {
		return width;
	}

	/** The Excel number format of a figure column; null for text. */
	String numberFormat() {
		return numberFormat;
	}

	/** The cell's value: a Number for figures, a String for text, null when empty. */
	Object valueOf(ExportRow row) {
		return value.apply(row);
	}

}
