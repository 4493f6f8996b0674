import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { Discounts, FlatPrice, Price, RateCard, TaxConfig, UsagePrice } from 'tollgate';
import type {
  Discounts as CoreDiscounts,
  FlatPrice as CoreFlatPrice,
  Price as CorePrice,
  PriceUsageOptions,
  RateCard as CoreRateCard,
  TaxConfig as CoreTaxConfig,
  UsagePrice as CoreUsagePrice,
} from 'tollgate/core';
import type { EntitlementTemplate, FlatFeeRateCard, UsageBasedRateCard } from '../../src/core/catalog';
import type { MatrixPrice, NumericInput, Tier } from '../../src/core/pricing';
import type { priceSchema, priceUsageOptionsSchema } from '../../src/schema/price';
import type { rateCardSchema } from '../../src/schema/rate-card';

describe('domain types owned by the core', () => {
  it('the package root and tollgate/core export the same types', () => {
    expectTypeOf<Price>().toEqualTypeOf<CorePrice>();
    expectTypeOf<UsagePrice>().toEqualTypeOf<CoreUsagePrice>();
    expectTypeOf<FlatPrice>().toEqualTypeOf<CoreFlatPrice>();
    expectTypeOf<RateCard>().toEqualTypeOf<CoreRateCard>();
    expectTypeOf<Discounts>().toEqualTypeOf<CoreDiscounts>();
    expectTypeOf<TaxConfig>().toEqualTypeOf<CoreTaxConfig>();
  });

  it('the schemas accept exactly the core types', () => {
    expectTypeOf<z.input<typeof priceSchema>>().toEqualTypeOf<CorePrice>();
    expectTypeOf<z.input<typeof priceUsageOptionsSchema>>().toEqualTypeOf<PriceUsageOptions>();
    expectTypeOf<z.input<typeof rateCardSchema>>().toEqualTypeOf<CoreRateCard>();
  });

  it('the core types read as documented', () => {
    expectTypeOf<NumericInput>().toEqualTypeOf<string | number>();
    expectTypeOf<Tier['upTo']>().toEqualTypeOf<string | number | undefined>();
    expectTypeOf<MatrixPrice['entries'][number]['match']>().toEqualTypeOf<Record<string, string>>();
    expectTypeOf<CoreRateCard>().toEqualTypeOf<FlatFeeRateCard | UsageBasedRateCard>();
    expectTypeOf<FlatFeeRateCard['price']>().toEqualTypeOf<CoreFlatPrice | null>();
    expectTypeOf<EntitlementTemplate['type']>().toEqualTypeOf<'metered' | 'boolean' | 'static'>();
  });
});
