export const PARK_KINDS = ["development_zone", "country_park", "science_city", "town"] as const;
export type ParkKind = (typeof PARK_KINDS)[number];
export const PARK_KIND_LABELS: Record<ParkKind, string> = {
  development_zone: "开发区",
  country_park: "国别产业园",
  science_city: "科技城",
  town: "镇街",
};
