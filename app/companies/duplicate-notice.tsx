import { Link } from "@remix-run/react";

interface Duplicate {
  id: number;
  name: string;
  foreignName: string | null;
  reason: "uscc" | "name";
}

/**
 * The duplicate guard's warning inside the company form (new and edit): the look-alike companies,
 * each a link, and the box to tick to save anyway.
 */
export function DuplicateNotice({ duplicates, action }: { duplicates: readonly Duplicate[]; action: "创建" | "保存" }) {
  if (duplicates.length === 0) return null;
  return (
    <div className="notice" role="alert" style={{ marginTop: "1rem" }}>
      <p>以下企业可能与您要{action}的企业重复，请核对：</p>
      <ul>
        {duplicates.map((duplicate) => (
          <li key={duplicate.id}>
            <Link to={`/companies/${duplicate.id}`} target="_blank">
              {duplicate.name}
            </Link>
            {duplicate.foreignName ? `（${duplicate.foreignName}）` : ""}
            {duplicate.reason === "uscc" ? " — 统一社会信用代码相同" : " — 名称相同（忽略全半角、繁简、空格、公司后缀和括号中的地名）"}
          </li>
        ))}
      </ul>
      <div className="field checkbox">
        <input id="confirmDuplicate" name="confirmDuplicate" type="checkbox" />
        <label htmlFor="confirmDuplicate">确认不是同一家企业，仍然{action}</label>
      </div>
    </div>
  );
}
