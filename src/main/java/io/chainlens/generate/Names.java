package io.chainlens.generate;

import java.util.List;
import java.util.Random;

/**
 * Word tables for generated names: Chinese characters with their pinyin, so a company is
 * found by its Chinese name and its English one alike.
 */
final class Names {

	/** A character (or word) with its romanisation. */
	record Word(String zh, String en) {
	}

	/** Characters of brands and place names, as Chinese firms choose them. */
	static final List<Word> SYLLABLES = words("华 Hua", "鑫 Xin", "金 Jin", "泰 Tai", "德 De", "宏 Hong", "盛 Sheng", "源 Yuan",
			"恒 Heng", "达 Da", "瑞 Rui", "隆 Long", "丰 Feng", "安 An", "通 Tong", "振 Zhen", "兴 Xing", "昌 Chang", "嘉 Jia",
			"明 Ming", "晶 Jing", "科 Ke", "创 Chuang", "海 Hai", "天 Tian", "中 Zhong", "远 Yuan", "博 Bo", "联 Lian", "正 Zheng",
			"汇 Hui", "腾 Teng", "凯 Kai", "信 Xin", "永 Yong", "和 He", "润 Run", "亿 Yi", "元 Yuan", "峰 Feng", "旭 Xu", "辉 Hui",
			"光 Guang", "阳 Yang", "新 Xin", "宇 Yu", "拓 Tuo", "磊 Lei", "展 Zhan", "诚 Cheng", "美 Mei", "富 Fu", "春 Chun",
			"长 Chang", "江 Jiang", "山 Shan", "北 Bei", "东 Dong", "南 Nan", "西 Xi", "川 Chuan", "平 Ping", "湖 Hu", "宁 Ning",
			"云 Yun", "星 Xing", "鼎 Ding", "豪 Hao", "锦 Jin", "力 Li", "威 Wei", "图 Tu", "骏 Jun", "弘 Hong", "坤 Kun",
			"乾 Qian", "晟 Sheng", "奥 Ao", "捷 Jie", "路 Lu", "银 Yin", "钰 Yu", "铭 Ming", "泓 Hong", "浩 Hao", "瀚 Han",
			"森 Sen", "林 Lin", "卓 Zhuo", "越 Yue", "立 Li", "成 Cheng", "青 Qing", "蓝 Lan", "绿 Lü", "景 Jing", "禾 He", "麒 Qi",
			"麟 Lin", "凤 Feng", "龙 Long", "虎 Hu", "鹏 Peng", "飞 Fei", "翔 Xiang", "腾 Teng", "极 Ji", "精 Jing");

	/** Words a company's name gives its trade with, by chain (and some of any chain). */
	static final List<Word> ANY_INDUSTRY = words("科技 Technology", "实业 Industrial", "新材料 New Materials", "装备 Equipment",
			"集团 Group", "制造 Manufacturing");

	static List<Word> industry(String chainId) {
		return switch (chainId) {
			case "rare-earth" -> words("稀土 Rare Earth", "磁材 Magnetics", "稀土功能材料 RE Functional Materials",
					"永磁 Permanent Magnet", "电机 Motor");
			case "pv" -> words("光伏 Photovoltaic", "硅业 Silicon", "光电 Optoelectronics", "太阳能 Solar", "新能源 New Energy");
			case "wind" -> words("风电 Wind Power", "风能 Wind Energy", "重工 Heavy Industry", "电气 Electric", "传动 Drive");
			case "storage-hydrogen" -> words("储能 Energy Storage", "氢能 Hydrogen", "电池 Battery", "能源科技 Energy Technology",
					"电化学 Electrochemistry");
			case "metals" -> words("铝业 Aluminium", "钢铁 Steel", "铜业 Copper", "金属 Metals", "冶金 Metallurgy");
			case "ev-trucks" -> words("汽车 Automotive", "商用车 Commercial Vehicles", "新能源汽车 New Energy Vehicles",
					"换电 Battery Swap", "车辆 Vehicles");
			case "carbon-fibre" ->
				words("碳纤维 Carbon Fibre", "复合材料 Composites", "化工 Chemical", "高分子 Polymers", "纤维 Fibre");
			default -> ANY_INDUSTRY;
		};
	}

	static final List<Word> LEGAL_FORMS = words("有限公司 Co., Ltd.", "有限公司 Co., Ltd.", "股份有限公司 Corp., Ltd.");

	/** Qualities of generated products, before the segment's word. */
	static final List<Word> QUALITIES = words("高纯 High-purity", "超细 Ultra-fine", "高性能 High-performance",
			"耐蚀 Corrosion-resistant", "轻量化 Lightweight", "低碳 Low-carbon", "特种 Special", "精密 Precision",
			"大尺寸 Large-format", "高强 High-strength", "复合 Composite", "智能 Smart", "再生 Recycled", "超薄 Ultra-thin",
			"高导 High-conductivity", "耐高温 Heat-resistant");

	static final List<Word> FORMS = words("材料 material", "粉体 powder", "合金 alloy", "组件 assembly", "部件 part", "模块 module",
			"薄膜 film", "线材 wire", "板材 plate", "型材 profile", "涂层 coating", "器件 device", "系统 system", "装置 unit",
			"靶材 target");

	static final List<Word> SITE_KINDS = words("生产基地 production base", "工厂 plant", "产业园 industrial park", "分公司 branch",
			"项目 project");

	private Names() {
	}

	static Word pick(List<Word> words, Random random) {
		return words.get(random.nextInt(words.size()));
	}

	/** A brand of two or three characters, e.g. 鑫华 / Xinhua. */
	static Word brand(Random random) {
		int length = random.nextInt(4) == 0 ? 3 : 2;
		StringBuilder zh = new StringBuilder();
		StringBuilder en = new StringBuilder();
		for (int i = 0; i < length; i++) {
			Word w = pick(SYLLABLES, random);
			zh.append(w.zh());
			en.append(i == 0 ? w.en() : w.en().toLowerCase(java.util.Locale.ROOT));
		}
		return new Word(zh.toString(), en.toString());
	}

	/** The short form of a place name used in company names: 包头市 → 包头, 河北省 → 河北. */
	static String placePrefix(String nameZh) {
		String name = nameZh.replaceAll("[（(].*$", "");
		for (String suffix : List.of("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市", "区", "县", "旗")) {
			if (name.endsWith(suffix) && name.length() > suffix.length() + 1) {
				return name.substring(0, name.length() - suffix.length());
			}
		}
		return name;
	}

	private static List<Word> words(String... pairs) {
		return java.util.Arrays.stream(pairs).map(p -> {
			int space = p.indexOf(' ');
			return new Word(p.substring(0, space), p.substring(space + 1));
		}).toList();
	}

}
