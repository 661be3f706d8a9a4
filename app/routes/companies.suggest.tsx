import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUser } from "../auth/session.server";
import { suggestCompanies } from "../companies/companies.server";

/** Company names for the 投资方企业 picker. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const q = new URL(request.url).searchParams.get("q")?.slice(0, 100) ?? "";
  return json({ companies: suggestCompanies(q) });
}
