import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ReferenceListPage } from "../admin/reference-list-page";
import { referenceListAction, referenceListLoader } from "../admin/reference-list-route.server";

export const meta: MetaFunction = () => [{ title: "线索来源 · 系统管理" }];

// plain function exports: the client bundle drops them with their server-only imports
export function loader(args: LoaderFunctionArgs) {
  return referenceListLoader("channels")(args);
}

export function action(args: ActionFunctionArgs) {
  return referenceListAction("channels")(args);
}

export default ReferenceListPage;
