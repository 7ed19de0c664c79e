import type { ReactNode } from 'react';
import { questionStatusText } from '../../shared/answers/status';
import { DUE_SOON_DAYS } from '../../shared/plan-review/rules';
import { hrefFor } from '../app/router';
import { SampleTag } from '../components/sample-tag';
import { BoardSwitcher } from '../meetings/board-switcher';
import { formatDate, formatDateTime, plural } from '../format';
import type { StartAction, StartChange, StartData } from './start-data';
import { useStartData } from './use-start';
import './start.css';
import { ViewTitle } from '../components/view-title';

// The first screen: what to do next. Each part says what there is and links to where to do it;
// an empty part says so in words rather than vanishing, so the page reads the same every time.

/** How many entries a part lists before "and N more". */
const LIMIT = 5;

/** The start page: next meeting and its unread papers, questions and answers, what changed, actions due. */
export function StartView({ today }: { today?: string }) {
  const data = useStartData(today);
  return (
    <section aria-labelledby="view-title" className="start-view">
      <ViewTitle>What to do next</ViewTitle>
      <BoardSwitcher />
      {data === undefined ? (
        <p>Loading…</p>
      ) : (
        <>
          <p className="lede">
            {data.lastLooked
              ? `You last looked here on ${formatDateTime(data.lastLooked)}.`
              : 'Welcome: this is your first look at this page.'}
          </p>
          <div className="start-parts">
            <NextMeeting data={data} />
            <Questions data={data} />
            <Changes data={data} />
            <Actions data={data} />
          </div>
        </>
      )}
    </section>
  );
}

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="start-part card">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function More({ count, href, text }: { count: number; href: string; text: string }) {
  if (count <= 0) return null;
  return (
    <p>
      <a href={href}>
        And {count} more: {text}
      </a>
    </p>
  );
}

function NextMeeting({ data }: { data: StartData }) {
  const meeting = data.nextMeeting;
  if (!meeting) {
    return (
      <Part id="start-meeting" title="Your next meeting">
        <p className="muted">No meeting to come is on this laptop. A meeting pack, or the chair’s record, brings one.</p>
        <p>
          <a href={hrefFor('/meetings')}>Meetings</a> · <a href={hrefFor('/papers')}>Papers</a>
        </p>
      </Part>
    );
  }
  const shown = meeting.unread.slice(0, LIMIT);
  return (
    <Part id="start-meeting" title="Your next meeting">
      <p className="start-meeting-title">
        <strong className="user-text" dir="auto">
          {meeting.title}
        </strong>
        {meeting.isSample ? <SampleTag /> : null}
      </p>
      <p>
        {formatDate(meeting.date)}
        {meeting.time ? ` at ${meeting.time}` : ''}
        {meeting.place ? (
          <>
            ,{' '}
            <span className="user-text" dir="auto">
              {meeting.place}
            </span>
          </>
        ) : null}
      </p>
      {meeting.paperCount === 0 ? (
        <p className="muted">No papers for it yet.</p>
      ) : meeting.unread.length === 0 ? (
        <p>You have opened all {plural(meeting.paperCount, 'paper')}.</p>
      ) : (
        <>
          <p>
            {plural(meeting.unread.length, 'paper')} of {meeting.paperCount} not opened yet:
          </p>
          <ul className="start-list">
            {shown.map((paper) => (
              <li key={paper.paperId}>
                <a className="user-text" dir="auto" href={hrefFor('/papers/paper', { meeting: paper.meetingId, paper: paper.paperId })}>
                  {paper.title}
                </a>
                {paper.isExempt ? <span className="exempt-tag">Exempt</span> : null}
              </li>
            ))}
          </ul>
          <More count={meeting.unread.length - shown.length} href={hrefFor('/papers', { meeting: meeting.id })} text="all the papers" />
        </>
      )}
      <p className="start-links">
        {meeting.paperCount > 0 ? <a href={hrefFor('/papers', { meeting: meeting.id })}>The meeting’s papers</a> : null}
        {meeting.hasRecord ? <a href={hrefFor('/meetings/agenda', { meeting: meeting.id })}>The agenda</a> : null}
      </p>
    </Part>
  );
}

