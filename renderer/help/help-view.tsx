import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/ipc/contract';
import { useServices } from '../app/context';
import { hrefFor } from '../app/router';
import { GUIDE, guidePage } from './guide';
import { ShortcutSheet } from './shortcuts-dialog';
import './help.css';
import { ViewTitle } from '../components/view-title';

/** Help: the user guide's contents, one role's page (`?role=`), the shortcut sheet and About. */
export function HelpView({ role }: { role?: string }) {
  const page = guidePage(role);
  if (role !== undefined && page) {
    return (
      <section aria-labelledby="view-title" className="help">
        <p className="breadcrumb">
          <a href={hrefFor('/help')}>Help</a>
        </p>
        <ViewTitle>{page.title}</ViewTitle>
        <p>{page.summary}</p>
        {page.tasks.map((task, index) => (
          <section key={task.title} aria-labelledby={`task-${index}`} className="help-task">
            <h2 id={`task-${index}`}>{task.title}</h2>
            <ol>
              {task.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
            {task.go ? (
              <p>
                <a href={`#${task.go.path}`}>Go to {task.go.label}</a>
              </p>
            ) : null}
          </section>
        ))}
      </section>
    );
  }
  return (
    <section aria-labelledby="view-title" className="help">
      <ViewTitle>Help</ViewTitle>
      {role !== undefined ? (
        <p role="alert" className="error-text">
          There is no guide for “{role.slice(0, 40)}”. Choose one below.
        </p>
      ) : null}
      <p>The user guide works without a network. Choose the page for what you do on the board.</p>
      <ul className="help-roles">
        {GUIDE.map((entry) => (
          <li key={entry.role}>
            <a href={hrefFor('/help', { role: entry.role })}>{entry.title}</a>
            <span className="muted"> {entry.summary}</span>
          </li>
        ))}
      </ul>
      <h2 id="help-shortcuts">Keyboard shortcuts</h2>
      <p>
        Press <kbd>?</kbd> anywhere (outside a text field) to see these again.
      </p>
      <ShortcutSheet headingLevel={3} />
      <h2>About</h2>
      <p>
        <a href={hrefFor('/help/about')}>About Oversight</a>: version, data folder and language.
      </p>
    </section>
  );
}

/** About Oversight (Help › About in the menu): version, data folder and language, from main. */
export function AboutView() {
  const { api } = useServices();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void api.call('app:get-info', undefined).then((reply) => {
      if (isCurrent && reply.ok) setInfo(reply.value);
    });
    return () => {
      isCurrent = false;
    };
  }, [api]);
  return (
    <section aria-labelledby="view-title" className="help">
      <p className="breadcrumb">
        <a href={hrefFor('/help')}>Help</a>
      </p>
      <ViewTitle>About Oversight</ViewTitle>
      <p>Oversight holds the improvement plan, the board papers and the meeting record on this laptop, and works offline.</p>
      {info ? (
        <dl className="facts">
          <dt>Version</dt>
          <dd data-testid="about-version">{info.version}</dd>
          <dt>Data folder</dt>
          <dd>{info.dataFolder}</dd>
          <dt>Language</dt>
          <dd>English (United Kingdom)</dd>
        </dl>
      ) : (
        <p>Loading…</p>
      )}
    </section>
  );
}
