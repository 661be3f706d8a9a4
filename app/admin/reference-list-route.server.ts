/**
 * The loader and action behind /admin/units and /admin/channels: the same upkeep for both lists.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requirePermission } from "../auth/session.server";
import { parseForm, readFormData } from "../lib/form.server";
import { act } from "../lib/http.server";
import { referenceItemActionSchema, referenceItemEditSchema, referenceItemSchema, type ReferenceListName } from "./reference-list.schema";
import { createReferenceItem, deleteReferenceItem, listReferenceItems, setReferenceItemActive, updateReferenceItem } from "./reference-lists.server";

export function referenceListLoader(list: ReferenceListName) {
  return async ({ request }: LoaderFunctionArgs) => {
    const user = await requirePermission(request, "admin:system");
    return json({ list, items: listReferenceItems(user, list) });
  };
}

export function referenceListAction(list: ReferenceListName) {
  return async ({ request }: ActionFunctionArgs) => {
    const actor = await requirePermission(request, "admin:system");
    const formData = await readFormData(request);
    return act(() => {
      const intent = formData.get("intent");
      if (intent === "create") {
        createReferenceItem({ actor, list, data: parseForm(referenceItemSchema, formData) });
        return json({ ok: true as const, done: "已新增" });
      }
      if (intent === "edit") {
        const { id, version, ...data } = parseForm(referenceItemEditSchema, formData);
        updateReferenceItem({ actor, list, id, version, data });
        return json({ ok: true as const, done: "已保存" });
      }
      const { id, version, intent: change } = parseForm(referenceItemActionSchema, formData);
      if (change === "delete") {
        deleteReferenceItem({ actor, list, id, version });
        return json({ ok: true as const, done: "已删除" });
      }
      setReferenceItemActive({ actor, list, id, version, active: change === "activate" });
      return json({ ok: true as const, done: change === "activate" ? "已启用" : "已停用" });
    }, formData);
  };
}