function Questions({ data }: { data: StartData }) {
  const now = new Date(`${data.today}T12:00:00Z`);
  const open = data.openQuestions.slice(0, LIMIT);
  const answered = data.answered.slice(0, LIMIT);
  return (
    <Part id="start-questions" title="Your questions">
      {!data.hasProfile ? <p className="muted">Say who you are (in Settings) to ask questions of officers.</p> : null}
      {data.hasProfile && data.openQuestions.length === 0 && data.answered.length === 0 ? (
        <p className="muted">You have not asked any questions yet. Ask one from any action or area of the plan.</p>
      ) : null}
      {data.openQuestions.length > 0 ? (
        <>
          <h3>{plural(data.openQuestions.length, 'open question')}</h3>
          <ul className="start-list">
            {open.map((question) => (
              <li key={question.id}>
                <span className="user-text" dir="auto">
                  {question.text}
                </span>{' '}
                <span className="muted">({questionStatusText(question, now)})</span>
              </li>
            ))}
          </ul>
          <More count={data.openQuestions.length - open.length} href={hrefFor('/questions')} text="your questions" />
        </>
      ) : null}
      {data.answered.length > 0 ? (
        <>
          <h3>{plural(data.answered.length, 'answer')} received</h3>
          <ul className="start-list">
            {answered.map((question) => (
              <li key={question.id}>
                <span className="user-text" dir="auto">
                  {question.text}
                </span>
                {question.answer ? (
                  <>
                    {' '}
                    <span className="start-answer">
                      Answer:{' '}
                      <span className="user-text" dir="auto">
                        {question.answer.text}
                      </span>
                    </span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href={hrefFor('/questions')}>All your questions</a>
      </p>
    </Part>
  );
}

function ChangeLine({ change }: { change: StartChange }) {
  if (change.kind === 'revision') {
    return (
      <>
        <a href={hrefFor('/plan/changes', { plan: change.planId, import: change.importId })}>
          What changed in revision {change.revision} of{' '}
          <span className="user-text" dir="auto">
            {change.planTitle}
          </span>
        </a>
        {change.isSample ? <SampleTag /> : null} <span className="muted">arrived {formatDateTime(change.at)}</span>
      </>
    );
  }
  if (change.kind === 'pack') {
    return (
      <>
        <a href={hrefFor('/papers', { meeting: change.meetingId })}>
          {change.summary || 'A pack'} for{' '}
          <span className="user-text" dir="auto">
            {change.meetingTitle}
          </span>
          , {formatDate(change.meetingDate)}
        </a>
        {change.isSample ? <SampleTag /> : null}{' '}
        <span className="muted">
          {plural(change.papers, 'paper')}, arrived {formatDateTime(change.at)}
        </span>
      </>
    );
  }
  return (
    <>
      <a href={hrefFor('/questions')}>An answer to your question</a> “
      <span className="user-text" dir="auto">
        {change.question.text}
      </span>
      ” <span className="muted">recorded {formatDateTime(change.at)}</span>
    </>
  );
}

function Changes({ data }: { data: StartData }) {
  const shown = data.changes.slice(0, LIMIT);
  const title = data.lastLooked ? 'What changed since you last looked' : 'What is new on this laptop';
  return (
    <Part id="start-changes" title={title}>
      {data.changes.length === 0 ? <p className="muted">Nothing new has arrived since then.</p> : null}
      <ul className="start-list">
        {shown.map((change) => (
          <li
            key={`${change.kind}:${change.kind === 'revision' ? change.importId : change.kind === 'pack' ? change.at + change.meetingId : change.question.id}`}
          >
            <ChangeLine change={change} />
          </li>
        ))}
      </ul>
      <More count={data.changes.length - shown.length} href={hrefFor('/imports')} text="everything imported" />
    </Part>
  );
}

function ActionList({ actions }: { actions: readonly StartAction[] }) {
  return (
    <ul className="start-list">
      {actions.slice(0, LIMIT).map((action) => (
        <li key={`${action.planId}:${action.actionId}`}>
          <a href={hrefFor('/plan/action', { plan: action.planId, id: action.actionId })}>
            {action.ref}{' '}
            <span className="user-text" dir="auto">
              {action.title}
            </span>
          </a>{' '}
          <span className="muted">due {formatDate(action.due)}</span>
          {action.isSample ? <SampleTag /> : null}
        </li>
      ))}
    </ul>
  );
}

function Actions({ data }: { data: StartData }) {
  const planId = data.overdue[0]?.planId ?? data.dueSoon[0]?.planId;
  return (
    <Part id="start-actions" title="Actions due or overdue">
      {data.overdue.length === 0 && data.dueSoon.length === 0 ? (
        <p className="muted">No action of a plan on this laptop is overdue or due in the next {DUE_SOON_DAYS} days.</p>
      ) : null}
      {data.overdue.length > 0 ? (
        <>
          <h3>{plural(data.overdue.length, 'action')} overdue</h3>
          <ActionList actions={data.overdue} />
          <More
            count={data.overdue.length - LIMIT}
            href={hrefFor('/plan/actions', { plan: planId, overdue: '1', sort: 'due' })}
            text="the overdue actions"
          />
        </>
      ) : null}
      {data.dueSoon.length > 0 ? (
        <>
          <h3>
            {plural(data.dueSoon.length, 'action')} due in the next {DUE_SOON_DAYS} days
          </h3>
          <ActionList actions={data.dueSoon} />
          <More
            count={data.dueSoon.length - LIMIT}
            href={hrefFor('/plan/actions', { plan: planId, 'due-soon': '1', sort: 'due' })}
            text="the actions due soon"
          />
        </>
      ) : null}
    </Part>
  );
}
