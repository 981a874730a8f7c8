package io.chainlens.export;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a 招商清单's sheets: 缺口总览 (a gap a row, for the meeting), 缺口明细 (a gap a row
 * with every figure and the explanation, once), 候选企业 (a candidate a row), and the CSV (a
 * gap and candidate a row, every column, for those who compute).
 */
final class Sheets {

	/** A candidate with its gap: a row of the 候选企业 sheet and of the CSV. */
	record Line(ExportGap gap, ExportCandidate candidate) {
	}

	static final Field<ExportGap> NUMBER = new Field<>("序号", "缺口按严重度（各产业链可比）从高到低的序号，1 为最紧迫；各表同一缺口同一序号", 3,
			Format.INTEGER, ExportGap::number);

	static final Field<ExportGap> CHAIN = Field.text("产业链", "缺口所在的产业链", 7, ExportGap::chain);

	static final Field<ExportGap> LEAD_UNITS = Field.text("牵头单位", "产业链的链长制牵头单位", 8, ExportGap::leadUnits);

	static final Field<ExportGap> LEAD_UNITS_SHORT = Field.text("牵头单位", "产业链的链长制牵头单位（简称；全称见「缺口明细」和「说明」）", 8,
			gap -> ExportRows.shortUnits(gap.leadUnits()));

	static final Field<ExportGap> SEGMENT = Field.text("环节", "产品所在的环节（缺创新平台时为缺少平台的环节）", 6, ExportGap::segment);

	static final Field<ExportGap> PRODUCT = Field.text("产品", "缺口所在的产品（缺创新平台时为该环节本地生产和消费企业最多的产品）", 8,
			ExportGap::product);

	static final Field<ExportGap> KIND = Field.text("缺口类型",
			"与链图页面相同的说法：缺失环节、仅有在建/拟建、单一来源、本地供给不足、产能外溢 (延链)、无创新平台支撑 (环节)（见下表）", 7, ExportGap::kind);

	static final Field<ExportGap> ACTION = Field.text("行动", "补链（已有环节之间缺失）、延链（链条两端之外，或富余产能向下游延伸）、强链（单一来源、供给不足或缺创新平台）", 3,
			ExportGap::action);

	static final Field<ExportGap> SEVERITY = new Field<>("严重度",
			"越大越紧迫，各产业链可比：类型权重 × 缺口幅度 × (1 + 受影响本地企业数) × 折扣 + 目标权重 × 相关目标数（默认权重见 docs/analysis.md）", 4, Format.SEVERITY,
			ExportGap::severity);

	static final Field<ExportGap> SUMMARY = Field.text("缺口概要", "一句话说明缺什么、差多少；未知的数字写作未知，下限写作 ≥", 22, ExportGap::summary);

	static final Field<ExportGap> TOP_CANDIDATES = Field.text("建议招引企业（前三）",
			"评分最高的三家候选企业，每家一句：总部、产能（未知写作产能未知）、与本地的联系；全部候选见「候选企业」表", 38, ExportGap::topCandidates);

	static final Field<ExportGap> LOCAL_CAPACITY = new Field<>("本地产能",
			"关注地区已知产能（按情景计，含估算），单位见「单位」；有生产但产能均未知时为空（不是 0），下限时见「数据可信度」", 6, Format.AMOUNT, ExportGap::localCapacity);

	static final Field<ExportGap> LOCAL_DEMAND = new Field<>("本地需求", "关注地区下游企业已知产能 × 单耗，单位见「单位」；有下游企业但其需求均未知时为空（不是 0）",
			6, Format.AMOUNT, ExportGap::localDemand);

	static final Field<ExportGap> UNIT = Field.text("单位", "本地产能和本地需求的单位（产品的标准单位）", 4, ExportGap::unit);

	static final Field<ExportGap> SELF_SUFFICIENCY = new Field<>("自给率", "本地产能 / 本地需求；无本地需求、产能未知或两者均为下限时为空（不是 0%）", 5,
			Format.SHARE, ExportGap::selfSufficiency);

	static final Field<ExportGap> TRUST = Field.text("数据可信度",
			"本地产能、本地需求和自给率各为确切值、下限（≥）、上限（≤）还是未知，以及本地产能中估算（estimate:）所占比例", 12, ExportGap::trust);

	static final Field<ExportGap> ESTIMATED_CAPACITY = new Field<>("其中估算产能", "本地产能中来源为估算的部分，单位见「单位」；本地产能未知时为空", 6,
			Format.AMOUNT, ExportGap::estimatedCapacity);

	static final Field<ExportGap> COMPLETE = Field.text("数据完整", "否：有基地产能未知，本地产能或需求为下限", 4, ExportGap::complete);

	static final Field<ExportGap> UNKNOWN_SITES = new Field<>("产能未知基地数", "生产该产品、产能未知的本地基地数", 4, Format.INTEGER,
			ExportGap::sitesWithUnknownCapacity);

	static final Field<ExportGap> AFFECTED = new Field<>("受影响本地企业数", "计入严重度的本地企业：下游消费企业；产能外溢和无创新平台支撑为本地生产企业", 4,
			Format.INTEGER, ExportGap::companiesAffected);

	static final Field<ExportGap> EXPLANATION = Field.text("说明", "缺口的完整说明，可按其中数字手工核对，末尾为严重度算式；每个缺口只写一次", 36,
			ExportGap::explanation);

