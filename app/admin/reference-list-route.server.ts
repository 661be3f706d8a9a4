/**
 * The loader and action behind /admin/units and /admin/channels: the same upkeep for both lists.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requirePermission } from "../auth/session.server";
import { parseForm, readFormData } from "../lib/form.server";
import { act, load } from "../lib/http.server";
import { confirmationQuery, type Confirmation } from "../ui/confirm";
import { REFERENCE_LISTS, referenceItemActionSchema, referenceItemEditSchema, referenceItemSchema, type ReferenceListName } from "./reference-list.schema";
import { createReferenceItem, deleteReferenceItem, listReferenceItems, setReferenceItemActive, updateReferenceItem } from "./reference-lists.server";

/** The list; with `?intent=delete&id=…&version=…` (删除 without JavaScript) the confirmation of deleting that unused entry. */
export function referenceListLoader(list: ReferenceListName) {
  return async ({ request }: LoaderFunctionArgs) => {
    const user = await requirePermission(request, "admin:system");
    const asked = confirmationQuery(request, ["delete"] as const);
    return load(() => {
      const items = listReferenceItems(user, list);
      const item = asked ? items.find((row) => String(row.id) === asked.id && !row.usage) : undefined;
      const { label, path } = REFERENCE_LISTS[list];
      const confirmation: Confirmation | null = item
        ? {
            question: `确定删除${label}「${item.name}」？`,
            detail: `没有任何记录使用这个${label}；删除后不能恢复，只想让它不再出现在选择列表中时请用停用。`,
            action: path,
            fields: { intent: "delete", id: String(item.id), version: asked?.version ?? String(item.version) },
            label: "删除",
            back: path,
          }
        : null;
      return json({ list, items, confirmation });
    });
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
