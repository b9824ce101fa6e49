import { streams, fold, proposalDecider, type ProposalEvent } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { TEST_ADMIN_KEY } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { labelledAccounts } from '../support/signing';
import { governance } from './support/governance-fixture';
import { httpClient, type Outcome } from './support/http-client';
import { percentiles } from './support/latency';
import { projectionsAtHead, readModelsAndRebuild } from './support/log-checks';
import { freePort, startApi, startWorkerProcess, waitFor, workerStarted, type RunningProcess } from './support/processes';

const MEMBERS = Number(process.env.FAULTS_LOAD_MEMBERS ?? 1000);
const VOTE_CLIENTS = 16;
const READ_CLIENTS = 4;
const READ_THINK_MS = 100;

/**
 * A DAO of 1,000 members who all vote on one proposal, 16 at a time, while four clients keep reading it (the
 * proposal with its live tally, the member list, the ballots, the DAO). The API and the worker run as their own
 * processes. No request may fail, every vote is recorded once and the log and read models agree; the latencies
 * are reported, not asserted: speed is measured by `npm run bench` (part 2 times a 1,000-voter proposal).
 */
describe(`Load: ${MEMBERS} members vote on one proposal while reads continue`, () => {
  let db: TestDatabase;
  let api: RunningProcess & { url: string };
  let worker: RunningProcess;
  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { databaseUrl: db.url, adminKey: TEST_ADMIN_KEY };
    api = await startApi(env, await freePort());
    worker = startWorkerProcess(env);
    await workerStarted(worker);
  });
  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await db?.drop();
  });

  it('records every vote once, answers every read, and reports the latencies', async () => {
    const http = httpClient(api.url, TEST_ADMIN_KEY);
    const g = governance(http);
    const members = labelledAccounts('load', MEMBERS);
    const daoId = await g.createDao(members);
    const pid = await g.propose(daoId, members[0]);
    // Wallets sign before they send: the minute measures the platform, not the signing.
    const ballots: { body: unknown; support: string }[] = [];
    for (let i = 0; i < MEMBERS; i += 50) {
      const chunk = members.slice(i, i + 50);
      ballots.push(
        ...(await Promise.all(
          chunk.map(async (m, j) => {
            const support = ['for', 'against', 'abstain'][(i + j) % 3];
            return { body: await g.voteBody(daoId, pid, m, support), support };
          }),
        )),
      );
    }

    const votes: Outcome[] = [];
    const reads: Outcome[] = [];
    const readPaths = [
      `/v1/daos/${daoId}/proposals/${pid}`,
      `/v1/daos/${daoId}/members`,
      `/v1/daos/${daoId}/proposals/${pid}/votes`,
      `/v1/daos/${daoId}`,
    ];
    const started = Date.now();
    let next = 0;
    let voting = true;
    const voter = async () => {
      for (let i = next++; i < MEMBERS; i = next++) {
        votes.push({
          ...(await http.send('POST', `/v1/daos/${daoId}/proposals/${pid}/votes`, ballots[i].body)),
          kind: ballots[i].support,
          key: String(i),
        });
      }
    };
    const reader = async (k: number) => {
      // A member's screen polling (100 ms between reads per client): each page is large (1,000 members,
      // 1,000 ballots, a 1,000-event timeline), so four clients still read ~10 MB of JSON a second.
      for (let i = k; voting; i++) {
        reads.push({ ...(await http.send('GET', readPaths[i % readPaths.length])), kind: readPaths[i % readPaths.length], key: '' });
        await new Promise((r) => setTimeout(r, READ_THINK_MS));
      }
    };
    const readers = Array.from({ length: READ_CLIENTS }, (_, k) => reader(k));
    await Promise.all(Array.from({ length: VOTE_CLIENTS }, voter));
    const votingMs = Date.now() - started;
    voting = false;
    await Promise.all(readers);

    const figures = {
      members: MEMBERS,
      votingMs,
      votes: percentiles(votes.map((v) => v.ms)),
      reads: percentiles(reads.map((r) => r.ms)),
      readsByRoute: Object.fromEntries(
        readPaths.map((p, i) => [
          ['proposal', 'members', 'ballots', 'dao'][i],
          percentiles(reads.filter((r) => r.kind === p).map((r) => r.ms)),
        ]),
      ),
      voteErrors: votes.filter((v) => v.status !== 201).length,
      readErrors: reads.filter((r) => r.status !== 200).length,
    };
    process.stdout.write(`load figures: ${JSON.stringify(figures)}\n`);
    expect(votes.filter((v) => v.status !== 201).map((v) => `${v.status} ${v.text}`)).toEqual([]);
    expect(reads.filter((r) => r.status !== 200).map((r) => `${r.kind} ${r.status} ${r.text}`)).toEqual([]);

    const events = (await new PostgresEventStore(db.pool).readStream(streams.proposal.of(pid).streamId)).map(
      (e) => ({ type: e.type, data: e.data }) as ProposalEvent,
    );
    expect(events.filter((e) => e.type === 'VoteCast')).toHaveLength(MEMBERS);
    const count = (s: string) => BigInt(ballots.filter((b) => b.support === s).length);
    const state = fold(proposalDecider, events);
    expect(state.status === 'Active' && state.tally).toEqual({ for: count('for'), against: count('against'), abstain: count('abstain') });
    await waitFor('the worker to catch up', () => projectionsAtHead(db.pool), 120_000, 250);
    await worker.stop();
    const { kept, rebuilt } = await readModelsAndRebuild(db.pool);
    expect(kept).toEqual(rebuilt);
  });
});
