/**
 * Confirmation of destructive or irreversible actions (DESIGN.md §6), one pattern for all of them.
 *
 * A ConfirmButton is a GET form to the action's own route carrying the fields it would post: without
 * JavaScript (or before the page has hydrated) it opens that route's confirmation page, whose
 * loader reads the fields with `confirmationQuery` and describes the record from the database; the
 * page's ConfirmPage posts them. With JavaScript the browser asks and posts at once.
 */
import { Form, Link, useSubmit } from "@remix-run/react";

/** What a confirmation page asks and posts, made by the route's loader from the record itself. */
export interface Confirmation {
  /** e.g. 确定删除项目「X」？ */
  question: string;
  /** what follows from it, e.g. 删除后可由管理员从回收站恢复。 */
  detail?: string | null;
  /** the POST target and the fields it posts */
  action: string;
  fields: Record<string, string>;
  /** the button, e.g. 删除 */
  label: string;
  /** where 返回 leads */
  back: string;
  tone?: "danger" | "primary";
}

/**
 * The fields of a confirmation request (`?intent=…&…`) when its intent is one of `intents`, else
 * null: the loader then shows the route's ordinary page.
 */
export function confirmationQuery<I extends string>(request: Request, intents: readonly I[]): ({ intent: I } & Record<string, string>) | null {
  const params = new URL(request.url).searchParams;
  const intent = params.get("intent");
  if (!intent || !(intents as readonly string[]).includes(intent)) return null;
  const fields: Record<string, string> = {};
  for (const [key, value] of params) fields[key] = value;
  return { ...fields, intent: intent as I };
}

/** A button that asks before it posts `fields` to `action`. */
export function ConfirmButton({
  action,
  fields,
  label,
  question,
  className = "secondary",
  ariaLabel,
}: {
  action: string;
  fields: Record<string, string | number>;
  label: string;
  /** what the browser's dialog asks */
  question: string;
  className?: string;
  ariaLabel?: string;
}) {
  const submit = useSubmit();
  return (
    <Form
      method="get"
      action={action}
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (window.confirm(question)) submit(event.currentTarget, { method: "post", action });
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      <button type="submit" className={className} aria-label={ariaLabel}>
        {label}
      </button>
    </Form>
  );
}

/** The confirmation page: the question, what follows, the POST button and 返回. */
export function ConfirmPage({ confirmation, error }: { confirmation: Confirmation; error?: string | null }) {
  return (
    <section className="card" aria-labelledby="confirm-title">
      <h2 id="confirm-title">{confirmation.question}</h2>
      {confirmation.detail ? <p>{confirmation.detail}</p> : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <Form method="post" action={confirmation.action} className="form-actions">
        {Object.entries(confirmation.fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button type="submit" className={confirmation.tone === "primary" ? "primary" : "danger"}>
          {confirmation.label}
        </button>
        <Link to={confirmation.back} className="button secondary">
          返回
        </Link>
      </Form>
    </section>
  );
}
