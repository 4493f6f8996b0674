import { runMeteringBench } from './bench/metering.bench';
