/**
 * 国别/地区: ISO 3166-1 alpha-2 codes with their Chinese names. Hong Kong, Macao and Taiwan are
 * separate regions, as in the county's statistics. Order: the county's usual sources first.
 */
export const REGIONS: ReadonlyArray<readonly [code: string, label: string]> = [
  ["JP", "日本"],
  ["HK", "中国香港"],
  ["DE", "德国"],
  ["KR", "韩国"],
  ["TW", "中国台湾"],
  ["US", "美国"],
  ["SG", "新加坡"],
  ["MO", "中国澳门"],
  ["GB", "英国"],
  ["FR", "法国"],
  ["IT", "意大利"],
  ["NL", "荷兰"],
  ["CH", "瑞士"],
  ["AT", "奥地利"],
  ["BE", "比利时"],
  ["DK", "丹麦"],
  ["SE", "瑞典"],
  ["FI", "芬兰"],
  ["NO", "挪威"],
  ["ES", "西班牙"],
  ["PT", "葡萄牙"],
  ["IE", "爱尔兰"],
  ["LU", "卢森堡"],
  ["PL", "波兰"],
  ["CZ", "捷克"],
  ["HU", "匈牙利"],
  ["IL", "以色列"],
  ["CA", "加拿大"],
  ["MX", "墨西哥"],
  ["BR", "巴西"],
  ["AU", "澳大利亚"],
  ["NZ", "新西兰"],
  ["MY", "马来西亚"],
  ["TH", "泰国"],
  ["VN", "越南"],
  ["ID", "印度尼西亚"],
  ["PH", "菲律宾"],
  ["IN", "印度"],
  ["AE", "阿联酋"],
  ["SA", "沙特阿拉伯"],
  ["VG", "英属维尔京群岛"],
  ["KY", "开曼群岛"],
  ["BM", "百慕大"],
  ["CN", "中国（内资）"],
];

const labels = new Map(REGIONS);

export const REGION_CODES = REGIONS.map(([code]) => code);

export function regionLabel(code: string | null | undefined): string {
  if (!code) return "—";
  return labels.get(code) ?? code;
}
