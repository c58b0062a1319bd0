import { embargoLine } from '@core/copy';
import './desk-preview.css';

/** The item as it goes out on the wire: embargo line, headline, dateline, body, sign-off. */
export function WirePreview({ embargo, headline, html }: { embargo: string | null; headline: string; html: string }) {
  return (
    <section className="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Wire copy</h2>
      {embargo && <p className="embargo-line">{embargoLine(embargo)}</p>}
      <p className="preview-headline">{headline || <em>No headline yet</em>}</p>
      {/* Built by core from the sanitised body: only the allowed shapes become HTML. */}
      <div className="preview-copy" data-testid="wire-copy" dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  );
}
