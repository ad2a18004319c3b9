import type { ConsoleSessionView, TicketView } from '../../../shared/contract/console';
import { decodeSignInScene } from '../../../shared/domain/consoleSignIn';
import { messageFor } from '../../../shared/errors';
import { callApi, toApiError } from '../../../services/api';
import { formatDateTime } from '../../../utils/date';
import type { LoadStatus } from '../../../utils/load-state';

/**
 * 电脑端登录确认: the page a console's sign-in code opens. It shows which browser, from which address,
 * asks to sign in as this staff member, and confirms only on their tap. Below, the staff member's
 * open console sessions, each with 退出 (end it from the phone).
 */
export interface SessionRow {
  sessionId: string;
  line: string;
}

export interface ConsoleConfirmState {
  status: LoadStatus;
  errorMessage: string;
  ticketId: string;
  browser: string;
  place: string;
  expiresLine: string;
  /** 'ask' before the tap, 'done' after, 'closed' for a ticket that can no longer be confirmed. */
  step: 'ask' | 'done' | 'closed';
  confirming: boolean;
  sessions: SessionRow[];
}

export function initialConsoleConfirmState(): ConsoleConfirmState {
  return { status: 'loading', errorMessage: '', ticketId: '', browser: '', place: '', expiresLine: '', step: 'ask', confirming: false, sessions: [] };
}

function sessionRows(sessions: readonly ConsoleSessionView[]): SessionRow[] {
  return sessions.map((s) => ({ sessionId: s.sessionId, line: `${s.browser} · ${s.place} · ${formatDateTime(s.createdAt)} 登录` }));
}

function ticketState(ticket: TicketView): Partial<ConsoleConfirmState> {
  const closed = ticket.state !== 'waiting';
  return {
    status: 'ready',
    ticketId: ticket.ticketId,
    browser: ticket.browser,
    place: ticket.place,
    expiresLine: `请在 ${formatDateTime(ticket.expiresAt)} 前确认`,
    step: ticket.state === 'confirmed' ? 'done' : closed ? 'closed' : 'ask',
    errorMessage: closed && ticket.state !== 'confirmed' ? messageFor(ticket.state === 'used' ? 'CONSOLE.TICKET_USED' : 'CONSOLE.TICKET_EXPIRED') : '',
  };
}

export function createConsoleConfirm(render: (change: Partial<ConsoleConfirmState>) => void) {
  let ticketId = '';

  async function loadSessions(): Promise<void> {
    render({ sessions: sessionRows((await callApi('console.listSessions', {})).sessions) });
  }

  return {
    async load(scene: string): Promise<void> {
      const id = decodeSignInScene(scene);
      if (!id) {
        render({ status: 'error', errorMessage: messageFor('CONSOLE.TICKET_NOT_FOUND') });
        return;
      }
      ticketId = id;
      try {
        render(ticketState(await callApi('console.getTicket', { ticketId })));
        await loadSessions();
      } catch (error) {
        render({ status: 'error', errorMessage: toApiError(error, 'console.getTicket').message });
      }
    },

    async confirm(): Promise<void> {
      render({ confirming: true, errorMessage: '' });
      try {
        render({ ...ticketState(await callApi('console.confirmTicket', { ticketId })), confirming: false });
        await loadSessions();
      } catch (error) {
        render({ confirming: false, step: 'closed', errorMessage: toApiError(error, 'console.confirmTicket').message });
      }
    },

    async endSession(sessionId: string): Promise<void> {
      try {
        await callApi('console.endSession', { sessionId });
        await loadSessions();
      } catch (error) {
        render({ errorMessage: toApiError(error, 'console.endSession').message });
      }
    },
  };
}
