import type { MetaFunction } from "@remix-run/node";
import { ReferenceListPage } from "../admin/reference-list-page";
import { referenceListAction, referenceListLoader } from "../admin/reference-list-route.server";

export const meta: MetaFunction = () => [{ title: "线索来源 · 系统管理" }];

export const loader = referenceListLoader("channels");
export const action = referenceListAction("channels");

export default ReferenceListPage;
