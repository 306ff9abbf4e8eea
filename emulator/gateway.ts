// The gateway side: HELLO, heartbeats, IDENTIFY -> READY + GUILD_CREATE, RESUME with replay,
// RECONNECT and dropped sockets. One session per shard [id, count]; each shard gets its guilds only.
import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import { newSnowflake, shardOf } from './snowflake.ts';
import { type EmulatedGuild, guildCreatePayload, type UserInput, userPayload } from './world.ts';

export interface GatewaySession {
  id: string;
  shard: [number, number];
  /** Last sequence number dispatched. */
  seq: number;
  /** Every dispatch of the session, replayed from on RESUME. */
  log: { s: number; t: string; d: unknown }[];
  /** null while the client is disconnected: dispatches then queue until it resumes. */
  socket: WebSocket | null;
  resumes: number;
}

export interface GatewayOptions {
  bot: UserInput;
  applicationId: string;
  guilds: () => EmulatedGuild[];
  heartbeatIntervalMs: number;
  token: string | undefined;
  /** The ws:// url given as resume_gateway_url. */
  url: () => string;
}

interface Frame {
  op: number;
  d?: unknown;
}

export class Gateway extends EventEmitter {
  readonly sessions = new Map<string, GatewaySession>();
  /** The live session per shard key "id/count"; an IDENTIFY replaces the previous one. */
  readonly current = new Map<string, GatewaySession>();
  /** Set false to stop answering heartbeats (zombie-connection tests). */
  ackHeartbeats = true;
  /** Counters for assertions and reports; `replayed` counts dispatches re-sent on RESUME. */
  readonly stats = {
    connections: 0,
    identifies: 0,
    resumes: 0,
    replayed: 0,
    invalidSessions: 0,
    heartbeats: 0,
  };

  constructor(private readonly options: GatewayOptions) {
    super();
  }

  accept(socket: WebSocket): void {
    this.stats.connections++;
    let session: GatewaySession | null = null;
    socket.on('message', (raw) => {
      let frame: Frame;
      try {
        frame = JSON.parse(String(raw)) as Frame;
      } catch {
        socket.close(4002, 'Decode error');
        return;
      }
      if (frame.op === 1) {
        this.stats.heartbeats++;
        if (this.ackHeartbeats) this.send(socket, { op: 11 });
      } else if (frame.op === 2) {
        session = this.identify(socket, frame.d as IdentifyData);
      } else if (frame.op === 6) {
        session = this.resume(socket, frame.d as ResumeData);
      }
    });
    socket.on('close', (code) => {
      if (session && session.socket === socket) {
        session.socket = null;
        // A client closing with 1000/1001 ends its session (Discord forgets it); others may RESUME.
        if ((code === 1000 || code === 1001) && this.current.get(shardKey(session.shard)) === session) {
          this.current.delete(shardKey(session.shard));
        }
      }
      this.emit('disconnect', session);
    });
    socket.on('error', () => {});
    this.send(socket, { op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs } });
  }

  /** The live session holding a guild, by the shard formula (guild_id >> 22) % count. */
  sessionForGuild(guildId: string): GatewaySession | undefined {
    const holders = [...this.current.values()].filter((s) => shardOf(guildId, s.shard[1]) === s.shard[0]);
    // Prefer a connected session, then the newest (a client that logged in with another shard count).
    return holders.find((s) => s.socket !== null) ?? holders.at(-1);
  }

  /** Dispatches an event to the shard holding the guild (queued for replay if its socket is down). */
  dispatchToGuild(guildId: string, t: string, d: unknown): GatewaySession {
    const session = this.sessionForGuild(guildId);
    if (!session)
      throw new Error(`emulator: no gateway session holds guild ${guildId}; is a client logged in?`);
    this.dispatch(session, t, d);
    return session;
  }

  dispatch(session: GatewaySession, t: string, d: unknown): void {
    session.seq++;
    session.log.push({ s: session.seq, t, d });
    if (session.socket) this.send(session.socket, { op: 0, t, s: session.seq, d });
  }

  /** Sends op 7 to every connected session; the client closes and RESUMEs. */
  sendReconnect(): GatewaySession[] {
    const targets = this.connected();
    for (const session of targets) if (session.socket) this.send(session.socket, { op: 7, d: null });
    return targets;
  }

  /** Kills the sockets: with a code (e.g. 4000) a clean close, without one an abrupt terminate. */
  dropSockets(code?: number): GatewaySession[] {
    const targets = this.connected();
    for (const session of targets) {
      const socket = session.socket;
      session.socket = null;
      if (code === undefined) socket?.terminate();
      else socket?.close(code, 'emulator drop');
    }
    return targets;
  }

  /** Sends op 9 (d:false): the session is gone and the client must IDENTIFY again. */
  invalidateSessions(): GatewaySession[] {
    const targets = this.connected();
    for (const session of targets) {
      this.current.delete(shardKey(session.shard));
      if (session.socket) this.send(session.socket, { op: 9, d: false });
    }
    return targets;
  }

  connected(): GatewaySession[] {
    return [...this.current.values()].filter((s) => s.socket !== null);
  }

  private identify(socket: WebSocket, d: IdentifyData): GatewaySession | null {
    if (this.options.token !== undefined && d.token !== this.options.token) {
      socket.close(4004, 'Authentication failed');
      return null;
    }
    const [shardId, shardCount] = d.shard ?? [0, 1];
    if (shardCount < 1 || shardId < 0 || shardId >= shardCount) {
      socket.close(4010, 'Invalid shard');
      return null;
    }
    this.stats.identifies++;
    const session: GatewaySession = {
      id: newSnowflake(),
      shard: [shardId, shardCount],
      seq: 0,
      log: [],
      socket,
      resumes: 0,
    };
    this.sessions.set(session.id, session);
    this.current.set(shardKey(session.shard), session);
    const guilds = this.options.guilds().filter((g) => shardOf(g.id, shardCount) === shardId);
    const bot = { ...this.options.bot, bot: true };
    this.dispatch(session, 'READY', {
      v: 10,
      user: { ...userPayload(bot), verified: true, mfa_enabled: false },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.options.url(),
      shard: session.shard,
      application: { id: this.options.applicationId, flags: 0 },
    });
    for (const guild of guilds) this.dispatch(session, 'GUILD_CREATE', guildCreatePayload(guild, bot));
    this.emit('ready', session);
    return session;
  }

  private resume(socket: WebSocket, d: ResumeData): GatewaySession | null {
    const session = this.sessions.get(d.session_id);
    const live = session && this.current.get(shardKey(session.shard)) === session;
    if (!session || !live || d.seq > session.seq) {
      this.stats.invalidSessions++;
      this.send(socket, { op: 9, d: false });
      return null;
    }
    if (session.socket && session.socket !== socket) session.socket.terminate();
    session.socket = socket;
    session.resumes++;
    this.stats.resumes++;
    for (const entry of session.log) {
      if (entry.s <= d.seq) continue;
      this.stats.replayed++;
      this.send(socket, { op: 0, t: entry.t, s: entry.s, d: entry.d });
    }
    this.dispatch(session, 'RESUMED', null);
    this.emit('resumed', session);
    return session;
  }

  private send(socket: WebSocket, payload: unknown): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
  }
}

interface IdentifyData {
  token: string;
  shard?: [number, number];
}
interface ResumeData {
  token: string;
  session_id: string;
  seq: number;
}

function shardKey(shard: [number, number]): string {
  return `${shard[0]}/${shard[1]}`;
}
