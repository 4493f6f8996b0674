import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, StateError, type Storage, type Tollgate, ValidationError, createTollgate } from 'tollgate';
import { TestClock } from 'tollgate/testing';

const errorOf = async (p: Promise<unknown>): Promise<unknown> => p.then(() => undefined, (e: unknown) => e);
const paths = (e: unknown): string[] => (e as ValidationError).issues.map((i) => i.path);

const unitCard = (key: string, feature: string, amount: string | number = '0.001') => ({
  key,
  type: 'usage_based' as const,
  feature,
  billingCadence: 'P1M',
  price: { type: 'unit' as const, amount },
});
const baseFee = { key: 'base', type: 'flat_fee' as const, price: { type: 'flat' as const, amount: 49 }, billingCadence: 'P1M' };

/** tg.features and tg.plans end to end on one adapter. */
export function catalogFacadeSuite(name: string, makeStorage: () => Promise<{ storage: Storage; teardown?: () => Promise<void> }>): void {
  describe(`catalog on ${name}`, () => {
    let tg: Tollgate;
    let clock: TestClock;
    let teardown: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      const made = await makeStorage();
      teardown = made.teardown;
      clock = new TestClock('2024-01-01T00:00:00Z');
      tg = createTollgate({ storage: made.storage, clock });
      await tg.migrate();
      await tg.meters.create({ key: 'tokens', eventType: 'llm.tokens', aggregation: 'SUM', valueProperty: '$.tokens', groupBy: { model: '$.model' } });
    });
    afterEach(async () => {
      await tg.close();
      await teardown?.();
    });

    describe('features', () => {
      it('creates metered and unmetered features and reads them by id and key', async () => {
        const gpt = await tg.features.create({ key: 'gpt_tokens', name: 'GPT tokens', meterKey: 'tokens', meterGroupByFilters: { model: ['gpt-4o', 'gpt-4o-mini'] } });
        const sso = await tg.features.create({ key: 'sso' });
        expect(gpt).toMatchObject({ key: 'gpt_tokens', meterKey: 'tokens', meterGroupByFilters: { model: ['gpt-4o', 'gpt-4o-mini'] }, archivedAt: null });
        expect(gpt.id).toMatch(/^feat_/);
        expect(sso.meterKey).toBeNull();
        expect(await tg.features.get(gpt.id)).toEqual(gpt);
        expect(await tg.features.get('sso')).toEqual(sso);
        expect((await tg.features.list({ meterKey: 'tokens' })).items.map((f) => f.key)).toEqual(['gpt_tokens']);
      });

      it('refuses an unknown meter, filters on dimensions the meter lacks, and a bad key, naming each field', async () => {
        const unknownMeter = await errorOf(tg.features.create({ key: 'a', meterKey: 'nope' }));
        expect(unknownMeter).toBeInstanceOf(ValidationError);
        expect((unknownMeter as ValidationError).issues[0]).toMatchObject({ path: 'meterKey', code: 'unknown_meter' });
        const badDimension = await errorOf(tg.features.create({ key: 'b', meterKey: 'tokens', meterGroupByFilters: { region: 'eu', model: 'x' } }));
        expect((badDimension as ValidationError).issues).toEqual([expect.objectContaining({ path: 'meterGroupByFilters.region', code: 'unknown_dimension' })]);
        expect(paths(await errorOf(tg.features.create({ key: 'Bad Key' })))).toEqual(['key']);
        expect(paths(await errorOf(tg.features.create({ key: 'c', meterGroupByFilters: { model: 'x' } })))).toEqual(['meterGroupByFilters']);
        expect((await tg.features.list({ includeArchived: true })).items).toEqual([]);
      });

      it('keeps active keys unique; archive frees the key and keeps the old feature readable by id', async () => {
        const first = await tg.features.create({ key: 'seats' });
        expect(await errorOf(tg.features.create({ key: 'seats' }))).toBeInstanceOf(ConflictError);
        clock.advance('P1D');
        const archived = await tg.features.archive('seats');
        expect(archived.archivedAt).toEqual(new Date('2024-01-02T00:00:00Z'));
        expect(await tg.features.archive(first.id)).toEqual(archived);
        const second = await tg.features.create({ key: 'seats', name: 'Seats v2' });
        expect((await tg.features.get('seats')).id).toBe(second.id);
        expect((await tg.features.get(first.id)).archivedAt).not.toBeNull();
        expect((await tg.features.list()).items.map((f) => f.id)).toEqual([second.id]);
      });

      it('throws NotFoundError for an unknown feature', async () => {
        expect(await errorOf(tg.features.get('missing'))).toBeInstanceOf(NotFoundError);
      });
    });

    describe('plans', () => {
      beforeEach(async () => {
        await tg.features.create({ key: 'gpt_tokens', meterKey: 'tokens' });
        await tg.features.create({ key: 'sso' });
      });

      const proPlan = () => ({
        key: 'pro',
        name: 'Pro',
        currency: 'USD',
        billingCadence: 'P1M',
        phases: [{ key: 'default', rateCards: [baseFee, unitCard('tokens', 'gpt_tokens', 0.000002)] }],
      });

      it('creates a valid draft v1 with canonical decimal strings, then publishes it', async () => {
        const draft = await tg.plans.create(proPlan());
        expect(draft).toMatchObject({ key: 'pro', version: 1, status: 'draft', validationErrors: [], effectiveFrom: null });
        const cards = draft.phases[0]!.rateCards;
        expect(cards[0]!.price).toEqual({ type: 'flat', amount: '49' });
        expect(cards[1]!.price).toEqual({ type: 'unit', amount: '0.000002' });
        clock.advance('PT1H');
        const published = await tg.plans.publish('pro');
        expect(published).toMatchObject({ status: 'active', effectiveFrom: new Date('2024-01-01T01:00:00Z'), effectiveTo: null });
        expect(await errorOf(tg.plans.update('pro', { name: 'x' }))).toMatchObject({ code: 'state_error', reason: 'not_draft' });
        expect(await errorOf(tg.plans.update(published.id, { name: 'x' }))).toBeInstanceOf(StateError);
      });

      it('saves a draft with every problem listed, and refuses to publish it', async () => {
        const draft = await tg.plans.create({
          key: 'broken',
          name: 'Broken',
          currency: 'USD',
          billingCadence: 'P1M',
          phases: [
            { key: 'trial', rateCards: [unitCard('a', 'sso'), unitCard('a', 'nope')] },
            {
              key: 'main',
              duration: 'P1M',
              rateCards: [
                {
                  key: 'tiers',
                  type: 'usage_based',
                  feature: 'gpt_tokens',
                  billingCadence: 'P1M',
                  price: { type: 'tiered', mode: 'graduated', tiers: [{ upTo: 100, unitAmount: 1 }, { upTo: 50, unitAmount: 1 }] },
                },
              ],
            },
          ],
        });
        expect(draft.status).toBe('draft');
        const found = draft.validationErrors.map((i) => `${i.path} ${i.code}`);
        expect(found).toEqual(
          expect.arrayContaining([
            'phases[0].duration missing_duration',
            'phases[0].rateCards[1].key duplicate_key',
            'phases[0].rateCards[0].feature feature_not_metered',
            'phases[0].rateCards[1].feature unknown_feature',
            'phases[1].duration last_phase_has_duration',
          ]),
        );
        expect(found.some((f) => f.startsWith('phases[1].rateCards[0].price.tiers'))).toBe(true);
        const error = await errorOf(tg.plans.publish('broken'));
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues).toEqual(draft.validationErrors);
        expect((await tg.plans.get('broken')).status).toBe('draft');
      });

      it('refuses malformed input outright and stores nothing', async () => {
        const error = await errorOf(tg.plans.create({ key: 'x', name: '', currency: 'ZZZ', billingCadence: 'P0D', phases: [] } as never));
        expect(paths(error).sort()).toEqual(['billingCadence', 'currency', 'name', 'phases']);
        expect(await errorOf(tg.plans.get('x'))).toBeInstanceOf(NotFoundError);
      });

      it('versions: newVersion copies the latest, publishing it ends the previous version', async () => {
        await tg.plans.create(proPlan());
        const v1 = await tg.plans.publish('pro');
        expect(await errorOf(tg.plans.create(proPlan()))).toBeInstanceOf(ConflictError);
        const v2 = await tg.plans.newVersion('pro');
        expect(v2).toMatchObject({ version: 2, status: 'draft', phases: v1.phases });
        expect(await errorOf(tg.plans.newVersion('pro'))).toMatchObject({ reason: 'draft_exists' });
        await tg.plans.update('pro', { phases: [{ key: 'default', rateCards: [baseFee] }] });
        const switchAt = new Date('2024-02-01T00:00:00Z');
        const scheduled = await tg.plans.publish(v2.id, { effectiveFrom: switchAt });
        expect(scheduled.status).toBe('scheduled');
        expect((await tg.plans.get('pro')).version).toBe(1);
        expect((await tg.plans.get('pro', { version: 1 })).effectiveTo).toEqual(switchAt);
        clock.set(switchAt);
        expect(await tg.plans.get('pro')).toMatchObject({ version: 2, status: 'active' });
        expect((await tg.plans.get(v1.id)).status).toBe('archived');
        expect((await tg.plans.list({ status: 'archived' })).items.map((p) => p.version)).toEqual([1]);
        expect((await tg.plans.list({ key: 'pro' })).items.map((p) => `${p.version}:${p.status}`)).toEqual(['1:archived', '2:active']);
      });

      it('archives a plan at an instant; a later check sees it archived', async () => {
        await tg.plans.create(proPlan());
        await tg.plans.publish('pro');
        const archived = await tg.plans.archive('pro', { at: '2024-06-01T00:00:00Z' });
        expect(archived.effectiveTo).toEqual(new Date('2024-06-01T00:00:00Z'));
        expect(archived.status).toBe('active');
        clock.set('2024-06-01T00:00:00Z');
        expect((await tg.plans.get('pro')).status).toBe('archived');
        expect(await errorOf(tg.plans.archive('pro'))).toMatchObject({ reason: 'not_published' });
      });

      it('a draft becomes publishable once the feature it names exists', async () => {
        const draft = await tg.plans.create({ ...proPlan(), key: 'later', phases: [{ key: 'default', rateCards: [unitCard('x', 'new_feature')] }] });
        expect(draft.validationErrors.map((i) => i.code)).toEqual(['unknown_feature']);
        await tg.features.create({ key: 'new_feature', meterKey: 'tokens' });
        expect((await tg.plans.publish('later')).status).toBe('active');
      });

      it('paginates plan versions', async () => {
        for (const key of ['a', 'b', 'c']) await tg.plans.create({ ...proPlan(), key });
        const first = await tg.plans.list({ limit: 2 });
        expect(first.items.map((p) => p.key)).toEqual(['a', 'b']);
        const second = await tg.plans.list({ limit: 2, cursor: first.nextCursor! });
        expect(second.items.map((p) => p.key)).toEqual(['c']);
        expect(second.nextCursor).toBeUndefined();
      });
    });
  });
}
