import { simulateInvoice } from './src/core/invoice';
import { compileRateCard } from './src/core/invoice/compiled-rate-card';
import { tenLineInvoice } from './bench/pricing.bench';
const compiled = { ...tenLineInvoice, lines: tenLineInvoice.lines.map((l) => ({ ...l, rateCard: compileRateCard(l.rateCard), period: { from: new Date(l.period.from), to: new Date(l.period.to) }, ...(l.fullPeriod ? { fullPeriod: { from: new Date(l.fullPeriod.from), to: new Date(l.fullPeriod.to) } } : {}) })) };
for (let i = 0; i < 5000; i++) simulateInvoice(compiled);
for (let r = 0; r < 5; r++) { const n = 20000; const t = performance.now(); for (let i = 0; i < n; i++) simulateInvoice(compiled); console.log(Math.round(n / (performance.now() - t) * 1000), 'invoices/s'); }
