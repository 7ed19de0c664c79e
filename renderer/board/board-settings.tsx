import { useEffect, useState, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useProfile } from '../annotations/use-annotations';
import { useServices } from '../app/context';
import { formatFingerprint } from '../../shared/board/signing';
import type { SavedFile } from '../../shared/ipc/contract';
import { savedSentence, ShowInFolder } from '../components/saved-notice';
import { boardController, ipcBoardPort } from './board-controller';
import { publishToBoard } from './board-publications';
import { BoardSwitcher } from '../meetings/board-switcher';
import { meetingsOfBoard } from '../meetings/boards';
import { useBoards } from '../meetings/use-meetings';
import { isChairInRegister, receivedDrafts, shareDraftRecord, type ReceivedDraft } from './board-drafts';
import {
  addToRegister,
  boardTrust,
  currentRegister,
  deviceKeys,
  joinBoard,
  joiningCode,
  parseJoiningCode,
  removeFromRegister,
  startBoardAsClerk,
} from './board-sync';

type RegisterSummary = {
  version: number;
  clerkDeviceId: string;
  boardName: string;
  members: Array<{ name: string; devices: Array<{ deviceId: string; isRemoved: boolean }> }>;
};

/** Settings for the board folder: where it is, joining (or starting it, for the clerk), and the register. */
export function BoardSettings() {
  const { api, db, sync: imports } = useServices();
  const profile = useProfile();
  const controller = boardController(db, api, imports);
  const sync = useSyncExternalStore(controller.subscribe, controller.getState);
  // The folder as main last told it, with the board it is of (a reply about another board is not shown).
  const [folderOf, setFolderOf] = useState<{ board: string; path: string | null } | undefined>(undefined);
  const [identity, setIdentity] = useState<{ fingerprint: string; code: string } | null>(null);
  const [boardId, setBoardId] = useState('');
  const [boardName, setBoardName] = useState('');
  const [clerkFingerprint, setClerkFingerprint] = useState('');
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<{ text: string; isError: boolean; saved?: SavedFile } | null>(null);
  const [publishTitle, setPublishTitle] = useState('');
  const [includeExempt, setIncludeExempt] = useState(false);
  const [draftMeetingId, setDraftMeetingId] = useState('');
  // Each board on this laptop has its own folder, trust and register: everything here is the open board's.
  const boards = useBoards();
  const openId = boards?.openId;
  const openName = boards?.boards.find((board) => board.id === openId)?.name;
  const isChairHere = useLiveQuery(
    async () => (profile && openId ? isChairInRegister(await currentRegister(db, openId), profile) : false),
    [db, sync.lastAt, profile?.id, profile?.deviceId, openId],
  );
  const draftMeetings = useLiveQuery(
    async () =>
      (openId ? await meetingsOfBoard(db, openId) : [])
        .filter((meeting) => meeting.status === 'draft')
        .sort((a, b) => b.date.localeCompare(a.date))
        .map((meeting) => ({ id: meeting.id, label: `${meeting.title} (${meeting.date})` })),
    [db, openId],
  );
  const drafts = useLiveQuery(async () => (openId ? receivedDrafts(db, openId) : []), [db, sync.lastAt, openId]);
  const trust = useLiveQuery(async () => (openId ? boardTrust(db, openId) : null), [db, openId]);
  const register = useLiveQuery(async (): Promise<RegisterSummary | null> => {
    if (!openId) return null;
    const current = await currentRegister(db, openId);
    if (!current) return null;
    return {
      version: current.header.sequence,
      clerkDeviceId: current.header.deviceId,
      boardName: current.body.boardName,
      members: current.body.members.map((member) => ({
        name: member.displayName,
        devices: member.devices.map((device) => ({ deviceId: device.deviceId, isRemoved: device.removed !== null })),
      })),
    };
  }, [db, sync.lastAt, openId]);

  useEffect(() => {
    if (!openId) return undefined;
    let isCurrent = true;
    void api.call('board:get-folder', { board: openId }).then((reply) => {
      if (isCurrent) setFolderOf({ board: openId, path: reply.ok ? reply.value.folder : null });
    });
    return () => {
      isCurrent = false;
    };
  }, [api, openId]);
  const folder = folderOf && folderOf.board === openId ? folderOf.path : undefined;

  const profileKey = profile ? `${profile.id}|${profile.deviceId}|${profile.displayName}|${profile.role}` : '';
  useEffect(() => {
    if (!profile) return;
    let isCurrent = true;
    // Keyed on the profile's fields, not its object: a re-read profile must not restart this.
    void (async () => {
      try {
        const keys = await deviceKeys(db);
        const joining = await joiningCode(db, profile);
        if (isCurrent) setIdentity({ fingerprint: keys.fingerprint, code: joining });
      } catch (error) {
        if (isCurrent)
          setMessage({
            text: `This laptop’s key could not be made: ${error instanceof Error ? error.message : String(error)}`,
            isError: true,
          });
      }
    })();
    return () => {
      isCurrent = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- profileKey stands for the profile
  }, [db, profileKey]);

  if (!profile) return <p>Set up your profile first: the board folder needs to know who you are.</p>;
  if (!openId) return <p>Loading…</p>;
  const port = ipcBoardPort(api, openId);
  const isClerkHere = register?.clerkDeviceId === profile.deviceId;

  async function chooseFolder() {
    if (!openId) return;
    const reply = await api.call('board:choose-folder', { board: openId });
    if (reply.ok) setFolderOf({ board: openId, path: reply.value.folder });
    else setMessage({ text: reply.error.message, isError: true });
  }

  async function publish() {
    if (!profile || !trust) return;
    const keys = await deviceKeys(db);
    const result = await publishToBoard(db, port, profile, trust, keys, { title: publishTitle, includeExempt }, openId);
    if (result.ok && result.value === null) return; // the dialog was cancelled
    if (result.ok) {
      setPublishTitle('');
      setIncludeExempt(false);
    }
    await after(
      result,
      `Published ${result.ok ? (result.value?.files ?? 0) : 0} ${result.ok && result.value?.files === 1 ? 'file' : 'files'} to the board folder: members’ laptops import them at their next sync.`,
    );
  }

  async function shareDraft() {
    const meetingId = draftMeetingId || draftMeetings?.[0]?.id;
    if (!profile || !trust || !meetingId) return;
    const result = await shareDraftRecord(
      db,
      port,
      profile,
      { trust, register: await currentRegister(db, openId), keys: await deviceKeys(db) },
      meetingId,
      openId,
    );
    await after(result, 'The draft record is in the board folder: the clerk sees it, read-only, at their next sync.');
  }

  async function saveDraftMinutes(draft: ReceivedDraft) {
    const reply = await api.call('exports:save', {
      kind: 'minutes-docx',
      includeExempt: false,
      boardName: register?.boardName ?? 'Board',
      bundle: draft.bundle,
    });
    if (!reply.ok) setMessage({ text: reply.error.message, isError: true });
    else if (reply.value.saved) setMessage({ text: savedSentence(reply.value), isError: false, saved: reply.value });
  }

  async function after(result: { ok: true } | { ok: false; error: { message: string } }, success: string) {
    if (!result.ok) {
      setMessage({ text: result.error.message, isError: true });
      return;
    }
    setMessage({ text: success, isError: false });
    if (profile) await controller.sync(profile);
  }

  return (
    <>
      <p>
        The board shares members’ shared notes and questions through a folder the council already synchronises (OneDrive, SharePoint or a
        network share). Private notes never go there.
      </p>
      <BoardSwitcher />
      <p>
        Each board has its own board folder. This is the folder of <strong>{openName ?? 'the open board'}</strong>: switching board switches
        the folder, and what arrives in it is filed under this board only.
      </p>
      <p className="folder-path" data-testid="board-folder">
        {folder === undefined ? 'Loading…' : (folder ?? 'No board folder chosen')}
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void chooseFolder()}>
          Choose the board folder…
        </button>
        {trust ? (
          <button type="button" className="secondary" onClick={() => void controller.sync(profile)} disabled={sync.isSyncing}>
            Sync now
          </button>
        ) : null}
      </div>
      <dl className="facts">
        <dt>This laptop’s key fingerprint</dt>
        <dd data-testid="device-fingerprint">{identity ? formatFingerprint(identity.fingerprint) : 'Loading…'}</dd>
      </dl>
      <p>
        <label htmlFor="joining-code">Your joining code (give it to the clerk)</label>
        <br />
        <textarea id="joining-code" readOnly rows={2} cols={60} value={identity?.code ?? ''} />
      </p>
      {trust ? (
        <p data-testid="board-joined">
          Joined board <strong>{trust.boardId}</strong>
          {register ? ` (${register.boardName}, register version ${register.version})` : ''}; the clerk’s fingerprint:{' '}
          {formatFingerprint(trust.clerkFingerprint)}.
        </p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void joinBoard(db, boardId.trim(), clerkFingerprint, openId).then((result) =>
              after(result, 'You have joined the board. Your notes will be shared once the clerk adds your joining code.'),
            );
          }}
        >
          <p>
            <label htmlFor="board-id">Board’s id (from the clerk)</label>
            <br />
            <input id="board-id" value={boardId} onChange={(event) => setBoardId(event.target.value)} autoComplete="off" />
          </p>
          <p>
            <label htmlFor="clerk-fingerprint">The clerk’s key fingerprint, as the clerk reads it out</label>
            <br />
            <input
              id="clerk-fingerprint"
              value={clerkFingerprint}
              onChange={(event) => setClerkFingerprint(event.target.value)}
              autoComplete="off"
              size={45}
            />
          </p>
          <div className="button-row">
            <button type="submit">Confirm the fingerprint and join</button>
          </div>
          {profile.role === 'clerk' ? (
            <>
              <p>
                <label htmlFor="board-name">Board’s name (to start the board as its clerk)</label>
                <br />
                <input id="board-name" value={boardName} onChange={(event) => setBoardName(event.target.value)} />
              </p>
              <div className="button-row">
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    void startBoardAsClerk(
                      db,
                      port,
                      profile,
                      {
                        boardId: boardId.trim(),
                        boardName: boardName.trim() || 'Board',
                      },
                      openId,
                    ).then((result) => after(result, 'The board is started: give members its id and your fingerprint.'))
                  }
                >
                  Start the board as its clerk
                </button>
              </div>
            </>
          ) : null}
        </form>
      )}
      {isClerkHere && register ? (
        <>
          <h3>The board’s register</h3>
          <ul className="board-register" data-testid="board-register">
            {register.members.map((member) => {
              const active = member.devices.filter((device) => !device.isRemoved);
              return (
                <li key={member.name}>
                  {member.name}: {active.length} {active.length === 1 ? 'device' : 'devices'}
                  {active
                    .filter((device) => device.deviceId !== profile.deviceId)
                    .map((device, index) => (
                      <button
                        key={device.deviceId}
                        type="button"
                        className="secondary"
                        onClick={() =>
                          void removeFromRegister(db, port, profile, device.deviceId, openId).then((result) =>
                            after(result, `${member.name}’s device is removed: its later files will be refused.`),
                          )
                        }
                      >
                        Remove {member.name}’s device {index + 1}
                      </button>
                    ))}
                </li>
              );
            })}
          </ul>
          <p>
            <label htmlFor="member-code">A member’s joining code</label>
            <br />
            <textarea id="member-code" rows={2} cols={60} value={code} onChange={(event) => setCode(event.target.value)} />
          </p>
          <div className="button-row">
            <button
              type="button"
              onClick={() => {
                const request = parseJoiningCode(code);
                if (!request) {
                  setMessage({
                    text: 'That is not a joining code: it starts “oversight-join:”. Ask the member to copy it again.',
                    isError: true,
                  });
                  return;
                }
                void addToRegister(db, port, profile, request, openId).then((result) => {
                  if (result.ok) setCode('');
                  return after(result, `${request.displayName} is added to the register.`);
                });
              }}
            >
              Add to the register
            </button>
          </div>
          <h3>Publish to the board</h3>
          <p>
            Packs and supplements (.zip), plan revisions (.plan.json), approved decisions (.decisions.json) and officers’ answers
            (.answers.xlsx) go to every member’s laptop, signed by this laptop, and are imported there as if imported by hand.
          </p>
          <p>
            <label htmlFor="publish-title">What you are publishing (members see this)</label>
            <br />
            <input id="publish-title" value={publishTitle} onChange={(event) => setPublishTitle(event.target.value)} size={45} />
          </p>
          <p>
            <input
              id="publish-exempt"
              type="checkbox"
              checked={includeExempt}
              onChange={(event) => setIncludeExempt(event.target.checked)}
            />{' '}
            <label htmlFor="publish-exempt">Include exempt papers (they go to members marked confidential)</label>
          </p>
          <div className="button-row">
            <button type="button" onClick={() => void publish()}>
              Publish files to the board…
            </button>
          </div>
        </>
      ) : null}
      {trust && isChairHere && draftMeetings && draftMeetings.length > 0 ? (
        <>
          <h3>Share a meeting’s draft record with the clerk</h3>
          <p>The clerk sees it read-only, to prepare the minutes; approving them stays with you.</p>
          <p>
            <label htmlFor="draft-meeting">Meeting</label>
            <br />
            <select
              id="draft-meeting"
              value={draftMeetingId || draftMeetings[0]?.id}
              onChange={(event) => setDraftMeetingId(event.target.value)}
            >
              {draftMeetings.map((meeting) => (
                <option key={meeting.id} value={meeting.id}>
                  {meeting.label}
                </option>
              ))}
            </select>
          </p>
          <div className="button-row">
            <button type="button" onClick={() => void shareDraft()}>
              Share the draft record with the clerk
            </button>
          </div>
        </>
      ) : null}
      {trust && drafts && drafts.length > 0 ? (
        <>
          <h3>Draft records from the chair (read-only)</h3>
          <ul data-testid="board-drafts">
            {drafts.map((draft) => (
              <li key={`${draft.meetingId}|${draft.deviceId}`}>
                <span dir="auto">{draft.bundle.meeting.title}</span> ({draft.bundle.meeting.date}), from {draft.fromName}:{' '}
                {draft.bundle.records.length} {draft.bundle.records.length === 1 ? 'record' : 'records'}{' '}
                <button type="button" className="secondary" onClick={() => void saveDraftMinutes(draft)}>
                  Save {draft.bundle.meeting.title} ({draft.bundle.meeting.date}) as draft minutes (Word)…
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div aria-live="polite">
        {message ? (
          <p className={message.isError ? 'error-text' : undefined} role={message.isError ? 'alert' : undefined}>
            {message.text}
          </p>
        ) : null}
        {message?.saved?.savedId ? <ShowInFolder savedId={message.saved.savedId} fileName={message.saved.fileName} /> : null}
        {sync.error ? <p className="error-text">{sync.error}</p> : null}
      </div>
    </>
  );
}
