import type { MetaFunction } from "@remix-run/node";
import { ReferenceListPage } from "../admin/reference-list-page";
import { referenceListAction, referenceListLoader } from "../admin/reference-list-route.server";

export const meta: MetaFunction = () => [{ title: "单位 · 系统管理" }];

export const loader = referenceListLoader("units");
export const action = referenceListAction("units");

export default ReferenceListPage;
