import { Link } from "@remix-run/react";

/** Records as links separated by 、, or — when there are none. */
export function LinkList({ items, to }: { items: readonly { id: number; name: string }[]; to: (id: number) => string }) {
  if (items.length === 0) return <>—</>;
  return (
    <>
      {items.map((item, i) => (
        <span key={item.id}>
          {i > 0 ? "、" : ""}
          <Link to={to(item.id)}>{item.name}</Link>
        </span>
      ))}
    </>
  );
}
