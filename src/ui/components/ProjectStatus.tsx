import type { ProjectStatusCopy } from '../copy/projectStatus';

export interface ProjectStatusProps {
  /** What works today and what is coming, from src/ui/copy. */
  readonly status: ProjectStatusCopy;
}

/** ProjectStatus is the start page until the sandbox exists: what works, what does not yet. */
export function ProjectStatus({ status }: ProjectStatusProps) {
  return (
    <main className="status-page">
      <h1>{status.title}</h1>
      <p className="tagline">{status.tagline}</p>
      <p role="note" className="notice">
        The interactive sandbox is not built yet. This page does not simulate anything.
      </p>
      <section aria-labelledby="works-now">
        <h2 id="works-now">Works now</h2>
        <ul>
          {status.works.map((item) => (
            <li key={item.name}>
              <strong>{item.name}.</strong> {item.detail}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="coming">
        <h2 id="coming">Coming next</h2>
        <ul>
          {status.coming.map((item) => (
            <li key={item.name}>
              <strong>{item.name}.</strong> {item.detail}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="try-it">
        <h2 id="try-it">Try it from a terminal</h2>
        <pre>{status.tryIt.join('\n')}</pre>
      </section>
    </main>
  );
}