	static final Field<ExportGap> SCENARIO = Field.text("情景", "现状（CURRENT，只计在产产能）或规划（PLANNED，另计在建和拟建）", 6,
			ExportGap::scenario);

	static final Field<ExportGap> GAP_SOURCES = Field.text("数据来源", "产品定义和本地产能数字的来源：政策文件的条目、公开资料（有网址的可点击，每格链接第一个网址）或估算",
			18, ExportGap::sources);

	static final Field<ExportCandidate> RANK = new Field<>("候选排名", "候选企业在该缺口中的名次，1 为最优；无候选时为空", 4, Format.INTEGER,
			ExportCandidate::rank);

	static final Field<ExportCandidate> COMPANY = Field.text("候选企业", "关注地区外生产该产品、可招引的企业", 10, ExportCandidate::company);

	static final Field<ExportCandidate> COMPANY_NAME = Field.text("候选企业英文名", "候选企业的英文名", 10,
			ExportCandidate::companyName);

	static final Field<ExportCandidate> CANDIDATE_PRODUCT = Field.text("候选产品", "候选企业可带来的产品（产能外溢缺口为其下游产品）", 7,
			ExportCandidate::product);

	static final Field<ExportCandidate> HEADQUARTERS = Field.text("候选企业总部", "候选企业总部所在省市", 6,
			ExportCandidate::headquarters);

	static final Field<ExportCandidate> SITES = Field.text("候选企业基地", "候选企业生产候选产品的基地所在地（状态）", 12,
			ExportCandidate::sites);

	static final Field<ExportCandidate> CAPACITY = new Field<>("候选产能",
			"候选企业在关注地区外该产品的已知产能（各状态合计），单位见「候选产能单位」；未知时为空（不是 0）", 6, Format.AMOUNT, ExportCandidate::capacity);

	static final Field<ExportCandidate> CAPACITY_UNIT = Field.text("候选产能单位", "候选产能的单位", 4,
			ExportCandidate::capacityUnit);

	static final Field<ExportCandidate> SCORE = new Field<>("评分",
			"0–1：产能得分、产品关联度、本地联系的加权平均（默认 0.4、0.35、0.25），算式见「评分依据」", 4, Format.SCORE, ExportCandidate::score);

	static final Field<ExportCandidate> CANDIDATE_SUMMARY = Field.text("候选概要", "一句话：企业是谁（总部）、规模（产能或产能未知）、与本地的联系", 26,
			ExportCandidate::summary);

	static final Field<ExportCandidate> BREAKDOWN = Field.text("评分依据", "评分的每一部分一句（附英文要点），最后为得分算式", 34,
			ExportCandidate::breakdown);

	static final Field<ExportCandidate> CANDIDATE_SOURCES = Field.text("候选来源", "候选企业及其产能数字的来源", 16,
			ExportCandidate::sources);

	/** The first sheet: a gap a row, what a meeting reads. */
	static final List<Field<ExportGap>> OVERVIEW = List.of(NUMBER, CHAIN, LEAD_UNITS_SHORT, PRODUCT, KIND, ACTION,
			SEVERITY, SUMMARY, TOP_CANDIDATES);

	/** A gap a row with every figure: the explanation once per gap. */
	static final List<Field<ExportGap>> GAPS = List.of(NUMBER, CHAIN, LEAD_UNITS, SEGMENT, PRODUCT, KIND, ACTION,
			SEVERITY, LOCAL_CAPACITY, LOCAL_DEMAND, UNIT, SELF_SUFFICIENCY, TRUST, ESTIMATED_CAPACITY, COMPLETE,
			UNKNOWN_SITES, AFFECTED, SUMMARY, EXPLANATION, SCENARIO, GAP_SOURCES);

	private static final List<Field<ExportCandidate>> CANDIDATE = List.of(RANK, COMPANY, COMPANY_NAME,
			CANDIDATE_PRODUCT, HEADQUARTERS, SITES, CAPACITY, CAPACITY_UNIT, SCORE, CANDIDATE_SUMMARY, BREAKDOWN,
			CANDIDATE_SOURCES);

	/** A candidate a row, with the gap's number and a few words of it. */
	static final List<Field<Line>> CANDIDATES = lines(List.of(number("缺口序号"), CHAIN, PRODUCT, KIND, SEVERITY));

	/**
	 * The CSV: a gap and candidate a row, every column (a gap without candidates once).
	 */
	static final List<Field<Line>> CSV = lines(GAPS);

	private Sheets() {
	}

	/** The lines of an export: a gap with each candidate, or alone when it has none. */
	static List<Line> lines(List<ExportGap> gaps, boolean withoutCandidates) {
		List<Line> lines = new ArrayList<>();
		for (ExportGap gap : gaps) {
			if (gap.candidates().isEmpty() && withoutCandidates) {
				lines.add(new Line(gap, null));
			}
			gap.candidates().forEach(candidate -> lines.add(new Line(gap, candidate)));
		}
		return lines;
	}

	private static Field<ExportGap> number(String header) {
		return new Field<>(header, "缺口的序号，同「缺口总览」「缺口明细」", NUMBER.width(), NUMBER.format(), NUMBER.value());
	}

	private static List<Field<Line>> lines(List<Field<ExportGap>> gapFields) {
		List<Field<Line>> fields = new ArrayList<>();
		gapFields.forEach(field -> fields.add(field.from(Line::gap)));
		CANDIDATE.forEach(field -> fields.add(field.from(Line::candidate)));
		return List.copyOf(fields);
	}

}
