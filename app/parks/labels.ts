import { labelOf, type AuditVocabulary } from "../audit/vocabulary";
import { regionLabel } from "../companies/regions";
import type { ParkKind } from "../domain/codes";

export { PARK_KINDS, type ParkKind } from "../domain/codes";
export const PARK_KIND_LABELS: Record<ParkKind, string> = {
  development_zone: "开发区",
  country_park: "国别产业园",
  science_city: "科技城",
  town: "镇街",
};

/** How 变更记录 reads a park; its focus lists are logged as "JP,KR" and "3,7". */
export const PARK_AUDIT: AuditVocabulary = {
  part: "载体平台",
  fields: {
    name: { label: "名称" },
    kind: { label: "类型", format: labelOf(PARK_KIND_LABELS) },
    parentId: { label: "上级载体", ref: "park" },
    focusCountries: { label: "重点国别", list: true, format: (value) => (typeof value === "string" ? regionLabel(value) : null) },
    focusChainIds: { label: "重点产业链", list: true, ref: "chainNode" },
    availableLandMu: { label: "可用土地（亩）" },
    standardFactorySqm: { label: "标准厂房（㎡）" },
    customFactorySqm: { label: "定制厂房（㎡）" },
    description: { label: "简介" },
    sortOrder: { label: "排序", hidden: true },
  },
};
