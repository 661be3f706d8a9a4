/**
 * A chart rendered on the server as SVG (charts.server.ts). Given a phone drawing too, both are
 * sent and the stylesheet shows the one that fits (DESIGN.md §12); print always takes the wide one.
 */
export function Chart({ label, wide, phone }: { label: string; wide: string; phone?: string }) {
  if (!phone) return <div className="chart" role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: wide }} />;
  return (
    <>
      <div className="chart chart-wide" role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: wide }} />
      <div className="chart chart-phone" role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: phone }} />
    </>
  );
}
