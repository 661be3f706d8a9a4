/** Contact details of the fictional companies' people: numbers that reach no one, mail under .example. */
import type { Random } from "./random";

const PHONE_PREFIXES: Record<string, string> = {
  JP: "+81-6",
  DE: "+49-711",
  KR: "+82-2",
  HK: "+852",
  TW: "+886-2",
  SG: "+65",
  MO: "+853",
  FR: "+33-4",
  IT: "+39-055",
  NL: "+31-10",
  CH: "+41-44",
  GB: "+44-161",
  AT: "+43-1",
};

export function contactPhone(rng: Random, country: string): string {
  const digits = (n: number) => {
    let s = "";
    for (let i = 0; i < n; i++) s += rng.int(0, 9);
    return s;
  };
  // 555-0100…0199 are the fictional North American numbers
  if (country === "US" || country === "CA") return `+1-617-555-01${digits(2)}`;
  // subscriber numbers starting with 0 are not assigned: these numbers reach no one
  return `${PHONE_PREFIXES[country] ?? "+86-573"}-0${digits(3)}-${digits(4)}`;
}

/**
 * `f.lastname@domain.example` for a name in Latin letters, `contactN@domain.example` otherwise
 * (N = the contact's place in the company, from 1).
 */
export function contactEmail(name: string, domain: string, index: number): string {
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .toLowerCase();
  const parts = ascii.split(/\s+/).filter((p) => /^[a-z-]+$/.test(p));
  const local = parts.length >= 2 ? `${parts[0][0]}.${parts[parts.length - 1]}` : `contact${index + 1}`;
  return `${local}@${domain}.example`;
}
