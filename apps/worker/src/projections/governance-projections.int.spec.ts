import type { Address } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database';
import { governanceLog, isoAt, memberAddress } from '../testing/governance-log';
import { daoProjection } from './dao/dao.projection';
import { LogProcessor } from '../processing/log-processor';
import { PROJECTIONS } from './projections';
import { proposalsProjection } from './proposals/proposals.projection';

const [alice, bob, carol, dave, erin] = [0, 1, 2, 3, 4].map(memberAddress) as [Address, Address, Address, Address, Address];

/** Every row of every governance read model, in a stable order, as text: what "identical tables" means. */
const dump = async (db: TestDatabase) => {
  const tables = {
    rm_daos: 'id',
    rm_members: 'dao_id, address',
    rm_proposals: 'id',
    rm_votes: 'proposal_id, version',
  };
  const out: Record<string, unknown[]> = {};
  for (const [table, order] of Object.entries(tables))
    out[table] = (await db.pool.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY ${order}`)).rows.map(
      (r) => r.row,
    );
  return out;
};

describe('Governance projections', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let log: ReturnType<typeof governanceLog>;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
    log = governanceLog(store);
  });
  afterAll(() => db.drop());

  it('project members, proposals and ballots, and rebuild to identical tables', async () => {
    const incremental = new LogProcessor(db.pool, store, PROJECTIONS, { batchSize: 3 });
    const weighted = await log.createDao({ founders: [alice, bob, carol], votingType: 'weighted', allowVoteChange: true }, isoAt(-3600));
    await log.deposit(weighted, alice, 1000n, isoAt(-3500));
    await log.deposit(weighted, bob, 500n, isoAt(-3500));
    await incremental.catchUp();
    await log.deposit(weighted, carol, 200n, isoAt(-3400));
    await log.requestToJoin(weighted, dave, isoAt(-3300));
    const pid = await log.submitProposal(weighted, alice, { type: 'CHANGE_STRATEGY', payload: { strategy: erin } }, isoAt(-3000));
    await log.vote(weighted, pid, bob, 'against', isoAt(-2900));
    await incremental.catchUp();
    await log.vote(weighted, pid, bob, 'for', isoAt(-2800));
    await log.vote(weighted, pid, carol, 'abstain', isoAt(-2700));
    await log.suspend(weighted, carol, 'audit', isoAt(-2600));
    const democratic = await log.createDao({ founders: [alice, bob, carol, dave], earlyClose: true }, isoAt(-2000));
    const early = await log.submitProposal(democratic, bob, { type: 'UPGRADE_CONTRACT', payload: { implementation: erin } }, isoAt(-1900));
    for (const voter of [alice, bob, carol]) await log.vote(democratic, early, voter, 'for', isoAt(-1800));
    await incremental.catchUp();

    const members = await db.pool.query(
      `SELECT address, status, current_balance::text AS balance, voting_weight::text AS weight, weight_reason FROM rm_members
       WHERE dao_id = $1 ORDER BY address`,
      [weighted],
    );
    expect(members.rows).toEqual([
      {
        address: alice,
        status: 'ACTIVE',
        balance: '1000',
        weight: '1000',
        weight_reason: 'weighted: current balance 1000 (smallest unit)',
      },
      { address: bob, status: 'ACTIVE', balance: '500', weight: '500', weight_reason: 'weighted: current balance 500 (smallest unit)' },
      { address: carol, status: 'SUSPENDED', balance: '200', weight: '0', weight_reason: 'suspended: only ACTIVE members carry weight' },
      { address: dave, status: 'PENDING', balance: '0', weight: '0', weight_reason: 'pending: only ACTIVE members carry weight' },
    ]);
    const daos = await db.pool.query<{ id: string; member_count: number }>('SELECT id, member_count FROM rm_daos ORDER BY id');
    expect(Object.fromEntries(daos.rows.map((r) => [r.id, r.member_count]))).toEqual({ [weighted]: 3, [democratic]: 4 });

    const proposals = await db.pool.query(
      `SELECT id, state, tally_for::text AS f, tally_against::text AS a, tally_abstain::text AS ab, rules->>'totalEligibleWeight' AS total
       FROM rm_proposals ORDER BY submitted_position`,
    );
    expect(proposals.rows).toEqual([
      { id: pid, state: 'Active', f: '500', a: '0', ab: '200', total: '1700' },
      // Three of four democratic votes for: the fourth cannot flip it, so it closed at once.
      { id: early, state: 'Succeeded', f: '3', a: '0', ab: '0', total: '4' },
    ]);
    const ballots = await db.pool.query('SELECT voter, choice, replaces, replaced FROM rm_votes WHERE proposal_id = $1 ORDER BY version', [
      pid,
    ]);
    expect(ballots.rows).toEqual([
      { voter: bob, choice: 'against', replaces: null, replaced: true },
      { voter: bob, choice: 'for', replaces: 'against', replaced: false },
      { voter: carol, choice: 'abstain', replaces: null, replaced: false },
    ]);

    const before = await dump(db);
    const rebuilder = new LogProcessor(db.pool, store, PROJECTIONS, { batchSize: 500 });
    await rebuilder.rebuild(daoProjection);
    await rebuilder.rebuild(proposalsProjection);
    expect(await dump(db)).toEqual(before);
  });

  it('keeps the tally exact when workers take turns on one proposal, each with what it remembers', async () => {
    const first = new LogProcessor(db.pool, store, PROJECTIONS, { batchSize: 2 });
    const second = new LogProcessor(db.pool, store, PROJECTIONS, { batchSize: 2 });
    const dao = await log.createDao({ founders: [alice, bob, carol, dave], allowVoteChange: true }, isoAt(-3600));
    const pid = await log.submitProposal(dao, alice, { type: 'CHANGE_STRATEGY', payload: { strategy: erin } }, isoAt(-3000));
    await log.vote(dao, pid, alice, 'for', isoAt(-2900));
    await log.vote(dao, pid, bob, 'against', isoAt(-2890));
    await first.catchUp();
    // The second worker has remembered nothing: it reads the ballots back to withdraw bob's first one.
    await log.vote(dao, pid, bob, 'for', isoAt(-2800));
    await second.catchUp();
    // The first worker remembers a state its rows have moved past: it must not withdraw bob's first ballot again.
    await log.vote(dao, pid, bob, 'abstain', isoAt(-2700));
    await log.vote(dao, pid, carol, 'against', isoAt(-2600));
    await first.catchUp();
    await log.vote(dao, pid, alice, 'against', isoAt(-2500));
    await second.catchUp();

    const { rows } = await db.pool.query(
      `SELECT tally_for::text AS f, tally_against::text AS a, tally_abstain::text AS ab,
              fold_state ? 'ballots' AS stores_ballots, fold_state ? 'eligibleVoters' AS stores_voters
       FROM rm_proposals WHERE id = $1`,
      [pid],
    );
    expect(rows).toEqual([{ f: '0', a: '2', ab: '1', stores_ballots: false, stores_voters: false }]);
    const answer = await db.pool.query<{ voter: string; choice: string }>(
      'SELECT voter, choice FROM rm_votes WHERE proposal_id = $1 AND NOT replaced ORDER BY voter',
      [pid],
    );
    expect(answer.rows).toEqual(
      [
        { voter: alice, choice: 'against' },
        { voter: bob, choice: 'abstain' },
        { voter: carol, choice: 'against' },
      ].sort((x, y) => x.voter.localeCompare(y.voter)),
    );
  });
});
